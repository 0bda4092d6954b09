package org.pouch.gateway.auditlog;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The verifiable audit log ({@code pouch.audit.*}).
 *
 * @param origin the log's name in its checkpoints; by default the gateway's participant id followed by
 *     {@code /audit}. Never change it once checkpoints are signed: auditors match on it.
 * @param checkpointInterval how often the gateway signs a checkpoint, if the log grew
 * @param wholeLogCheckInterval how long checkpoints may extend the previous one by the entries appended since,
 *     before one reads and checks every entry of the log again (the first after a start always does); zero
 *     checks the whole log at every checkpoint
 */
@Validated
@ConfigurationProperties("pouch.audit")
public record AuditLogProperties(
        Optional<String> origin,
        @NotNull @DefaultValue("5m") Duration checkpointInterval,
        @NotNull @DefaultValue("24h") Duration wholeLogCheckInterval) {

    @AssertTrue(message = "must be positive")
    boolean isCheckpointInterval() {
        return checkpointInterval == null || !(checkpointInterval.isNegative() || checkpointInterval.isZero());
    }

    @AssertTrue(message = "must be zero or more")
    boolean isWholeLogCheckInterval() {
        return wholeLogCheckInterval == null || !wholeLogCheckInterval.isNegative();
    }
}
