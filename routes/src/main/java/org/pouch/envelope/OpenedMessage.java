package org.pouch.envelope;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.ParticipantId;
import org.pouch.spool.Spool;

/**
 * An envelope that was decrypted and whose signature, signer certificate and sender binding all
 * verified. Only this package can make one, so plaintext that has not been verified never reaches a
 * caller. Its payload may be read from a spool file, deleted by {@link #close}.
 */
public final class OpenedMessage implements AutoCloseable {

    private final ExchangeDocument document;
    private final ParticipantId signer;
    private final X509Certificate signerCertificate;
    private final Instant signingTime;
    private final byte[] envelopeSha256;
    private final X509Certificate openedWith;
    private final boolean legacyEncryption;
    private final Spool content;

    OpenedMessage(
            ExchangeDocument document,
            ParticipantId signer,
            X509Certificate signerCertificate,
            Instant signingTime,
            byte[] envelopeSha256,
            X509Certificate openedWith,
            boolean legacyEncryption,
            Spool content) {
        this.document = document;
        this.signer = signer;
        this.signerCertificate = signerCertificate;
        this.signingTime = signingTime;
        this.envelopeSha256 = envelopeSha256.clone();
        this.openedWith = openedWith;
        this.legacyEncryption = legacyEncryption;
        this.content = content;
    }

    /**
     * Deletes the spooled content the payload reads from; the payload cannot be read afterwards. Whoever
     * opened the envelope closes this when the exchange is done.
     */
    @Override
    public void close() {
        content.close();
    }

    /** The verified exchange document: header and payload. */
    public ExchangeDocument document() {
        return document;
    }

    /** The participant whose registered certificate made the signature; equals the header's sender. */
    public ParticipantId signer() {
        return signer;
    }

    public X509Certificate signerCertificate() {
        return signerCertificate;
    }

    /** The signing-time signed attribute. */
    public Instant signingTime() {
        return signingTime;
    }

    /** SHA-256 of the envelope bytes exactly as received. */
    public byte[] envelopeSha256() {
        return envelopeSha256.clone();
    }

    public String envelopeSha256Hex() {
        return HexFormat.of().formatHex(envelopeSha256);
    }

    /** The certificate of the gateway key that opened the envelope. */
    public X509Certificate openedWith() {
        return openedWith;
    }

    /** Whether it came as legacy EnvelopedData (AES-CBC) rather than AuthEnvelopedData; to be logged. */
    public boolean legacyEncryption() {
        return legacyEncryption;
    }

    @Override
    public String toString() {
        return "OpenedMessage[" + document.header().messageId() + " from " + signer + "]";
    }
}
