package org.pouch.delivery;

import java.time.Instant;

/** What the delivery route does with the queue message once the step has run. */
public sealed interface DeliveryDecision {

    /** Nothing more: delivered, or a duplicate queue message of a delivery that is settled. */
    record Done() implements DeliveryDecision {}

    /** Queue the exchange id again, held back by the broker until {@code at}. */
    record Retry(Instant at, int attempts) implements DeliveryDecision {}

    /** Put the exchange id on the dead-letter queue; the database says dead-lettered already. */
    record DeadLettered(String reason) implements DeliveryDecision {}

    /** An id the ledger never came to hold: audited, and the queue message dropped. */
    record Dropped() implements DeliveryDecision {}
}
