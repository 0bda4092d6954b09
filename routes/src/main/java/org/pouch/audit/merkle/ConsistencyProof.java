package org.pouch.audit.merkle;

import java.util.List;

/**
 * That the tree of {@code toSize} leaves with root {@code toRoot} extends the tree of {@code fromSize}
 * leaves with root {@code fromRoot}; {@code path} is the proof of RFC 9162 section 2.1.4.1.
 */
public record ConsistencyProof(long fromSize, long toSize, byte[] fromRoot, byte[] toRoot, List<byte[]> path) {

    public ConsistencyProof {
        fromRoot = fromRoot.clone();
        toRoot = toRoot.clone();
        path = List.copyOf(path);
    }

    /** Checks the proof against two roots the verifier trusts, typically from two signed checkpoints. */
    public void verify(byte[] trustedFromRoot, byte[] trustedToRoot) {
        MerkleProofs.verifyConsistency(fromSize, toSize, trustedFromRoot, trustedToRoot, path);
    }
}
