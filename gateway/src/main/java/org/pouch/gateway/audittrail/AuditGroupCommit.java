package org.pouch.gateway.audittrail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.pouch.audit.AuditEntry;
import org.pouch.audit.AuditEvent;

/**
 * Appends to the audit log in group commits.
 *
 * <p>Every append must be stored before its caller goes on (a receipt is not sent before its ACCEPTED entry
 * is durable), and appends take the log's one append lock so that indexes have no gap. With a transaction
 * per append, that lock and the commit behind it bounded the whole gateway: under load every request and
 * every delivery queued for it, one commit at a time. Here appenders queue their events and wait; one
 * writer takes everything queued, stores it in one transaction at consecutive indexes and then releases
 * all of them. Under light load a batch is one entry and no one waits longer than before; under heavy load
 * one commit serves hundreds of appends.
 *
 * <p>An append may carry several events (what one step records about one outcome): they get consecutive
 * indexes in the same commit, and are stored together or not at all.
 */
final class AuditGroupCommit implements AutoCloseable {

    /** Bounds one transaction's size in events; the queue beyond it waits for the next commit. */
    static final int MAX_BATCH = 500;

    private record Pending(List<AuditEvent> events, CompletableFuture<List<AuditEntry>> stored) {}

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Function<List<AuditEvent>, List<AuditEntry>> store;
    private final Thread writer;
    private volatile boolean closed;

    /**
     * @param store stores events, in order, in one transaction, and returns their entries; all or none
     */
    AuditGroupCommit(Function<List<AuditEvent>, List<AuditEntry>> store) {
        this.store = store;
        this.writer = new Thread(this::run, "audit-group-commit");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Stores the event and returns its entry once it is committed; throws what storing it threw. */
    AuditEntry append(AuditEvent event) {
        return append(List.of(event)).get(0);
    }

    /**
     * Stores the events at consecutive indexes in one commit and returns their entries, in order, once it
     * is committed; throws what storing them threw, and then none of them is stored.
     */
    List<AuditEntry> append(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        if (closed) {
            throw new IllegalStateException("the audit log is closed");
        }
        Pending pending = new Pending(List.copyOf(events), new CompletableFuture<>());
        queue.add(pending);
        if (closed && queue.remove(pending)) {
            // Closed between the check and the queueing: the writer may be gone.
            throw new IllegalStateException("the audit log is closed");
        }
        try {
            return pending.stored().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** How many appends (not events) wait for the next commit. */
    int queued() {
        return queue.size();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            Pending first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (first == null) {
                continue;
            }
            batch.add(first);
            int events = first.events().size();
            // An append is never split across commits; the one that would overflow waits for the next.
            for (Pending next = queue.peek();
                    next != null && events + next.events().size() <= MAX_BATCH;
                    next = queue.peek()) {
                // The writer is the only taker, but for an append withdrawn as the log closes.
                Pending taken = queue.poll();
                if (taken == null) {
                    break;
                }
                batch.add(taken);
                events += taken.events().size();
            }
            store(batch);
            batch.clear();
        }
        IllegalStateException gone = new IllegalStateException("the audit log is closed");
        for (Pending left = queue.poll(); left != null; left = queue.poll()) {
            left.stored().completeExceptionally(gone);
        }
    }

    private void store(List<Pending> batch) {
        List<AuditEntry> entries;
        try {
            entries = store.apply(
                    batch.stream().flatMap(pending -> pending.events().stream()).toList());
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).stored().completeExceptionally(e);
                return;
            }
            // One append the database refuses must not fail the others that happened to share its commit.
            for (Pending pending : batch) {
                store(List.of(pending));
            }
            return;
        }
        int from = 0;
        for (Pending pending : batch) {
            int to = from + pending.events().size();
            pending.stored().complete(List.copyOf(entries.subList(from, to)));
            from = to;
        }
    }

    /** Stores what is queued, then stops; appends after this are refused. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
