package org.pouch.audit.merkle;

import java.util.List;

/**
 * That leaf {@code index}, hashing to {@code leafHash}, is in the tree of {@code treeSize} leaves whose
 * root is {@code rootHash}; {@code path} is the audit path of RFC 9162 section 2.1.3.1.
 */
public record InclusionProof(long index, long treeSize, byte[] leafHash, List<byte[]> path, byte[] rootHash) {

    public InclusionProof {
        leafHash = leafHash.clone();
        path = List.copyOf(path);
        rootHash = rootHash.clone();
    }

    /** Checks the proof against a root the verifier trusts, typically from a signed checkpoint. */
    public void verify(byte[] trustedRoot) {
        MerkleProofs.verifyInclusion(index, treeSize, leafHash, path, trustedRoot);
    }
}
