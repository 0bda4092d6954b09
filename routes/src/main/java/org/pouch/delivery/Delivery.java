package org.pouch.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pouch.exchange.Content;
import org.pouch.exchange.ParticipantId;

/**
 * One exchange's delivery to its recipient: the envelope sealed for it once, and sent as it is on every
 * attempt, so that a retry is byte for byte the message the recipient may already have.
 *
 * @param messageId the delivered document's message id, also the {@code Idempotency-Key}
 * @param envelope the envelope sealed for the recipient, read as a stream wherever it is held (a spool
 *     while it is prepared, the store after); empty when the delivery could not be prepared
 * @param envelopeSha256 hex SHA-256 of {@code envelope}: what the recipient's receipt names
 * @param format the payload format delivered, for example {@code xml}
 * @param stripped the fields minimisation removed
 * @param attempts attempts since the delivery was prepared or last replayed
 * @param budgetSince when the attempt budget started: acceptance, or the latest replay
 * @param lastError the latest failed attempt's outcome, without payload
 * @param partnerReceipt the recipient's signed receipt, when it sent one that verified
 */
public record Delivery(
        String exchangeId,
        ParticipantId recipient,
        String messageId,
        Content envelope,
        String envelopeSha256,
        String format,
        List<String> stripped,
        DeliveryStatus status,
        int attempts,
        Instant budgetSince,
        Optional<String> lastError,
        Optional<byte[]> partnerReceipt) {

    public Delivery {
        Objects.requireNonNull(exchangeId);
        Objects.requireNonNull(recipient);
        Objects.requireNonNull(messageId);
        Objects.requireNonNull(envelope);
        Objects.requireNonNull(envelopeSha256);
        Objects.requireNonNull(format);
        stripped = List.copyOf(stripped);
        Objects.requireNonNull(status);
        Objects.requireNonNull(budgetSince);
        Objects.requireNonNull(lastError);
        Objects.requireNonNull(partnerReceipt);
    }

    /** An envelope of no bytes: the placeholder of a delivery that could not be prepared. */
    public static final Content NO_ENVELOPE = Content.inMemory(new byte[0]);

    /** Whether an envelope was sealed for it; a placeholder has none until it is replayed. */
    public boolean sealed() {
        return envelope.size() > 0;
    }

    @Override
    public String toString() {
        return "Delivery[" + exchangeId + " to " + recipient + ", " + status + ", " + attempts + " attempts]";
    }
}
