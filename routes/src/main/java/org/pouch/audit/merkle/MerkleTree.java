package org.pouch.audit.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Merkle tree over leaf hashes, as RFC 9162 section 2.1 defines it: its root (MTH), a leaf's
 * inclusion proof (PATH) and the consistency proof between two of its sizes (PROOF). The tree is a view
 * of the list it is given; every size up to the list's length is a tree of its own, so one list answers
 * for the log at any earlier size.
 *
 * <p>Each call recomputes the subtree hashes it needs, linear in the size: simple and obviously right,
 * and fast enough for logs of a few million entries. A store of subtree hashes can come later without
 * changing a single answer.
 */
public final class MerkleTree {

    private final List<byte[]> leafHashes;

    private MerkleTree(List<byte[]> leafHashes) {
        this.leafHashes = leafHashes;
    }

    /** A tree over these leaf hashes, in order; the list is copied. */
    public static MerkleTree of(List<byte[]> leafHashes) {
        for (byte[] hash : leafHashes) {
            if (Objects.requireNonNull(hash).length != MerkleHashes.SIZE) {
                throw new IllegalArgumentException("a leaf hash has " + MerkleHashes.SIZE + " bytes");
            }
        }
        return new MerkleTree(List.copyOf(leafHashes));
    }

    public long size() {
        return leafHashes.size();
    }

    public byte[] leafHash(long index) {
        checkIndex(index, size());
        return leafHashes.get((int) index).clone();
    }

    /** The root of the whole tree. */
    public byte[] root() {
        return root(size());
    }

    /** The root of the tree of the first {@code size} leaves. */
    public byte[] root(long size) {
        checkSize(size);
        return size == 0 ? MerkleHashes.emptyRoot() : hash(0, (int) size);
    }

    /** The audit path of leaf {@code index} in the tree of the first {@code size} leaves, leaf side first. */
    public List<byte[]> inclusionProof(long index, long size) {
        checkSize(size);
        checkIndex(index, size);
        List<byte[]> proof = new ArrayList<>();
        path((int) index, 0, (int) size, proof);
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
            subproof((int) from, 0, (int) to, true, proof);
        }
        return proof;
    }

    /** MTH(D[start:end]), end > start. */
    private byte[] hash(int start, int end) {
        if (end - start == 1) {
            return leafHashes.get(start);
        }
        int k = largestPowerOfTwoBelow(end - start);
        return MerkleHashes.nodeHash(hash(start, start + k), hash(start + k, end));
    }

    /** PATH(m, D[start:end]), m relative to start. */
    private void path(int m, int start, int end, List<byte[]> proof) {
        int n = end - start;
        if (n == 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, start, start + k, proof);
            proof.add(hash(start + k, end));
        } else {
            path(m - k, start + k, end, proof);
            proof.add(hash(start, start + k));
        }
    }

    /** SUBPROOF(m, D[start:end], b), m relative to start. */
    private void subproof(int m, int start, int end, boolean wholeOldTree, List<byte[]> proof) {
        int n = end - start;
        if (m == n) {
            if (!wholeOldTree) {
                proof.add(hash(start, end));
            }
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, start + k, wholeOldTree, proof);
            proof.add(hash(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, proof);
            proof.add(hash(start, start + k));
        }
    }

    /** The largest power of two strictly less than n, for n > 1: where RFC 9162 splits a tree. */
    static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
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
}
