package org.pouch.audit;

import java.io.IOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.pouch.audit.merkle.MerkleFrontier;
import org.pouch.audit.merkle.MerkleTiles;
import org.pouch.audit.merkle.MerkleTree;

/**
 * The verifiable log over a store: signs checkpoints and proves inclusion and consistency. Proofs and
 * exports are computed from the entries as they read now, re-encoded and re-hashed, never from hashes
 * stored beside them: a changed entry changes the tree, and the proofs then fail against the checkpoints
 * signed before the change, which is how an auditor sees it. A checkpoint extends the tree's edge stored
 * with the previous one, which must fold to the root that one signs, by the entries appended since; the
 * whole log is read again at the first checkpoint and once per whole-log interval.
 */
public final class AuditLog {

    private final AuditLogStore store;
    private final CheckpointSigner signer;
    private final String origin;
    private final Clock clock;
    private final Duration wholeLogCheckInterval;
    private Instant lastWholeLogCheck;

    /**
     * @param wholeLogCheckInterval how long a checkpoint may extend the previous one by the new entries
     *     alone before one reads and checks the whole log again; zero checks it for every checkpoint
     */
    public AuditLog(
            AuditLogStore store, CheckpointSigner signer, String origin, Clock clock, Duration wholeLogCheckInterval) {
        this.store = Objects.requireNonNull(store);
        this.signer = Objects.requireNonNull(signer);
        this.origin = Objects.requireNonNull(origin);
        this.clock = Objects.requireNonNull(clock);
        if (wholeLogCheckInterval.isNegative()) {
            throw new IllegalArgumentException("the whole-log check interval is zero or more");
        }
        this.wholeLogCheckInterval = wholeLogCheckInterval;
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
     * this size. The first checkpoint this object signs, and the first after each whole-log interval, reads
     * and checks every entry of the log; the others extend the right edge stored with the previous
     * checkpoint by the entries appended since, checking those.
     *
     * @throws LogDamagedException if an entry it checks no longer matches its recorded hash, is missing, or
     *     the log no longer extends the previous checkpoint: the gateway never signs a log it can see was
     *     changed
     */
    public synchronized SignedCheckpoint checkpoint() {
        long size = store.size();
        Optional<SignedCheckpoint> latest = store.latestCheckpoint();
        if (latest.isPresent() && latest.get().checkpoint().size() == size) {
            return latest.get();
        }
        Optional<Checkpoint> previous = latest.map(SignedCheckpoint::checkpoint);
        if (previous.isPresent() && previous.get().size() > size) {
            throw doesNotExtend(previous.get());
        }
        Instant now = clock.instant();
        boolean wholeLogDue = lastWholeLogCheck == null || !now.isBefore(lastWholeLogCheck.plus(wholeLogCheckInterval));
        Optional<MerkleFrontier> stored = wholeLogDue ? Optional.empty() : previous.flatMap(this::storedFrontierOf);
        MerkleFrontier frontier;
        if (stored.isPresent()) {
            frontier = stored.get();
            store.scanFromIndex(
                    frontier.size(), size, recorded -> frontier.append(checkedLeafHash(recorded, frontier.size())));
            if (frontier.size() != size) {
                throw missing(frontier.size(), size);
            }
        } else {
            frontier = wholeLog(size, previous);
            lastWholeLogCheck = now;
        }
        SignedCheckpoint signed = signer.sign(new Checkpoint(origin, size, frontier.root(), now));
        store.addCheckpoint(signed, frontier);
        return signed;
    }

    /**
     * The right edge stored with the previous checkpoint, if it folds to the root that checkpoint signs:
     * then it is that tree's edge and nothing else (another would be a SHA-256 collision), and the log's
     * first entries need not be read again to extend it.
     */
    private Optional<MerkleFrontier> storedFrontierOf(Checkpoint previous) {
        return store.latestFrontier()
                .filter(frontier -> frontier.size() == previous.size()
                        && MessageDigest.isEqual(frontier.root(), previous.rootHash()));
    }

    /**
     * Every entry from the first, each in its place and as recorded, in one pass that keeps the tree's
     * right edge rather than its leaves; the root at the previous checkpoint's size is taken on the way.
     */
    private MerkleFrontier wholeLog(long size, Optional<Checkpoint> previous) {
        MerkleFrontier frontier = new MerkleFrontier();
        byte[][] rootAtPrevious = {previous.isPresent() && previous.get().size() == 0 ? frontier.root() : null};
        store.scan(0, size, recorded -> {
            frontier.append(checkedLeafHash(recorded, frontier.size()));
            if (previous.isPresent() && frontier.size() == previous.get().size()) {
                rootAtPrevious[0] = frontier.root();
            }
        });
        if (frontier.size() != size) {
            throw missing(frontier.size(), size);
        }
        if (previous.isPresent()
                && !MessageDigest.isEqual(rootAtPrevious[0], previous.get().rootHash())) {
            // The log must extend what the gateway signed last: a forger who recomputed an entry's hash,
            // or cut the log and appended again, fails here.
            throw doesNotExtend(previous.get());
        }
        return frontier;
    }

    /** The entry's leaf hash as it reads now, once it is where it should be and matches what was recorded. */
    private static byte[] checkedLeafHash(RecordedEntry recorded, long expectedIndex) {
        if (recorded.entry().index() != expectedIndex) {
            throw new LogDamagedException(expectedIndex, "entry " + expectedIndex + " is missing");
        }
        byte[] leaf = recorded.leafHash();
        if (!MessageDigest.isEqual(leaf, recorded.recordedLeafHash())) {
            throw new LogDamagedException(
                    expectedIndex, "entry " + expectedIndex + " no longer matches the hash recorded when appended");
        }
        return leaf;
    }

    private static LogDamagedException doesNotExtend(Checkpoint previous) {
        return new LogDamagedException(
                0,
                "the log no longer extends the checkpoint of size " + previous.size() + " signed at "
                        + previous.time());
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
        MerkleTree tree = MerkleTree.over(tiles(treeSize));
        return new InclusionProof(
                index, treeSize, tree.leafHash(index), tree.inclusionProof(index, treeSize), tree.root());
    }

    /** The proof that the log of {@code to} entries extends the log of {@code from} entries. */
    public ConsistencyProof proveConsistency(long from, long to) {
        checkTreeSize(to);
        if (from < 0 || from > to) {
            throw new IllegalArgumentException("a consistency proof needs 0 <= from <= to");
        }
        MerkleTree tree = MerkleTree.over(tiles(to));
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
        Optional<MerkleTiles> tiles = whole ? Optional.empty() : Optional.of(tiles(coveringSize));
        out.append(AuditExport.header(new AuditExport.Header(origin, from, to))).append('\n');
        for (SignedCheckpoint checkpoint : checkpoints) {
            if (checkpoint.checkpoint().size() <= coveringSize) {
                out.append(AuditExport.checkpoint(checkpoint)).append('\n');
            }
        }
        ExportLines lines = new ExportLines(out);
        if (tiles.isEmpty()) {
            store.scan(from, to, recorded -> lines.write(recorded, List.of()));
        } else {
            writeWithInclusionProofs(from, to, tiles.get(), lines);
        }
        lines.rethrow();
    }

    /**
     * Reads the tiles the range lies in, one after the other, so that each entry's proof finds the leaves
     * of its tile already at hand rather than reading them again.
     */
    private void writeWithInclusionProofs(long from, long to, MerkleTiles tiles, ExportLines lines) {
        MerkleTree tree = MerkleTree.over(tiles);
        long tileSize = tiles.tileSize();
        long first = from - from % tileSize;
        long end = Math.min(tiles.size(), (to + tileSize - 1) / tileSize * tileSize);
        List<RecordedEntry> tile = new ArrayList<>();
        long[] position = {first};
        Runnable writeTile = () -> {
            long tileStart = position[0] - tile.size();
            long tileEnd = Math.min(tiles.size(), tileStart + tileSize);
            if (tile.size() == tileEnd - tileStart) {
                tiles.useLeavesOf(
                        tileStart / tileSize,
                        tile.stream().map(RecordedEntry::leafHash).toList());
            }
            for (int i = 0; i < tile.size(); i++) {
                long at = tileStart + i;
                if (at >= from && at < to) {
                    long index = tile.get(i).entry().index();
                    lines.write(tile.get(i), index < tree.size() ? tree.inclusionProof(index, tree.size()) : List.of());
                }
            }
            tile.clear();
        };
        store.scan(first, end, recorded -> {
            tile.add(recorded);
            position[0]++;
            if (position[0] % tileSize == 0 || position[0] == end) {
                writeTile.run();
            }
        });
        if (!tile.isEmpty()) {
            writeTile.run();
        }
    }

    /** An export's entry lines; an I/O failure stops the writing and is thrown once the scan returns. */
    private static final class ExportLines {

        private final Appendable out;
        private IOException failure;

        ExportLines(Appendable out) {
            this.out = out;
        }

        void write(RecordedEntry recorded, List<byte[]> proof) {
            if (failure != null) {
                return;
            }
            try {
                out.append(AuditExport.entry(
                                new AuditExport.EntryLine(recorded.entry(), recorded.recordedLeafHash(), proof)))
                        .append('\n');
            } catch (IOException e) {
                failure = e;
            }
        }

        void rethrow() throws IOException {
            if (failure != null) {
                throw failure;
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
     * The tiles of the first {@code size} entries as they read now, for proofs: one pass over the log, one
     * hash kept per tile; a proof reads the tile it goes below again.
     */
    private MerkleTiles tiles(long size) {
        MerkleTiles.Builder builder = MerkleTiles.builder(MerkleTiles.DEFAULT_TILE_SIZE);
        store.scan(0, size, recorded -> builder.append(recorded.leafHash()));
        if (builder.size() != size) {
            throw missing(builder.size(), size);
        }
        return builder.build(tile -> {
            long first = tile * MerkleTiles.DEFAULT_TILE_SIZE;
            long end = Math.min(size, first + MerkleTiles.DEFAULT_TILE_SIZE);
            List<byte[]> leaves = new ArrayList<>();
            store.scan(first, end, recorded -> leaves.add(recorded.leafHash()));
            if (leaves.size() != end - first) {
                throw missing(first + leaves.size(), end);
            }
            return leaves;
        });
    }

    private static LogDamagedException missing(long from, long to) {
        return new LogDamagedException(from, "entries " + from + " to " + to + " are missing");
    }
}
