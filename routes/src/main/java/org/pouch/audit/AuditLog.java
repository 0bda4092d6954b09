package org.pouch.audit;

import java.io.IOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pouch.audit.checkpoint.Checkpoint;
import org.pouch.audit.checkpoint.CheckpointSigner;
import org.pouch.audit.checkpoint.SignedCheckpoint;
import org.pouch.audit.export.AuditExport;
import org.pouch.audit.merkle.ConsistencyProof;
import org.pouch.audit.merkle.InclusionProof;
import org.pouch.audit.merkle.MerkleTree;

/**
 * The verifiable log over a store: signs checkpoints and proves inclusion and consistency. Every answer
 * is computed from the entries as they read now, re-encoded and re-hashed, never from hashes stored
 * beside them: a changed entry changes the tree, and the proofs then fail against the checkpoints
 * signed before the change, which is how an auditor sees it.
 */
public final class AuditLog {

    /** Entries read from the store at a time when the whole tree is rebuilt. */
    private static final int BATCH = 10_000;

    private final AuditLogStore store;
    private final CheckpointSigner signer;
    private final String origin;
    private final Clock clock;

    public AuditLog(AuditLogStore store, CheckpointSigner signer, String origin, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.signer = Objects.requireNonNull(signer);
        this.origin = Objects.requireNonNull(origin);
        this.clock = Objects.requireNonNull(clock);
    }

    public String origin() {
        return origin;
    }

    public AuditEntry append(AuditEvent event) {
        return store.add(event);
    }

    public long size() {
        return store.size();
    }

    /**
     * Signs and stores a checkpoint of the log as it is now, unless the latest checkpoint already has
     * this size.
     *
     * @throws LogDamagedException if an entry no longer matches its recorded hash: the gateway never
     *     signs a log it can see was changed
     */
    public SignedCheckpoint checkpoint() {
        long size = store.size();
        Optional<SignedCheckpoint> latest = store.latestCheckpoint();
        if (latest.isPresent() && latest.get().checkpoint().size() == size) {
            return latest.get();
        }
        MerkleTree tree = tree(size, true);
        if (latest.isPresent()) {
            // The log must extend what the gateway signed last: a forger who recomputed an entry's hash,
            // or cut the log and appended again, fails here.
            Checkpoint previous = latest.get().checkpoint();
            if (previous.size() > size || !MessageDigest.isEqual(tree.root(previous.size()), previous.rootHash())) {
                throw new LogDamagedException(
                        0,
                        "the log no longer extends the checkpoint of size " + previous.size() + " signed at "
                                + previous.time());
            }
        }
        SignedCheckpoint signed = signer.sign(new Checkpoint(origin, size, tree.root(), clock.instant()));
        store.addCheckpoint(signed);
        return signed;
    }

    public Optional<SignedCheckpoint> latestCheckpoint() {
        return store.latestCheckpoint();
    }

    public Optional<SignedCheckpoint> checkpointOfSize(long size) {
        return store.checkpointOfSize(size);
    }

    /** The proof that entry {@code index} is in the log of {@code treeSize} entries. */
    public InclusionProof proveInclusion(long index, long treeSize) {
        checkTreeSize(treeSize);
        MerkleTree tree = tree(treeSize, false);
        return new InclusionProof(
                index, treeSize, tree.leafHash(index), tree.inclusionProof(index, treeSize), tree.root());
    }

    /** The proof that the log of {@code to} entries extends the log of {@code from} entries. */
    public ConsistencyProof proveConsistency(long from, long to) {
        checkTreeSize(to);
        if (from < 0 || from > to) {
            throw new IllegalArgumentException("a consistency proof needs 0 <= from <= to");
        }
        MerkleTree tree = tree(to, false);
        return new ConsistencyProof(from, to, tree.root(from), tree.root(), tree.consistencyProof(from, to));
    }

    /**
     * Writes entries {@code from} to {@code to} as an export (see {@link AuditExport}), covered by the
     * first checkpoint of size {@code to} or more, signing one now if there is none yet. Each entry carries
     * its inclusion proof unless the export is the whole log up to its checkpoint.
     */
    public void export(long from, long to, Appendable out) throws IOException {
        checkTreeSize(to);
        if (from < 0 || from > to) {
            throw new IllegalArgumentException("an export needs 0 <= from <= to");
        }
        List<SignedCheckpoint> checkpoints = new ArrayList<>(store.checkpointsBetween(from, Long.MAX_VALUE));
        Optional<SignedCheckpoint> covering = checkpoints.stream()
                .filter(signed -> signed.checkpoint().size() >= to)
                .findFirst();
        if (covering.isEmpty()) {
            covering = Optional.of(checkpoint());
            checkpoints.add(covering.get());
        }
        long coveringSize = covering.get().checkpoint().size();
        boolean whole = from == 0 && coveringSize == to;
        Optional<MerkleTree> tree = whole ? Optional.empty() : Optional.of(tree(coveringSize, false));
        out.append(AuditExport.header(new AuditExport.Header(origin, from, to))).append('\n');
        for (SignedCheckpoint checkpoint : checkpoints) {
            if (checkpoint.checkpoint().size() <= coveringSize) {
                out.append(AuditExport.checkpoint(checkpoint)).append('\n');
            }
        }
        for (long start = from; start < to; start += BATCH) {
            for (RecordedEntry recorded : store.read(start, Math.min(to, start + BATCH))) {
                long index = recorded.entry().index();
                List<byte[]> proof = tree.isPresent() && index < coveringSize
                        ? tree.get().inclusionProof(index, coveringSize)
                        : List.of();
                out.append(AuditExport.entry(
                                new AuditExport.EntryLine(recorded.entry(), recorded.recordedLeafHash(), proof)))
                        .append('\n');
            }
        }
    }

    private void checkTreeSize(long treeSize) {
        long size = store.size();
        if (treeSize < 0 || treeSize > size) {
            throw new IllegalArgumentException("the log has " + size + " entries, not " + treeSize);
        }
    }

    /**
     * The tree of the first {@code size} entries as they read now.
     *
     * @param strict whether an entry that no longer matches its recorded hash stops the build
     */
    private MerkleTree tree(long size, boolean strict) {
        List<byte[]> leaves = new ArrayList<>((int) Math.min(size, Integer.MAX_VALUE - 8));
        for (long from = 0; from < size; from += BATCH) {
            long to = Math.min(size, from + BATCH);
            List<RecordedEntry> batch = store.read(from, to);
            for (RecordedEntry recorded : batch) {
                long expected = leaves.size();
                if (strict && recorded.entry().index() != expected) {
                    throw new LogDamagedException(expected, "entry " + expected + " is missing");
                }
                byte[] leaf = recorded.leafHash();
                if (strict && !MessageDigest.isEqual(leaf, recorded.recordedLeafHash())) {
                    throw new LogDamagedException(
                            expected, "entry " + expected + " no longer matches the hash recorded when appended");
                }
                leaves.add(leaf);
            }
            if (batch.size() != to - from) {
                throw new LogDamagedException(leaves.size(), "entries " + from + " to " + to + " are incomplete");
            }
        }
        return MerkleTree.of(leaves);
    }
}
