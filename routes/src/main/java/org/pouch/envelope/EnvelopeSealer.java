package org.pouch.envelope;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.pouch.certificates.Credential;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.ExchangeDocumentCodec;
import org.pouch.exchange.Header;
import tools.jackson.core.JsonGenerator;

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

    /**
     * Seals {@code document} for the holder of {@code recipient}, writing the envelope to {@code out} as it
     * is made: signing, encryption and the document's encoding are streams, so a document of any size
     * (a payload read from a spool) is sealed in constant memory. The envelope uses BER indefinite-length
     * encodings, as any streaming CMS implementation's do. {@code out} is not closed.
     */
    public void seal(ExchangeDocument document, X509Certificate recipient, OutputStream out) {
        seal(signed -> ExchangeDocumentCodec.encode(document, signed), recipient, out);
    }

    /**
     * As {@link #seal(ExchangeDocument, X509Certificate, OutputStream)}, for a document whose JSON payload
     * is written into it by {@code payload} while it is signed and encrypted: a payload transformed as a
     * stream goes straight into the envelope, never held whole and never written anywhere in plaintext.
     */
    public void sealJson(Header header, Consumer<JsonGenerator> payload, X509Certificate recipient, OutputStream out) {
        seal(signed -> ExchangeDocumentCodec.encodeJson(header, payload, signed), recipient, out);
    }

    private void seal(Consumer<OutputStream> document, X509Certificate recipient, OutputStream out) {
        try (OutputStream encrypting = CmsEncryption.encrypting(out, recipient);
                OutputStream signing = CmsSigner.signing(encrypting, signingKey.get(), clock.instant())) {
            // The document's writer closes what it writes to; the signer must be closed once, here.
            document.accept(new FilterOutputStream(signing) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    signing.write(bytes, offset, length);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Seals {@code document} for the holder of {@code recipient}; the DER envelope, in exactly the
     * profile's shape. For documents that fit in memory; larger ones are sealed as a stream.
     */
    public byte[] seal(ExchangeDocument document, X509Certificate recipient) {
        byte[] signedData = CmsSigner.sign(ExchangeDocumentCodec.encode(document), signingKey.get(), clock.instant());
        return CmsEncryption.encrypt(signedData, recipient);
    }
}
