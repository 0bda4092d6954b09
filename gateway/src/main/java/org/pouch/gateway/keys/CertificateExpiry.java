package org.pouch.gateway.keys;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pouch.keys.KeyRing;
import org.pouch.keys.RingEntry;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * When the certificates in use expire, ours and the partners': every published key of the gateway
 * (pending with its certificate, primary, secondary) and every live certificate of a partner. In the
 * health endpoint (component {@code certificateExpiry}): {@code DOWN} once one has expired,
 * {@code WARNING} within {@code pouch.key-rings.expiry-warning}, else {@code UP}; and as the gauge
 * {@code pouch.certificate.expiry} (seconds until expiry, negative once expired), tagged with owner,
 * use, key and state.
 */
final class CertificateExpiry implements HealthIndicator, MeterBinder {

    static final Status WARNING = new Status("WARNING", "a certificate expires soon");
    static final String METER = "pouch.certificate.expiry";

    /** One certificate being watched. */
    record Watched(String owner, String use, String key, String state, X509Certificate certificate) {}

    private final LiveKeyRings rings;
    private final Clock clock;
    private final Duration warning;
    private MultiGauge gauge;

    CertificateExpiry(LiveKeyRings rings, Clock clock, Duration warning) {
        this.rings = rings;
        this.clock = clock;
        this.warning = warning;
    }

    List<Watched> watched() {
        List<Watched> watched = new ArrayList<>();
        for (KeyRing ring : rings.snapshot().rings().values()) {
            boolean ours = ring.id().owner().equals(rings.gatewayId());
            List<RingEntry> inUse = ours ? ring.published() : ring.live();
            for (RingEntry entry : inUse) {
                watched.add(new Watched(
                        ring.id().owner().value(),
                        ring.id().purpose().wireName(),
                        entry.id(),
                        entry.state().wireName(),
                        entry.certificate().orElseThrow()));
            }
        }
        return watched;
    }

    @Override
    public Health health() {
        Instant now = clock.instant();
        Status status = Status.UP;
        Map<String, Object> expiring = new LinkedHashMap<>();
        for (Watched w : watched()) {
            Instant notAfter = w.certificate().getNotAfter().toInstant();
            Duration left = Duration.between(now, notAfter);
            if (left.isNegative()) {
                status = Status.DOWN;
            } else if (left.compareTo(warning) > 0) {
                continue;
            } else if (status != Status.DOWN) {
                status = WARNING;
            }
            expiring.put(
                    w.owner() + "/" + w.use() + "/" + w.key(),
                    Map.of("state", w.state(), "notAfter", notAfter.toString(), "daysLeft", left.toDays()));
        }
        return Health.status(status)
                .withDetail("warningThresholdDays", warning.toDays())
                .withDetail("watched", watched().size())
                .withDetail("expiring", expiring)
                .build();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge = MultiGauge.builder(METER)
                .description("Seconds until the certificate expires; negative once it has")
                .baseUnit("seconds")
                .register(registry);
        refreshGauges();
    }

    /** Re-lists the certificates the gauge reports, after the rings changed. */
    void refreshGauges() {
        MultiGauge current = gauge;
        if (current == null) {
            return;
        }
        current.register(
                watched().stream()
                        .map(w -> MultiGauge.Row.of(
                                Tags.of("owner", w.owner(), "use", w.use(), "key", w.key(), "state", w.state()),
                                () -> Duration.between(
                                                clock.instant(),
                                                w.certificate().getNotAfter().toInstant())
                                        .toSeconds()))
                        .toList(),
                true);
    }
}
