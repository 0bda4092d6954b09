package org.pouch.audit.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * A tree's subtree hashes kept one per tile: the root of each run of {@code tileSize} leaves (the last run
 * may be shorter), built in one pass over the leaves. A tile is a node of the RFC 9162 tree whenever it is
 * whole or ends the tree, so every node at or above a tile is hashed from tile roots alone; a node below
 * one is hashed from that tile's leaves, which are read again when a proof asks for them. A proof reads
 * one tile; the memory is one hash per tile plus one tile's leaves.
 */
public final class MerkleTiles implements MerkleTree.Subtrees {

    /** 1,024 leaves: 32 KB of leaf hashes to read again, 32 bytes kept per 1,024 entries of the log. */
    public static final int DEFAULT_TILE_SIZE = 1024;

    private final int tileSize;
    private final List<byte[]> tileRoots;
    private final long size;
    private final LongFunction<List<byte[]>> leavesOfTile;
    private long cachedTile = -1;
    private List<byte[]> cachedLeaves = List.of();

    private MerkleTiles(int tileSize, List<byte[]> tileRoots, long size, LongFunction<List<byte[]>> leavesOfTile) {
        this.tileSize = tileSize;
        this.tileRoots = tileRoots;
        this.size = size;
        this.leavesOfTile = leavesOfTile;
    }

    /** Collects the tile roots from the leaves, in order. */
    public static Builder builder(int tileSize) {
        if (tileSize < 1 || Integer.bitCount(tileSize) != 1) {
            throw new IllegalArgumentException("a tile holds a power of two of leaves, not " + tileSize);
        }
        return new Builder(tileSize);
    }

    public int tileSize() {
        return tileSize;
    }

    /**
     * Hands over the leaves of a tile already at hand, so that proofs below it need not read them again: a
     * caller that is reading the log anyway, tile after tile, gives each one here.
     */
    public void useLeavesOf(long tile, List<byte[]> leaves) {
        cachedLeaves = checkedLeaves(tile, leaves);
        cachedTile = tile;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public byte[] hash(long start, long end) {
        if (start < 0 || end > size || start >= end) {
            throw new IllegalArgumentException("no subtree from " + start + " to " + end + " in " + size);
        }
        long tile = start / tileSize;
        if (start % tileSize == 0 && (end - start == tileSize || end == size && end - start < tileSize)) {
            return tileRoots.get((int) tile);
        }
        if (tile == (end - 1) / tileSize) {
            List<byte[]> leaves = leavesOf(tile);
            long first = tile * tileSize;
            return new MerkleTree.LeafList(leaves.subList((int) (start - first), (int) (end - first)))
                    .hash(0, end - start);
        }
        long k = MerkleTree.largestPowerOfTwoBelow(end - start);
        return MerkleHashes.nodeHash(hash(start, start + k), hash(start + k, end));
    }

    private List<byte[]> leavesOf(long tile) {
        if (tile != cachedTile) {
            useLeavesOf(tile, leavesOfTile.apply(tile));
        }
        return cachedLeaves;
    }

    private List<byte[]> checkedLeaves(long tile, List<byte[]> leaves) {
        long first = tile * tileSize;
        long expected = Math.min(size, first + tileSize) - first;
        if (leaves.size() != expected) {
            throw new IllegalStateException(
                    "tile " + tile + " has " + expected + " leaves, " + leaves.size() + " were given");
        }
        return leaves;
    }

    /** Feeds on the leaves in order; keeps one root per tile. */
    public static final class Builder {

        private final int tileSize;
        private final List<byte[]> tileRoots = new ArrayList<>();
        private MerkleFrontier tile = new MerkleFrontier();
        private long size;

        private Builder(int tileSize) {
            this.tileSize = tileSize;
        }

        public void append(byte[] leafHash) {
            tile.append(leafHash);
            size++;
            if (tile.size() == tileSize) {
                tileRoots.add(tile.root());
                tile = new MerkleFrontier();
            }
        }

        public long size() {
            return size;
        }

        /**
         * The tiles of every leaf appended.
         *
         * @param leavesOfTile reads the leaf hashes of a tile again (tile {@code t} holds leaves {@code t *
         *     tileSize} up to the next tile or the end), when a proof needs a node below a tile
         */
        public MerkleTiles build(LongFunction<List<byte[]>> leavesOfTile) {
            List<byte[]> roots = new ArrayList<>(tileRoots);
            if (tile.size() > 0) {
                roots.add(tile.root());
            }
            return new MerkleTiles(tileSize, roots, size, Objects.requireNonNull(leavesOfTile));
        }
    }
}
