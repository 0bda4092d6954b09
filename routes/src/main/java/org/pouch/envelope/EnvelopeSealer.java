package org.pouch.envelope;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import org.pouch.certificates.Credential;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.ExchangeDocumentCodec;

/**
 * Seals exchange documents: signs with the current signing key, then encrypts for one recipient with
 * AES-256-GCM in AuthEnvelopedData, the key transport following the recipient certificate's key type.
 *
 * <p>The encrypted content is the DER ContentInfo of the SignedData with content type id-data and no
 * authenticated attributes: exactly what {@code openssl cms -sign | openssl cms -encrypt} makes, and
 * the one shape OpenSSL 3.0 can open.
 */
public final class EnvelopeSealer {

    private final Supplier<Credential> signingKey;
    private final Clock clock;

    /**
     * @param signingKey the current primary signing key, asked for on every seal so that a rotation
     *     takes effect at once
     */
    public EnvelopeSealer(Supplier<Credential> signingKey, Clock clock) {
        this.signingKey = Objects.requireNonNull(signingKey);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Seals {@code document} for the holder of {@code recipient}, writing the DER envelope to {@code out}. */
    public void seal(ExchangeDocument document, X509Certificate recipient, OutputStream out) {
        try {
            out.write(seal(document, recipient));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Seals {@code document} for the holder of {@code recipient}; the DER envelope. */
    public byte[] seal(ExchangeDocument document, X509Certificate recipient) {
        byte[] signedData = CmsSigner.sign(ExchangeDocumentCodec.encode(document), signingKey.get(), clock.instant());
        return CmsEncryption.encrypt(signedData, recipient);
    }
}
