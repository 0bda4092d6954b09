package org.pouch.envelope;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import org.pouch.certificates.Credential;

/**
 * Signs a statement the gateway makes in its own name, such as an audit log checkpoint: CMS SignedData
 * with the content attached, in the same profile as an envelope's signature, so that OpenSSL's
 * {@code cms -verify} reads it. The key is asked for on every signature, so a key ring can rotate it.
 */
public final class StatementSigner {

    private final Supplier<Credential> key;
    private final Clock clock;

    public StatementSigner(Supplier<Credential> key, Clock clock) {
        this.key = Objects.requireNonNull(key);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The DER ContentInfo of a SignedData holding {@code statement}. */
    public byte[] sign(byte[] statement) {
        return CmsSigner.sign(statement, key.get(), clock.instant());
    }
}
