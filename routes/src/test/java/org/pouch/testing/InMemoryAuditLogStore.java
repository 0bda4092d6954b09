package org.pouch.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.pouch.audit.AuditEntry;
import org.pouch.audit.AuditEntryEncoding;
import org.pouch.audit.AuditEvent;
import org.pouch.audit.AuditLogStore;
import org.pouch.audit.RecordedEntry;
import org.pouch.audit.checkpoint.SignedCheckpoint;
import org.pouch.audit.merkle.MerkleFrontier;

/**
 * The log store's contract in memory, for tests without a database. Unlike the real stores it lets a
 * test play the attacker: {@link #tamper} changes what is stored in place.
 */
public final class InMemoryAuditLogStore implements AuditLogStore {

    private final List<RecordedEntry> entries = new ArrayList<>();
    private final List<SignedCheckpoint> checkpoints = new ArrayList<>();
    private final Map<SignedCheckpoint, byte[]> frontiers = new IdentityHashMap<>();
    private final AtomicLong scanned = new AtomicLong();

    @Override
    public synchronized AuditEntry add(AuditEvent event) {
        AuditEntry entry = AuditEntry.of(entries.size(), event);
        entries.add(new RecordedEntry(entry, AuditEntryEncoding.leafHash(entry)));
        return entry;
    }

    @Override
    public synchronized long size() {
        return entries.size();
    }

    @Override
    public void scan(long from, long to, Consumer<RecordedEntry> each) {
        List<RecordedEntry> range;
        synchronized (this) {
            range = List.copyOf(
                    entries.subList((int) Math.min(from, entries.size()), (int) Math.min(to, entries.size())));
        }
        scanned.addAndGet(range.size());
        range.forEach(each);
    }

    @Override
    public void scanFromIndex(long fromIndex, long to, Consumer<RecordedEntry> each) {
        List<RecordedEntry> range;
        synchronized (this) {
            range = entries.stream()
                    .filter(recorded -> recorded.entry().index() >= fromIndex)
                    .limit(Math.max(0, to - fromIndex))
                    .toList();
        }
        scanned.addAndGet(range.size());
        range.forEach(each);
    }

    /** How many entries both scans have handed over since this store was made. */
    public long scanned() {
        return scanned.get();
    }

    @Override
    public synchronized void addCheckpoint(SignedCheckpoint checkpoint, MerkleFrontier frontier) {
        checkpoints.add(checkpoint);
        frontiers.put(checkpoint, frontier.encode());
    }

    @Override
    public synchronized Optional<MerkleFrontier> latestFrontier() {
        if (checkpoints.isEmpty()) {
            return Optional.empty();
        }
        SignedCheckpoint latest = checkpoints.get(checkpoints.size() - 1);
        return Optional.ofNullable(frontiers.get(latest))
                .map(encoded -> MerkleFrontier.decode(latest.checkpoint().size(), encoded));
    }

    /** What an attacker who reaches the stored frontiers does: replaces the latest one's bytes. */
    public synchronized void tamperLatestFrontier(byte[] encoded) {
        frontiers.put(checkpoints.get(checkpoints.size() - 1), encoded);
    }

    @Override
    public synchronized Optional<SignedCheckpoint> latestCheckpoint() {
        return checkpoints.isEmpty() ? Optional.empty() : Optional.of(checkpoints.get(checkpoints.size() - 1));
    }

    @Override
    public synchronized Optional<SignedCheckpoint> checkpointOfSize(long size) {
        return checkpoints.stream().filter(c -> c.checkpoint().size() == size).reduce((first, second) -> second);
    }

    @Override
    public synchronized List<SignedCheckpoint> checkpointsBetween(long fromSize, long toSize) {
        return checkpoints.stream()
                .filter(c -> c.checkpoint().size() >= fromSize && c.checkpoint().size() <= toSize)
                .sorted(Comparator.comparingLong(c -> c.checkpoint().size()))
                .toList();
    }

    /** What an attacker who also reaches the checkpoints does. */
    public synchronized void tamperCheckpoints(java.util.function.Consumer<List<SignedCheckpoint>> change) {
        change.accept(checkpoints);
    }

    /** What an attacker with write access to the storage does: replaces the stored list as a whole. */
    public synchronized void tamper(java.util.function.Consumer<List<RecordedEntry>> change) {
        change.accept(entries);
    }
}
