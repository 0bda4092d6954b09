package org.pouch.audit.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Merkle tree as RFC 9162 section 2.1 defines it: its root (MTH), a leaf's inclusion proof (PATH) and
 * the consistency proof between two of its sizes (PROOF). Every size up to the tree's is a tree of its
 * own, so one tree answers for the log at any earlier size.
 *
 * <p>The hashes of subtrees come from {@link Subtrees}: either a list of every leaf hash ({@link #of}),
 * each call recomputing what it needs, simple and obviously right; or {@link MerkleTiles}, which keeps one
 * hash per tile of leaves and reads a tile's leaves when a proof goes below it. Both give the same answers.
 */
public final class MerkleTree {

    /** Where a tree's subtree hashes come from. */
    public interface Subtrees {

        /** How many leaves there are. */
        long size();

        /** MTH(D[start:end]), for {@code 0 <= start < end <= size()}. */
        byte[] hash(long start, long end);
    }

    private final Subtrees subtrees;

    private MerkleTree(Subtrees subtrees) {
        this.subtrees = subtrees;
    }

    /** A tree over these leaf hashes, in order; the list is copied. */
    public static MerkleTree of(List<byte[]> leafHashes) {
        for (byte[] hash : leafHashes) {
            if (Objects.requireNonNull(hash).length != MerkleHashes.SIZE) {
                throw new IllegalArgumentException("a leaf hash has " + MerkleHashes.SIZE + " bytes");
            }
        }
        return new MerkleTree(new LeafList(List.copyOf(leafHashes)));
    }

    /** A tree whose subtree hashes come from {@code subtrees}. */
    public static MerkleTree over(Subtrees subtrees) {
        return new MerkleTree(Objects.requireNonNull(subtrees));
    }

    public long size() {
        return subtrees.size();
    }

    public byte[] leafHash(long index) {
        checkIndex(index, size());
        return subtrees.hash(index, index + 1).clone();
    }

    /** The root of the whole tree. */
    public byte[] root() {
        return root(size());
    }

    /** The root of the tree of the first {@code size} leaves. */
    public byte[] root(long size) {
        checkSize(size);
        return size == 0 ? MerkleHashes.emptyRoot() : subtrees.hash(0, size).clone();
    }

    /** The audit path of leaf {@code index} in the tree of the first {@code size} leaves, leaf side first. */
    public List<byte[]> inclusionProof(long index, long size) {
        checkSize(size);
        checkIndex(index, size);
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, proof);
        return proof;
    }

    /** The proof that the tree of {@code to} leaves extends the tree of {@code from} leaves. */
    public List<byte[]> consistencyProof(long from, long to) {
        checkSize(to);
        if (from < 0 || from > to) {
            throw new IllegalArgumentException("a consistency proof needs 0 <= from <= to, not " + from + ", " + to);
        }
        List<byte[]> proof = new ArrayList<>();
        if (from > 0 && from < to) {
            subproof(from, 0, to, true, proof);
        }
        return proof;
    }

    /** PATH(m, D[start:end]), m relative to start. */
    private void path(long m, long start, long end, List<byte[]> proof) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, start, start + k, proof);
            proof.add(subtrees.hash(start + k, end));
        } else {
            path(m - k, start + k, end, proof);
            proof.add(subtrees.hash(start, start + k));
        }
    }

    /** SUBPROOF(m, D[start:end], b), m relative to start. */
    private void subproof(long m, long start, long end, boolean wholeOldTree, List<byte[]> proof) {
        long n = end - start;
        if (m == n) {
            if (!wholeOldTree) {
                proof.add(subtrees.hash(start, end));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, start + k, wholeOldTree, proof);
            proof.add(subtrees.hash(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, proof);
            proof.add(subtrees.hash(start, start + k));
        }
    }

    /** The largest power of two strictly less than n, for n > 1: where RFC 9162 splits a tree. */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private void checkSize(long size) {
        if (size < 0 || size > size()) {
            throw new IllegalArgumentException("size " + size + " is outside 0.." + size());
        }
    }

    private static void checkIndex(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index " + index + " is outside a tree of size " + size);
        }
    }

    /** Every leaf hash in a list; each subtree hash recomputed from them when asked. */
    static final class LeafList implements Subtrees {

        private final List<byte[]> leaves;

        LeafList(List<byte[]> leaves) {
            this.leaves = leaves;
        }

        @Override
        public long size() {
            return leaves.size();
        }

        @Override
        public byte[] hash(long start, long end) {
            if (end - start == 1) {
                return leaves.get((int) start);
            }
            long k = largestPowerOfTwoBelow(end - start);
            return MerkleHashes.nodeHash(hash(start, start + k), hash(start + k, end));
        }
    }
}
