package org.pouch.audit.checkpoint;

import java.util.Objects;

/**
 * A checkpoint with its signature: {@code signed} is the DER CMS SignedData whose attached content is
 * exactly {@code checkpoint.encode()}.
 */
public record SignedCheckpoint(Checkpoint checkpoint, byte[] signed) {

    public SignedCheckpoint {
        Objects.requireNonNull(checkpoint);
        signed = signed.clone();
    }

    @Override
    public byte[] signed() {
        return signed.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedCheckpoint that
                && checkpoint.equals(that.checkpoint)
                && java.util.Arrays.equals(signed, that.signed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(checkpoint, java.util.Arrays.hashCode(signed));
    }

    @Override
    public String toString() {
        return "Signed" + checkpoint;
    }
}
