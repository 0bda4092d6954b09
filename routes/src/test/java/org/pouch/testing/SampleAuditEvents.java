package org.pouch.testing;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.pouch.audit.AuditEvent;
import org.pouch.audit.AuditEventType;
import org.pouch.exchange.ParticipantId;

/** Audit events that differ by a number, for tests and benchmarks that fill a log. */
public final class SampleAuditEvents {

    private SampleAuditEvents() {}

    /** A delivery attempt of exchange {@code i}, every field set, at a time that grows with {@code i}. */
    public static AuditEvent deliveryAttempt(long i) {
        return new AuditEvent(
                Instant.parse("2026-11-27T10:00:00Z").plusMillis(i),
                AuditEventType.DELIVERY_ATTEMPTED,
                "delivery.send",
                "PK-GW",
                Optional.of("exchange-" + i),
                Optional.of("message-" + i),
                Optional.of(ParticipantId.of("PK-MOI")),
                Optional.of(ParticipantId.of("IQ-MOI")),
                Optional.of("pilgrim-list"),
                Optional.of("ab".repeat(32)),
                Optional.empty(),
                Optional.empty(),
                Map.of("attempt", Long.toString(i)));
    }
}
