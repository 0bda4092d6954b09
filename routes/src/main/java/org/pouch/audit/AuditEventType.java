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
    KEY_EVENT,
    ADMIN_ACTION
}
