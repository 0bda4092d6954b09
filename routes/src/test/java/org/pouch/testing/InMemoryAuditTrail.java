package org.pouch.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.pouch.audit.AuditEvent;
import org.pouch.audit.AuditTrail;

/** The audit trail's contract in memory, for route tests that run without a database. */
public final class InMemoryAuditTrail implements AuditTrail {

    private final List<AuditEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void append(AuditEvent event) {
        events.add(event);
    }

    @Override
    public void appendAll(List<AuditEvent> appended) {
        events.addAll(appended);
    }

    @Override
    public List<AuditEvent> forExchange(String exchangeId) {
        return events.stream()
                .filter(e -> e.exchangeId().filter(exchangeId::equals).isPresent())
                .toList();
    }

    @Override
    public List<AuditEvent> forIncident(String incidentId) {
        return events.stream()
                .filter(e -> e.incidentId().filter(incidentId::equals).isPresent())
                .toList();
    }

    public List<AuditEvent> all() {
        return List.copyOf(events);
    }
}
