package org.pouch.audit.checkpoint;

/**
 * Signs checkpoints with the audit-checkpoint key. The one seam between the log and whoever holds that
 * key: a file today, a key ring whose primary rotates tomorrow.
 */
public interface CheckpointSigner {

    SignedCheckpoint sign(Checkpoint checkpoint);
}
