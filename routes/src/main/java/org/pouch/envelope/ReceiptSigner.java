package org.pouch.envelope;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import org.pouch.certificates.Credential;
import org.pouch.exchange.Receipt;
import org.pouch.exchange.ReceiptCodec;

/** Signs receipts: CMS SignedData over the receipt JSON, with the same profile as an envelope's signature. */
public final class ReceiptSigner {

    private final Supplier<Credential> signingKey;
    private final Clock clock;

    public ReceiptSigner(Supplier<Credential> signingKey, Clock clock) {
        this.signingKey = Objects.requireNonNull(signingKey);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The DER ContentInfo of the SignedData over the receipt. */
    public byte[] sign(Receipt receipt) {
        return CmsSigner.sign(ReceiptCodec.encode(receipt), signingKey.get(), clock.instant());
    }
}
