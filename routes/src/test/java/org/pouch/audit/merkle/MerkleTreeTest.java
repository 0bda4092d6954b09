package org.pouch.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known answers from the Certificate Transparency reference test data (the RFC 6962 implementations'
 * shared vectors): eight leaves, the root of every prefix, and published inclusion and consistency
 * proofs. A tree nobody else agrees with proves nothing to an auditor, so these pin us to the standard.
 */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    static final List<byte[]> LEAVES = Stream.of(
                    "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f")
            .map(HEX::parseHex)
            .toList();

    /** The root of the first n leaves, n = 0..8. */
    static final List<String> ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    static final MerkleTree REFERENCE =
            MerkleTree.of(LEAVES.stream().map(MerkleHashes::leafHash).toList());

    @Test
    void rootsOfEveryPrefixAreTheReferenceRoots() {
        for (int size = 0; size <= LEAVES.size(); size++) {
            assertThat(HEX.formatHex(REFERENCE.root(size)))
                    .as("root of size %d", size)
                    .isEqualTo(ROOTS.get(size));
        }
    }

    @Test
    void theSplitIsTheLargestPowerOfTwoBelowNotTheMidpoint() {
        assertThat(MerkleTree.largestPowerOfTwoBelow(2)).isEqualTo(1);
        assertThat(MerkleTree.largestPowerOfTwoBelow(3)).isEqualTo(2);
        assertThat(MerkleTree.largestPowerOfTwoBelow(5)).isEqualTo(4);
        assertThat(MerkleTree.largestPowerOfTwoBelow(8)).isEqualTo(4);
        assertThat(MerkleTree.largestPowerOfTwoBelow(9)).isEqualTo(8);
        assertThat(MerkleTree.largestPowerOfTwoBelow(1000)).isEqualTo(512);
    }

    @Test
    void leafAndNodeHashesAreDomainSeparated() {
        byte[] a = MerkleHashes.leafHash("a".getBytes(StandardCharsets.UTF_8));
        byte[] b = MerkleHashes.leafHash("b".getBytes(StandardCharsets.UTF_8));
        byte[] concatenated = new byte[64];
        System.arraycopy(a, 0, concatenated, 0, 32);
        System.arraycopy(b, 0, concatenated, 32, 32);
        // A leaf whose content is two hashes does not collide with the node over them.
        assertThat(MerkleHashes.leafHash(concatenated)).isNotEqualTo(MerkleHashes.nodeHash(a, b));
    }

    static Stream<Arguments> referenceInclusionProofs() {
        return Stream.of(
                inclusion(0, 1),
                inclusion(
                        0,
                        8,
                        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
                inclusion(
                        5,
                        8,
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
                inclusion(2, 3, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
                inclusion(
                        1,
                        5,
                        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"));
    }

    static Stream<Arguments> referenceConsistencyProofs() {
        return Stream.of(
                consistency(1, 1),
                consistency(
                        1,
                        8,
                        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
                consistency(
                        6,
                        8,
                        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
                consistency(
                        2,
                        5,
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"));
    }

    @ParameterizedTest
    @MethodSource("referenceInclusionProofs")
    void buildsAndVerifiesTheReferenceInclusionProofs(int index, int size, List<String> expected) {
        List<byte[]> proof = REFERENCE.inclusionProof(index, size);

        assertThat(proof.stream().map(HEX::formatHex)).containsExactlyElementsOf(expected);
        assertThatCode(() -> MerkleProofs.verifyInclusion(
                        index, size, REFERENCE.leafHash(index), proof, REFERENCE.root(size)))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @MethodSource("referenceConsistencyProofs")
    void buildsAndVerifiesTheReferenceConsistencyProofs(int from, int to, List<String> expected) {
        List<byte[]> proof = REFERENCE.consistencyProof(from, to);

        assertThat(proof.stream().map(HEX::formatHex)).containsExactlyElementsOf(expected);
        assertThatCode(() -> MerkleProofs.verifyConsistency(from, to, REFERENCE.root(from), REFERENCE.root(to), proof))
                .doesNotThrowAnyException();
    }

    /** Every corruption of a good inclusion proof, named; none may verify. */
    static Stream<Arguments> corruptedInclusionProofs() {
        List<Arguments> cases = new ArrayList<>();
        for (int[] good : new int[][] {{0, 8}, {5, 8}, {2, 3}, {1, 5}, {4, 7}}) {
            int index = good[0];
            int size = good[1];
            List<byte[]> proof = REFERENCE.inclusionProof(index, size);
            byte[] leaf = REFERENCE.leafHash(index);
            byte[] root = REFERENCE.root(size);
            String at = " (leaf " + index + " of " + size + ")";
            cases.add(probe("index - 1" + at, index - 1, size, leaf, proof, root));
            cases.add(probe("index + 1" + at, index + 1, size, leaf, proof, root));
            cases.add(probe("index ^ 2" + at, index ^ 2, size, leaf, proof, root));
            cases.add(probe("size * 2" + at, index, size * 2, leaf, proof, root));
            cases.add(probe("size / 2" + at, index, size / 2, leaf, proof, root));
            cases.add(probe("wrong leaf" + at, index, size, MerkleHashes.leafHash(new byte[] {1}), proof, root));
            cases.add(probe("empty root" + at, index, size, leaf, proof, MerkleHashes.emptyRoot()));
            cases.add(probe("trailing root" + at, index, size, leaf, with(proof, p -> append(p, root)), root));
            cases.add(probe("preceding root" + at, index, size, leaf, with(proof, p -> prepend(p, root)), root));
            cases.add(probe(
                    "short hash in proof" + at, index, size, leaf, with(proof, p -> append(p, new byte[5])), root));
            for (int i = 0; i < proof.size(); i++) {
                int flipped = i;
                cases.add(probe(
                        "flipped bit in proof[" + i + "]" + at,
                        index,
                        size,
                        leaf,
                        with(proof, p -> {
                            byte[] copy = p.get(flipped).clone();
                            copy[0] ^= 8;
                            p.set(flipped, copy);
                            return p;
                        }),
                        root));
            }
            if (!proof.isEmpty()) {
                cases.add(probe("truncated proof" + at, index, size, leaf, proof.subList(0, proof.size() - 1), root));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("corruptedInclusionProofs")
    void aCorruptedInclusionProofFails(long index, long size, byte[] leaf, List<byte[]> proof, byte[] root) {
        assertThatThrownBy(() -> MerkleProofs.verifyInclusion(index, size, leaf, proof, root))
                .isInstanceOf(InvalidProofException.class);
    }

    /** Every corruption of a good consistency proof, named; none may verify. */
    static Stream<Arguments> corruptedConsistencyProofs() {
        List<Arguments> cases = new ArrayList<>();
        for (int[] good : new int[][] {{1, 8}, {6, 8}, {2, 5}, {3, 7}, {4, 8}}) {
            int from = good[0];
            int to = good[1];
            List<byte[]> proof = REFERENCE.consistencyProof(from, to);
            byte[] root1 = REFERENCE.root(from);
            byte[] root2 = REFERENCE.root(to);
            String at = " (" + from + " to " + to + ")";
            cases.add(consistencyProbe("from - 1" + at, from - 1, to, root1, root2, proof));
            cases.add(consistencyProbe("from + 1" + at, from + 1, to, root1, root2, proof));
            cases.add(consistencyProbe("from ^ 2" + at, from ^ 2, to, root1, root2, proof));
            cases.add(consistencyProbe("to * 2" + at, from, to * 2, root1, root2, proof));
            cases.add(consistencyProbe("to / 2" + at, from, to / 2, root1, root2, proof));
            cases.add(consistencyProbe("wrong first root" + at, from, to, MerkleHashes.emptyRoot(), root2, proof));
            cases.add(consistencyProbe("wrong second root" + at, from, to, root1, MerkleHashes.emptyRoot(), proof));
            cases.add(consistencyProbe("swapped roots" + at, from, to, root2, root1, proof));
            cases.add(consistencyProbe("empty proof" + at, from, to, root1, root2, List.of()));
            cases.add(
                    consistencyProbe("trailing root" + at, from, to, root1, root2, with(proof, p -> append(p, root1))));
            cases.add(consistencyProbe(
                    "preceding root" + at, from, to, root1, root2, with(proof, p -> prepend(p, root2))));
            cases.add(consistencyProbe(
                    "truncated proof" + at, from, to, root1, root2, proof.subList(0, proof.size() - 1)));
            for (int i = 0; i < proof.size(); i++) {
                int flipped = i;
                cases.add(consistencyProbe(
                        "flipped bit in proof[" + i + "]" + at, from, to, root1, root2, with(proof, p -> {
                            byte[] copy = p.get(flipped).clone();
                            copy[0] ^= 16;
                            p.set(flipped, copy);
                            return p;
                        })));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("corruptedConsistencyProofs")
    void aCorruptedConsistencyProofFails(long from, long to, byte[] root1, byte[] root2, List<byte[]> proof) {
        assertThatThrownBy(() -> MerkleProofs.verifyConsistency(from, to, root1, root2, proof))
                .isInstanceOf(InvalidProofException.class);
    }

    @Test
    void trivialConsistencyNeedsAnEmptyProofAndEqualRootsForEqualSizes() {
        byte[] root = REFERENCE.root(3);
        assertThatCode(() -> MerkleProofs.verifyConsistency(0, 3, MerkleHashes.emptyRoot(), root, List.of()))
                .doesNotThrowAnyException();
        assertThatCode(() -> MerkleProofs.verifyConsistency(3, 3, root, root, List.of()))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> MerkleProofs.verifyConsistency(3, 3, root, REFERENCE.root(4), List.of()))
                .isInstanceOf(InvalidProofException.class);
        assertThatThrownBy(() -> MerkleProofs.verifyConsistency(3, 3, root, root, List.of(root)))
                .isInstanceOf(InvalidProofException.class);
        assertThatThrownBy(() -> MerkleProofs.verifyConsistency(4, 3, root, root, List.of()))
                .isInstanceOf(InvalidProofException.class);
    }

    @Test
    void everyInclusionAndConsistencyProofOfGeneratedTreesVerifies() {
        List<byte[]> leaves = IntStream.range(0, 70)
                .mapToObj(i -> MerkleHashes.leafHash(new byte[] {(byte) i, (byte) (i * 7)}))
                .toList();
        MerkleTree tree = MerkleTree.of(leaves);
        for (int size = 1; size <= leaves.size(); size++) {
            byte[] root = tree.root(size);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = tree.inclusionProof(index, size);
                int i = index;
                int n = size;
                assertThatCode(() -> MerkleProofs.verifyInclusion(i, n, leaves.get(i), proof, root))
                        .as("leaf %d of %d", index, size)
                        .doesNotThrowAnyException();
            }
            for (int from = 0; from <= size; from++) {
                List<byte[]> proof = tree.consistencyProof(from, size);
                int m = from;
                int n = size;
                assertThatCode(() -> MerkleProofs.verifyConsistency(m, n, tree.root(m), root, proof))
                        .as("%d to %d", from, size)
                        .doesNotThrowAnyException();
            }
        }
    }

    private static Arguments inclusion(int index, int size, String... proof) {
        return Arguments.of(index, size, List.of(proof));
    }

    private static Arguments consistency(int from, int to, String... proof) {
        return Arguments.of(from, to, List.of(proof));
    }

    private static Arguments probe(String name, long index, long size, byte[] leaf, List<byte[]> proof, byte[] root) {
        return Arguments.of(Named.of(name, index), size, leaf, proof, root);
    }

    private static Arguments consistencyProbe(
            String name, long from, long to, byte[] root1, byte[] root2, List<byte[]> proof) {
        return Arguments.of(Named.of(name, from), to, root1, root2, proof);
    }

    private static List<byte[]> with(List<byte[]> proof, UnaryOperator<List<byte[]>> change) {
        return List.copyOf(change.apply(new ArrayList<>(proof)));
    }

    private static List<byte[]> append(List<byte[]> proof, byte[] hash) {
        proof.add(hash);
        return proof;
    }

    private static List<byte[]> prepend(List<byte[]> proof, byte[] hash) {
        proof.add(0, hash);
        return proof;
    }
}
