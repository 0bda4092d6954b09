package org.pouch.audit.checkpoint;

import java.time.Clock;
import java.util.function.Supplier;
import org.pouch.certificates.Credential;
import org.pouch.envelope.StatementSigner;

/**
 * Signs a checkpoint's text as CMS SignedData (see ADR 0006) with whatever credential the supplier
 * holds at the time of signing.
 */
public final class CmsCheckpointSigner implements CheckpointSigner {

    private final StatementSigner signer;

    public CmsCheckpointSigner(Supplier<Credential> auditCheckpointKey, Clock clock) {
        this.signer = new StatementSigner(auditCheckpointKey, clock);
    }

    @Override
    public SignedCheckpoint sign(Checkpoint checkpoint) {
        return new SignedCheckpoint(checkpoint, signer.sign(checkpoint.encode()));
    }
}
