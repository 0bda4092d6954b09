package org.pouch.audit;

import java.util.List;

/** Where audit events go. Appending is the only write; nothing updates or deletes an entry. */
public interface AuditTrail {

    void append(AuditEvent event);

    /** The most recent events concerning an exchange, oldest first; for tests and operators. */
    List<AuditEvent> forExchange(String exchangeId);

    /** The events that carry this incident id, oldest first. */
    List<AuditEvent> forIncident(String incidentId);
}
