package org.pouch.audit.checkpoint;

import java.security.cert.X509Certificate;
import java.util.Objects;
import org.pouch.envelope.StatementVerifier;
import org.pouch.exchange.RejectedException;

/** Checks signed checkpoints against the audit-checkpoint certificate an auditor was given. */
public final class CheckpointVerifier {

    private final X509Certificate certificate;

    public CheckpointVerifier(X509Certificate auditCheckpointCertificate) {
        this.certificate = Objects.requireNonNull(auditCheckpointCertificate);
    }

    /**
     * The checkpoint, if its signature holds with the certificate's key and its text is well formed.
     *
     * @throws InvalidCheckpointException otherwise, saying why
     */
    public Checkpoint verify(byte[] signedCheckpoint) {
        byte[] text;
        try {
            text = StatementVerifier.verify(signedCheckpoint, certificate);
        } catch (RejectedException e) {
            throw new InvalidCheckpointException("the checkpoint's signature does not hold: " + e.getMessage());
        }
        try {
            return Checkpoint.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidCheckpointException("the signed text is not a checkpoint: " + e.getMessage());
        }
    }

    /** A checkpoint that is not signed by the expected key, or not a checkpoint at all. */
    public static final class InvalidCheckpointException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvalidCheckpointException(String message) {
            super(message);
        }
    }
}
