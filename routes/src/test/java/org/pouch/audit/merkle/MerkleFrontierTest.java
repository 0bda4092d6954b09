package org.pouch.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass root against the reference roots and against the tree that keeps every leaf. */
class MerkleFrontierTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void everyPrefixOfTheReferenceLeavesHasTheReferenceRoot() {
        MerkleFrontier frontier = new MerkleFrontier();
        assertThat(HEX.formatHex(frontier.root())).isEqualTo(MerkleTreeTest.ROOTS.get(0));

        for (int size = 1; size <= MerkleTreeTest.LEAVES.size(); size++) {
            frontier.append(MerkleHashes.leafHash(MerkleTreeTest.LEAVES.get(size - 1)));

            assertThat(frontier.size()).isEqualTo(size);
            assertThat(HEX.formatHex(frontier.root()))
                    .as("root of size %d", size)
                    .isEqualTo(MerkleTreeTest.ROOTS.get(size));
        }
    }

    @Test
    void agreesWithTheWholeTreeAtEverySizeAcrossSeveralPowersOfTwo() {
        Random random = new Random(20261129);
        List<byte[]> leaves = new ArrayList<>();
        MerkleFrontier frontier = new MerkleFrontier();
        for (int size = 1; size <= 1100; size++) {
            byte[] entry = new byte[random.nextInt(40)];
            random.nextBytes(entry);
            byte[] leaf = MerkleHashes.leafHash(entry);
            leaves.add(leaf);
            frontier.append(leaf);

            assertThat(frontier.root())
                    .as("root of size %d", size)
                    .isEqualTo(MerkleTree.of(leaves).root());
        }
    }

    @Test
    void theRootItHandsOutCannotChangeIt() {
        MerkleFrontier frontier = new MerkleFrontier();
        frontier.append(MerkleHashes.leafHash(new byte[] {1}));
        byte[] root = frontier.root();
        root[0] ^= 1;

        assertThat(frontier.root()).isNotEqualTo(root);
    }

    @Test
    void anEdgeDecodedFromItsEncodingGoesOnAsTheOriginalDoes() {
        MerkleFrontier original = new MerkleFrontier();
        for (int i = 0; i < 13; i++) {
            original.append(MerkleHashes.leafHash(new byte[] {(byte) i}));
        }

        MerkleFrontier decoded = MerkleFrontier.decode(13, original.encode());
        assertThat(decoded.encode()).hasSize(3 * MerkleHashes.SIZE);
        for (int i = 13; i < 40; i++) {
            original.append(MerkleHashes.leafHash(new byte[] {(byte) i}));
            decoded.append(MerkleHashes.leafHash(new byte[] {(byte) i}));

            assertThat(decoded.root()).isEqualTo(original.root());
        }
    }

    @Test
    void anEncodingWithOtherThanOneHashPerBitOfTheSizeIsRefused() {
        byte[] threeHashes = new byte[3 * MerkleHashes.SIZE];

        assertThat(MerkleFrontier.decode(13, threeHashes).size()).isEqualTo(13);
        assertThatThrownBy(() -> MerkleFrontier.decode(12, threeHashes)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleFrontier.decode(13, new byte[3 * MerkleHashes.SIZE - 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesALeafHashOfTheWrongLength() {
        assertThatThrownBy(() -> new MerkleFrontier().append(new byte[31]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
