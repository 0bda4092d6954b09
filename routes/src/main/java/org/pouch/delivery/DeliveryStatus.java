package org.pouch.delivery;

/** Where a delivery stands. The names are stored and shown to operators. */
public enum DeliveryStatus {
    /** Sealed for the recipient; attempts go on. */
    PENDING,
    /** The recipient answered with success. */
    DELIVERED,
    /** Attempts or time ran out, or the recipient refused it for good; waiting for an operator. */
    DEAD_LETTERED
}
