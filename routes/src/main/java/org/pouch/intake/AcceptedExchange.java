package org.pouch.intake;

import java.time.Instant;
import java.util.Objects;
import org.pouch.exchange.Content;
import org.pouch.exchange.ParticipantId;

/**
 * An exchange the gateway accepted: what it must deliver, and what it answered the sender.
 *
 * @param envelopeSha256 hex SHA-256 of the envelope as received
 * @param envelope the envelope as received, archived for non-repudiation: read as a stream, never whole,
 *     since it may be as large as the envelope limit; no bytes once it was purged past its retention
 * @param receipt the DER receipt the gateway signed and returned
 */
public record AcceptedExchange(
        String exchangeId,
        String messageId,
        ParticipantId sender,
        ParticipantId recipient,
        String messageType,
        String envelopeSha256,
        Instant acceptedAt,
        Content envelope,
        byte[] receipt) {

    public AcceptedExchange {
        Objects.requireNonNull(exchangeId);
        Objects.requireNonNull(messageId);
        Objects.requireNonNull(sender);
        Objects.requireNonNull(recipient);
        Objects.requireNonNull(messageType);
        Objects.requireNonNull(envelopeSha256);
        Objects.requireNonNull(acceptedAt);
        Objects.requireNonNull(envelope);
        Objects.requireNonNull(receipt);
    }
}
