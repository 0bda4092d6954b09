package org.pouch.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tiled tree gives every answer the tree over all leaves gives, at every size, for tiles of several
 * sizes, and reads no more than the one tile a proof goes below.
 */
class MerkleTilesTest {

    private static final int[] SIZES = {1, 2, 3, 5, 7, 8, 9, 13, 16, 17, 31, 32, 33, 47};

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 8})
    void rootsAndProofsAreThoseOfTheTreeOverEveryLeaf(int tileSize) {
        for (int size : SIZES) {
            List<byte[]> leaves = leaves(size);
            MerkleTree reference = MerkleTree.of(leaves);
            Tiled tiled = tiled(leaves, tileSize);
            String at = " (tiles of " + tileSize + ", " + size + " leaves)";

            for (long m = 0; m <= size; m++) {
                assertThat(tiled.tree.root(m)).as("root(%d)%s", m, at).isEqualTo(reference.root(m));
                for (long i = 0; i < m; i++) {
                    assertThat(tiled.tree.inclusionProof(i, m))
                            .as("inclusion of %d in %d%s", i, m, at)
                            .containsExactlyElementsOf(reference.inclusionProof(i, m));
                }
                for (long from = 0; from <= m; from++) {
                    assertThat(tiled.tree.consistencyProof(from, m))
                            .as("consistency %d to %d%s", from, m, at)
                            .containsExactlyElementsOf(reference.consistencyProof(from, m));
                }
            }
            for (long i = 0; i < size; i++) {
                assertThat(tiled.tree.leafHash(i)).isEqualTo(leaves.get((int) i));
            }
        }
    }

    @Test
    void theReferenceVectorsHoldWithTilesOfTwo() {
        Tiled tiled =
                tiled(MerkleTreeTest.LEAVES.stream().map(MerkleHashes::leafHash).toList(), 2);

        for (int size = 0; size <= MerkleTreeTest.LEAVES.size(); size++) {
            assertThat(HexFormat.of().formatHex(tiled.tree.root(size))).isEqualTo(MerkleTreeTest.ROOTS.get(size));
        }
    }

    @Test
    void anInclusionProofReadsOnlyTheTileItsLeafIsIn() {
        List<byte[]> leaves = leaves(5000);
        Tiled tiled = tiled(leaves, 256);

        for (long index : new long[] {0, 255, 256, 3000, 4999}) {
            tiled.tilesRead.clear();
            tiled.tree.inclusionProof(index, 5000);

            // At most its own tile, and not even that when the previous proof read it already.
            assertThat(tiled.tilesRead).as("tiles read for leaf %d", index).isSubsetOf(index / 256);
        }
        assertThat(tiled.tilesRead).as("the last proof's tile").containsExactly(4999L / 256);
        tiled.tilesRead.clear();
        tiled.tree.root();
        tiled.tree.consistencyProof(4096, 5000);
        assertThat(tiled.tilesRead).as("aligned sizes need no leaves").isEmpty();
    }

    @Test
    void leavesAlreadyAtHandAreNotReadAgain() {
        List<byte[]> leaves = leaves(40);
        Tiled tiled = tiled(leaves, 8);

        tiled.tiles.useLeavesOf(2, leaves.subList(16, 24));
        tiled.tree.inclusionProof(19, 40);

        assertThat(tiled.tilesRead).isEmpty();
        assertThatThrownBy(() -> tiled.tiles.useLeavesOf(4, leaves.subList(32, 39)))
                .as("the last tile holds 8 leaves")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTileIsAPowerOfTwoOfLeaves() {
        assertThatThrownBy(() -> MerkleTiles.builder(12)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTiles.builder(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private record Tiled(MerkleTiles tiles, MerkleTree tree, List<Long> tilesRead) {}

    private static Tiled tiled(List<byte[]> leaves, int tileSize) {
        MerkleTiles.Builder builder = MerkleTiles.builder(tileSize);
        leaves.forEach(builder::append);
        List<Long> tilesRead = new ArrayList<>();
        MerkleTiles tiles = builder.build(tile -> {
            tilesRead.add(tile);
            int first = (int) (tile * tileSize);
            return leaves.subList(first, Math.min(leaves.size(), first + tileSize));
        });
        return new Tiled(tiles, MerkleTree.over(tiles), tilesRead);
    }

    private static List<byte[]> leaves(int count) {
        Random random = new Random(count);
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] entry = new byte[1 + random.nextInt(30)];
            random.nextBytes(entry);
            leaves.add(MerkleHashes.leafHash(entry));
        }
        return leaves;
    }
}
