package org.pouch.audit;

import java.util.List;
import java.util.Optional;
import org.pouch.audit.checkpoint.SignedCheckpoint;

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
     * The entries at positions {@code from} (inclusive) to {@code to} (exclusive) in index order. In an
     * intact log an entry's position is its index; in a damaged one the difference is the evidence.
     */
    List<RecordedEntry> read(long from, long to);

    void addCheckpoint(SignedCheckpoint checkpoint);

    Optional<SignedCheckpoint> latestCheckpoint();

    /** The most recent checkpoint of exactly this size. */
    Optional<SignedCheckpoint> checkpointOfSize(long size);

    /** Checkpoints whose size lies between the two, inclusive, smallest first; one per size. */
    List<SignedCheckpoint> checkpointsBetween(long fromSize, long toSize);
}
