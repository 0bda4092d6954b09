package org.pouch.audit;

/** What happened. The names are public: auditors search for them. */
public enum AuditEventType {
    RECEIVED,
    REJECTED,
    ACCEPTED,
    TRANSFORMED,
    DELIVERY_ATTEMPTED,
    DELIVERED,
    DEAD_LETTERED,
    REPLAYED,
    /** A queued exchange id the ledger never came to hold: dropped after a bounded wait, never delivered. */
    ORPHAN_DROPPED,
    KEY_EVENT,
    ADMIN_ACTION
}
