package org.pouch.intake;

import java.util.Optional;
import org.pouch.exchange.ParticipantId;

/**
 * The durable record of accepted exchanges, which is also the memory of message ids: a sender's
 * message id is accepted once, ever.
 */
public interface ExchangeLedger {

    /** The exchange this sender's message id was accepted as, if any. */
    Optional<AcceptedExchange> findByMessageId(ParticipantId sender, String messageId);

    /** The exchange the gateway accepted under this exchange id, if the ledger holds it. */
    Optional<AcceptedExchange> findByExchangeId(String exchangeId);

    /**
     * Records the exchange durably, in the caller's transaction if there is one.
     *
     * @throws DuplicateMessageIdException when the sender's message id is already recorded, which a
     *     concurrent submission of the same message can cause
     */
    void record(AcceptedExchange exchange);

    /** Thrown by {@link #record} when the (sender, message id) pair exists already. */
    final class DuplicateMessageIdException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public DuplicateMessageIdException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
