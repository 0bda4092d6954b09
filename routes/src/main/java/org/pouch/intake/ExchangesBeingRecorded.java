package org.pouch.intake;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exchanges this process has queued for delivery and is still recording in the ledger.
 *
 * <p>The intake queues before it records ({@link IntakeRoutes}), so delivery can meet an exchange id the
 * ledger does not hold yet, and drops it as an orphan once a grace period has passed. Recording a large
 * list (its overstay facts, pilgrim by pilgrim, in the ledger's transaction) can outlast any fixed grace;
 * an id listed here is still being recorded, so delivery keeps waiting for it rather than dropping an
 * exchange whose receipt is about to go out. Only this process's intake is known here: an id queued by
 * another node on a shared broker still has the grace period alone.
 */
public final class ExchangesBeingRecorded {

    private final Set<String> exchangeIds = ConcurrentHashMap.newKeySet();

    /** Called by the intake once the exchange is queued; by tests that play the intake. */
    public void started(String exchangeId) {
        exchangeIds.add(exchangeId);
    }

    /** Called by the intake when it is done with the exchange, recorded or not. */
    public void finished(String exchangeId) {
        exchangeIds.remove(exchangeId);
    }

    public boolean contains(String exchangeId) {
        return exchangeIds.contains(exchangeId);
    }
}
