package org.pouch.audit;

import java.util.List;

/** Where audit events go. Appending is the only write; nothing updates or deletes an entry. */
public interface AuditTrail {

    /** Appends the event; returns once it is stored. */
    void append(AuditEvent event);

    /**
     * Appends the events at consecutive positions, stored together or not at all; returns once they are
     * stored. For what one step records about one outcome (an attempt and what came of it): one wait for
     * the log instead of one per event.
     */
    void appendAll(List<AuditEvent> events);

    /** The most recent events concerning an exchange, oldest first; for tests and operators. */
    List<AuditEvent> forExchange(String exchangeId);

    /** The events that carry this incident id, oldest first. */
    List<AuditEvent> forIncident(String incidentId);
}
