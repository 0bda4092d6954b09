package org.pouch.audit.verify;

/** Told how far a verification has got, for a progress bar; the verifier works the same without one. */
public interface VerificationProgress {

    VerificationProgress NONE = new VerificationProgress() {};

    /** The export holds this many entries. */
    default void started(long entries) {}

    /** One more entry has been checked. */
    default void entryChecked() {}

    /** Checking ended, well or badly. */
    default void finished() {}
}
