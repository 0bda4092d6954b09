package org.pouch.audit.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The right edge of a Merkle tree built one leaf at a time: the roots of the perfect subtrees the leaves
 * so far make up, largest (leftmost) first, one for each bit set in the size. It never holds more than
 * 64 hashes, and its {@link #root()} is RFC 9162's MTH over every leaf appended, so a log of any length
 * is hashed in one pass without keeping its leaves. Stored with a checkpoint, it is what the next
 * checkpoint extends. Proofs need more of the tree: {@link MerkleTiles}.
 */
public final class MerkleFrontier {

    /** Largest first: subtrees.get(0) covers the leftmost, largest power of two of the leaves. */
    private final List<byte[]> subtrees = new ArrayList<>();

    private long size;

    public long size() {
        return size;
    }

    /** Adds the next leaf. */
    public void append(byte[] leafHash) {
        if (Objects.requireNonNull(leafHash).length != MerkleHashes.SIZE) {
            throw new IllegalArgumentException("a leaf hash has " + MerkleHashes.SIZE + " bytes");
        }
        size++;
        // The new leaf completes one perfect subtree for each trailing zero bit of the new size: two of
        // size 1 make one of size 2, two of size 2 one of size 4, and so on.
        byte[] node = leafHash.clone();
        for (long completed = size; (completed & 1) == 0; completed >>>= 1) {
            node = MerkleHashes.nodeHash(subtrees.remove(subtrees.size() - 1), node);
        }
        subtrees.add(node);
    }

    /** The subtree roots, largest first, one after the other: 32 bytes for each bit set in the size. */
    public byte[] encode() {
        byte[] encoded = new byte[subtrees.size() * MerkleHashes.SIZE];
        for (int i = 0; i < subtrees.size(); i++) {
            System.arraycopy(subtrees.get(i), 0, encoded, i * MerkleHashes.SIZE, MerkleHashes.SIZE);
        }
        return encoded;
    }

    /**
     * The frontier of a tree of {@code size} leaves from its {@link #encode() encoding}.
     *
     * @throws IllegalArgumentException if the encoding does not hold one hash per bit set in the size
     */
    public static MerkleFrontier decode(long size, byte[] encoded) {
        if (size < 0 || encoded.length != Long.bitCount(size) * MerkleHashes.SIZE) {
            throw new IllegalArgumentException("a frontier of " + size + " leaves holds " + Long.bitCount(size)
                    + " hashes, not " + encoded.length + " bytes");
        }
        MerkleFrontier frontier = new MerkleFrontier();
        for (int offset = 0; offset < encoded.length; offset += MerkleHashes.SIZE) {
            frontier.subtrees.add(Arrays.copyOfRange(encoded, offset, offset + MerkleHashes.SIZE));
        }
        frontier.size = size;
        return frontier;
    }

    /** MTH of the leaves appended so far: the subtrees folded from the right, as RFC 9162 splits. */
    public byte[] root() {
        if (subtrees.isEmpty()) {
            return MerkleHashes.emptyRoot();
        }
        byte[] root = subtrees.get(subtrees.size() - 1);
        for (int i = subtrees.size() - 2; i >= 0; i--) {
            root = MerkleHashes.nodeHash(subtrees.get(i), root);
        }
        return root.clone();
    }
}
