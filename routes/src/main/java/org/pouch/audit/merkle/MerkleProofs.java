package org.pouch.audit.merkle;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * Verifies inclusion and consistency proofs exactly as RFC 9162 sections 2.1.3.2 and 2.1.4.2 say. Each
 * method returns normally only if the proof holds, and otherwise throws {@link InvalidProofException}.
 */
public final class MerkleProofs {

    private MerkleProofs() {}

    /**
     * Proves that {@code leafHash} is leaf {@code index} of the tree of {@code size} leaves whose root is
     * {@code root}.
     */
    public static void verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        checkHash(leafHash, "leaf hash");
        checkHash(root, "root");
        byte[] computed = rootFromInclusionProof(index, size, leafHash, proof);
        if (!MessageDigest.isEqual(computed, root)) {
            throw new InvalidProofException("the inclusion proof of leaf " + index + " in a tree of size " + size
                    + " leads to root " + hex(computed) + ", not " + hex(root));
        }
    }

    /** The root that an inclusion proof leads to, before comparing it with any root. */
    public static byte[] rootFromInclusionProof(long index, long size, byte[] leafHash, List<byte[]> proof) {
        if (index < 0 || size <= 0 || index >= size) {
            throw new InvalidProofException("leaf " + index + " cannot be in a tree of size " + size);
        }
        checkHash(leafHash, "leaf hash");
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            checkHash(p, "proof hash");
            if (sn == 0) {
                throw new InvalidProofException("the inclusion proof is longer than the tree is deep");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHashes.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleHashes.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new InvalidProofException("the inclusion proof is shorter than the tree is deep");
        }
        return r;
    }

    /**
     * Proves that the tree of {@code size2} leaves with root {@code root2} extends the tree of
     * {@code size1} leaves with root {@code root1}: its first {@code size1} leaves are exactly those.
     */
    public static void verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        checkHash(root1, "first root");
        checkHash(root2, "second root");
        if (size1 < 0 || size2 < size1) {
            throw new InvalidProofException("a log of size " + size2 + " cannot extend one of size " + size1);
        }
        if (size1 == size2) {
            if (!proof.isEmpty()) {
                throw new InvalidProofException("trees of equal size need an empty proof");
            }
            if (!MessageDigest.isEqual(root1, root2)) {
                throw new InvalidProofException("two trees of size " + size1 + " have different roots");
            }
            return;
        }
        if (size1 == 0) {
            // Every tree extends the empty one.
            if (!proof.isEmpty()) {
                throw new InvalidProofException("extending the empty tree needs an empty proof");
            }
            return;
        }
        if (proof.isEmpty()) {
            throw new InvalidProofException("the consistency proof is empty");
        }
        proof.forEach(hash -> checkHash(hash, "proof hash"));
        int next = 0;
        byte[] fr;
        byte[] sr;
        // When the old tree is a complete subtree of the new one, its root is the proof's implicit first node.
        if (Long.bitCount(size1) == 1) {
            fr = root1;
        } else {
            fr = proof.get(next++);
        }
        sr = fr;
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        for (; next < proof.size(); next++) {
            byte[] c = proof.get(next);
            if (sn == 0) {
                throw new InvalidProofException("the consistency proof is longer than the tree is deep");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHashes.nodeHash(c, fr);
                sr = MerkleHashes.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleHashes.nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new InvalidProofException("the consistency proof is shorter than the tree is deep");
        }
        if (!MessageDigest.isEqual(fr, root1)) {
            throw new InvalidProofException("the consistency proof does not lead to the root of size " + size1);
        }
        if (!MessageDigest.isEqual(sr, root2)) {
            throw new InvalidProofException("the consistency proof does not lead to the root of size " + size2);
        }
    }

    private static void checkHash(byte[] hash, String what) {
        if (hash == null || hash.length != MerkleHashes.SIZE) {
            throw new InvalidProofException("a " + what + " has " + MerkleHashes.SIZE + " bytes");
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
