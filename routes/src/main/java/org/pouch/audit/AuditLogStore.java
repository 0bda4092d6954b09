package org.pouch.audit;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.pouch.audit.checkpoint.SignedCheckpoint;
import org.pouch.audit.merkle.MerkleFrontier;

/**
 * Where the log's entries and checkpoints are kept. Nothing is ever updated or deleted: entries are
 * appended at the next index, checkpoints added.
 */
public interface AuditLogStore {

    /**
     * Appends the event at the next free index, with the leaf hash of its encoding, so that indexes stay
     * 0, 1, 2, ... without a gap even when several gateway nodes append at once.
     */
    AuditEntry add(AuditEvent event);

    /** How many entries the log holds. */
    long size();

    /**
     * Hands over the entries at positions {@code from} (inclusive) to {@code to} (exclusive) in index
     * order, one at a time, and stops early where the log ends. In an intact log an entry's position is its
     * index; in a damaged one the difference is the evidence. A store reads them a bounded batch at a time,
     * each batch starting where the last one ended, so that reading the whole log costs as much as its size
     * and needs memory for one batch only.
     */
    void scan(long from, long to, Consumer<RecordedEntry> each);

    /**
     * Hands over the entries whose indexes are {@code fromIndex} or above, in index order, at most {@code
     * to - fromIndex} of them, as {@link #scan} does. It finds the first by its index rather than by
     * counting rows, so that reading the end of a long log costs only the end; in an intact log the two
     * scans hand over the same entries.
     */
    void scanFromIndex(long fromIndex, long to, Consumer<RecordedEntry> each);

    /**
     * Stores a checkpoint with the right edge of the tree it signs, from which the next checkpoint extends
     * it.
     */
    void addCheckpoint(SignedCheckpoint checkpoint, MerkleFrontier frontier);

    Optional<SignedCheckpoint> latestCheckpoint();

    /**
     * The tree's right edge stored with the latest checkpoint; empty when that checkpoint was stored
     * without one (before the log kept them).
     */
    Optional<MerkleFrontier> latestFrontier();

    /** The most recent checkpoint of exactly this size. */
    Optional<SignedCheckpoint> checkpointOfSize(long size);

    /** Checkpoints whose size lies between the two, inclusive, smallest first; one per size. */
    List<SignedCheckpoint> checkpointsBetween(long fromSize, long toSize);
}
