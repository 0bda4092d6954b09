package org.pouch.gateway.archive;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The archive of envelopes as received ({@code pouch.archive.*}), kept for non-repudiation.
 *
 * @param retention how long an envelope is kept after it was accepted; then its bytes are purged and
 *     its digest stays
 * @param purgeInterval how often the gateway looks for envelopes past retention
 */
@Validated
@ConfigurationProperties("pouch.archive")
public record ArchiveProperties(
        @NotNull @DefaultValue("3650d") Duration retention,
        @NotNull @DefaultValue("1h") Duration purgeInterval) {

    @AssertTrue(message = "must be positive")
    boolean isRetention() {
        return retention == null || !(retention.isNegative() || retention.isZero());
    }

    @AssertTrue(message = "must be positive")
    boolean isPurgeInterval() {
        return purgeInterval == null || !(purgeInterval.isNegative() || purgeInterval.isZero());
    }
}
