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
 */
final class AuditGroupCommit implements AutoCloseable {

    /** Bounds one transaction's size; the queue beyond it waits for the next commit. */
    static final int MAX_BATCH = 500;

    private record Pending(AuditEvent event, CompletableFuture<AuditEntry> stored) {}

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
        if (closed) {
            throw new IllegalStateException("the audit log is closed");
        }
        Pending pending = new Pending(event, new CompletableFuture<>());
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

    /** How many appends wait for the next commit. */
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
            queue.drainTo(batch, MAX_BATCH - 1);
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
            entries = store.apply(batch.stream().map(Pending::event).toList());
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).stored().completeExceptionally(e);
                return;
            }
            // One event the database refuses must not fail the others that happened to share its commit.
            for (Pending pending : batch) {
                store(List.of(pending));
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).stored().complete(entries.get(i));
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
