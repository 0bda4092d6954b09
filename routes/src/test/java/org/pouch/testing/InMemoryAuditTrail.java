package org.pouch.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.pouch.audit.AuditEvent;
import org.pouch.audit.AuditTrail;

/** The audit trail's contract in memory, for route tests that run without a database. */
public final class InMemoryAuditTrail implements AuditTrail {

    private final List<AuditEvent> events = new CopyOnWriteArrayList<>();
    private final List<List<AuditEvent>> appends = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    @Override
    public void append(AuditEvent event) {
        appendAll(List.of(event));
    }

    /** All or none, as the database's one commit per append. */
    @Override
    public synchronized void appendAll(List<AuditEvent> appended) {
        if (failing) {
            throw new IllegalStateException("the audit table is gone");
        }
        events.addAll(appended);
        appends.add(List.copyOf(appended));
    }

    /** From now on, appends fail and store nothing, as when the database is gone. */
    public void failAppends(boolean fail) {
        failing = fail;
    }

    /** Each append as it was made, the events appended together in one list, oldest first. */
    public List<List<AuditEvent>> appends() {
        return List.copyOf(appends);
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
