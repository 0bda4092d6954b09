package org.pouch.gateway.embeddeddatabase;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Housekeeping of the embedded H2 database ({@code pouch.embedded-database.*}); nothing here applies to
 * PostgreSQL.
 *
 * @param compactInterval how often the H2 file is compacted while commits are written at once
 *     ({@code WRITE_DELAY=0})
 */
@Validated
@ConfigurationProperties("pouch.embedded-database")
public record EmbeddedDatabaseProperties(
        @NotNull @DefaultValue("5s") Duration compactInterval) {

    @AssertTrue(message = "must be positive")
    boolean isCompactInterval() {
        return compactInterval == null || !(compactInterval.isNegative() || compactInterval.isZero());
    }
}
