package org.pouch.gateway;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.pouch.exchange.ParticipantId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Who this gateway is and the limits it applies to every submission ({@code pouch.*}). The key material
 * is under {@code pouch.keys} and {@code pouch.trust}, the broker under {@code pouch.broker}.
 *
 * @param participantId the gateway's own participant id: envelopes must be addressed to it
 * @param createdAtWindow how far a document's creation time may lie from the gateway's clock, either way
 * @param maxEnvelopeSize submissions larger than this are refused before they are parsed
 */
@Validated
@ConfigurationProperties("pouch")
public record PouchProperties(
        @NotNull ParticipantId participantId,
        @NotNull @DefaultValue("10m") Duration createdAtWindow,
        @NotNull @DefaultValue("256MB") DataSize maxEnvelopeSize) {

    @AssertTrue(message = "must be positive")
    boolean isCreatedAtWindow() {
        return createdAtWindow == null || !(createdAtWindow.isNegative() || createdAtWindow.isZero());
    }

    @AssertTrue(message = "must be positive")
    boolean isMaxEnvelopeSize() {
        return maxEnvelopeSize == null || maxEnvelopeSize.toBytes() > 0;
    }
}
