package org.pouch.intake;

import java.time.Duration;
import java.util.Objects;
import org.pouch.exchange.ParticipantId;

/**
 * @param gateway this gateway's participant id, named in its receipts
 * @param createdAtWindow how far a message's createdAt may lie from the gateway's clock, either way
 */
public record IntakeSettings(ParticipantId gateway, Duration createdAtWindow) {

    public IntakeSettings {
        Objects.requireNonNull(gateway);
        if (createdAtWindow.isNegative() || createdAtWindow.isZero()) {
            throw new IllegalArgumentException("the createdAt window must be positive");
        }
    }
}
