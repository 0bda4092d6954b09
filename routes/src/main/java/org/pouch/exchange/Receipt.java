package org.pouch.exchange;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a gateway signs when it accepts a submission: the sender's proof of delivery to the gateway.
 *
 * @param gateway the participant id of the gateway that accepted
 * @param exchangeId the gateway's id for the exchange
 * @param messageId the sender's message id
 * @param from the sender
 * @param to the recipient named in the header
 * @param envelopeSha256 lower-case hex SHA-256 of the envelope exactly as the gateway received it
 * @param acceptedAt when the exchange became durable at the gateway
 */
public record Receipt(
        ParticipantId gateway,
        String exchangeId,
        String messageId,
        ParticipantId from,
        ParticipantId to,
        String envelopeSha256,
        Instant acceptedAt,
        Status status) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /** What the gateway says about the exchange. */
    public enum Status {
        ACCEPTED("accepted");

        private final String wire;

        Status(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public static Status fromWire(String wire) {
            for (Status status : values()) {
                if (status.wire.equals(wire)) {
                    return status;
                }
            }
            throw new IllegalArgumentException("unknown receipt status " + wire);
        }
    }

    public Receipt {
        Objects.requireNonNull(gateway);
        Objects.requireNonNull(exchangeId);
        Objects.requireNonNull(messageId);
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        Objects.requireNonNull(status);
        if (envelopeSha256 == null || !SHA256_HEX.matcher(envelopeSha256).matches()) {
            throw new IllegalArgumentException("envelopeSha256 must be 64 lower-case hex digits");
        }
        acceptedAt = acceptedAt.truncatedTo(ChronoUnit.MILLIS);
    }
}
