package org.pouch.intake;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The exchanges this process has queued for delivery and is still recording in the ledger.
 *
 * <p>The intake queues before it records ({@link IntakeRoutes}), so delivery often meets an exchange id
 * the ledger does not hold yet. Delivery waits here for the intake to finish instead of putting the id back
 * on the queue for a later look, and never drops as an orphan an id listed here: recording a large list
 * (its overstay facts, pilgrim by pilgrim, in the ledger's transaction) can outlast any fixed grace. Only
 * this process's intake is known here: an id queued by another node on a shared broker has the grace
 * period alone.
 */
public final class ExchangesBeingRecorded {

    private final ConcurrentMap<String, CountDownLatch> recording = new ConcurrentHashMap<>();

    /** Called by the intake once the exchange is queued; by tests that play the intake. */
    public void started(String exchangeId) {
        recording.put(exchangeId, new CountDownLatch(1));
    }

    /** Called by the intake when it is done with the exchange, recorded or not. */
    public void finished(String exchangeId) {
        CountDownLatch done = recording.remove(exchangeId);
        if (done != null) {
            done.countDown();
        }
    }

    public boolean contains(String exchangeId) {
        return recording.containsKey(exchangeId);
    }

    /**
     * Waits at most {@code atMost} for the intake to be done with the exchange.
     *
     * @return whether it is done (or was never listed)
     */
    public boolean awaitFinished(String exchangeId, Duration atMost) {
        CountDownLatch done = recording.get(exchangeId);
        if (done == null) {
            return true;
        }
        try {
            return done.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
