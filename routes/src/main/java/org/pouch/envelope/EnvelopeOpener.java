package org.pouch.envelope;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.Provider;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1SequenceParser;
import org.bouncycastle.asn1.ASN1StreamParser;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfoParser;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedDataParser;
import org.bouncycastle.cms.CMSEnvelopedDataParser;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.KeyAgreeRecipientInformation;
import org.bouncycastle.cms.KeyTransRecipientInformation;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.RecipientInformationStore;
import org.bouncycastle.cms.jcajce.JceKeyAgreeEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.pouch.certificates.BouncyCastleProviders;
import org.pouch.certificates.CertificateValidator;
import org.pouch.certificates.Credential;
import org.pouch.exchange.Content;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.ExchangeDocumentCodec;
import org.pouch.exchange.ParticipantId;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;
import org.pouch.spool.Spool;

/**
 * Opens envelopes: decrypts with whichever live gateway key the envelope names, verifies the
 * signature, validates the signer's certificate at signing time and now, and binds the signer to the
 * sender the header declares. The result is an {@link OpenedMessage}, or one {@link RejectedException}
 * whose reason says which check failed.
 *
 * <p>Every envelope, small or large, is read once, as a stream: Bouncy Castle's streaming CMS parsers,
 * the signed content written to a {@link Spool} (in memory when small, else a file encrypted under a key
 * only this message has) while it is digested. The content is handed on only once the signature, the
 * GCM tag, the certificate path and the sender binding all held; on any failure the spool is deleted.
 */
public final class EnvelopeOpener {

    /** Without a configured limit, envelopes over 256 MiB are refused before they are parsed. */
    public static final long DEFAULT_MAX_ENVELOPE_BYTES = 256L * 1024 * 1024;

    /** Signed contents up to this size stay in memory; larger ones are spooled to an encrypted file. */
    static final int SPOOL_MEMORY_BYTES = 1024 * 1024;

    /**
     * Envelopes known to be up to this size are decrypted with the JDK's AES-GCM, which is fast but holds
     * the whole content until the tag is checked; larger ones, and those of unknown size, with Bouncy
     * Castle's, which streams.
     */
    static final long JDK_GCM_MAX_BYTES = 8L * 1024 * 1024;

    /** Only end-of-contents octets (of an indefinite-length encoding) may follow the parsed structure. */
    private static final int MAX_TRAILING_END_OF_CONTENTS = 16;

    private final DecryptionKeys decryptionKeys;
    private final SenderDirectory senders;
    private final CertificateValidator certificates;
    private final Clock clock;
    private final long maxEnvelopeBytes;
    private final Path spoolDirectory;

    /**
     * @param spoolDirectory where signed contents too large for memory wait, encrypted, for their
     *     signature check
     */
    public EnvelopeOpener(
            DecryptionKeys decryptionKeys,
            SenderDirectory senders,
            CertificateValidator certificates,
            Clock clock,
            long maxEnvelopeBytes,
            Path spoolDirectory) {
        this.decryptionKeys = Objects.requireNonNull(decryptionKeys);
        this.senders = Objects.requireNonNull(senders);
        this.certificates = Objects.requireNonNull(certificates);
        this.clock = Objects.requireNonNull(clock);
        this.maxEnvelopeBytes = maxEnvelopeBytes;
        this.spoolDirectory = Objects.requireNonNull(spoolDirectory);
    }

    /** Spools to the JVM's temporary directory. */
    public EnvelopeOpener(
            DecryptionKeys decryptionKeys,
            SenderDirectory senders,
            CertificateValidator certificates,
            Clock clock,
            long maxEnvelopeBytes) {
        this(
                decryptionKeys,
                senders,
                certificates,
                clock,
                maxEnvelopeBytes,
                Path.of(System.getProperty("java.io.tmpdir")));
    }

    public EnvelopeOpener(
            DecryptionKeys decryptionKeys, SenderDirectory senders, CertificateValidator certificates, Clock clock) {
        this(decryptionKeys, senders, certificates, clock, DEFAULT_MAX_ENVELOPE_BYTES);
    }

    /**
     * Opens the DER envelope read from {@code envelope}, which is read to its end but not closed. The
     * caller closes the result when done with it.
     */
    public OpenedMessage open(InputStream envelope) {
        return open(envelope, -1, clock.instant());
    }

    /** Opens a DER envelope held in memory. */
    public OpenedMessage open(byte[] envelope) {
        return open(new ByteArrayInputStream(envelope), envelope.length, clock.instant());
    }

    /** Opens a DER envelope read from {@code content}. */
    public OpenedMessage open(Content envelope) {
        return openFrom(envelope, clock.instant());
    }

    /**
     * Opens an envelope the gateway accepted earlier, checking the signer's certificate as it stood at
     * signing time and at {@code acceptedAt} rather than now: a message accepted yesterday stays
     * deliverable when its sender's certificate expires or is revoked today. Every other check is the same.
     */
    public OpenedMessage openAccepted(byte[] envelope, Instant acceptedAt) {
        return open(new ByteArrayInputStream(envelope), envelope.length, Objects.requireNonNull(acceptedAt));
    }

    /** As {@link #openAccepted(byte[], Instant)}, reading the envelope from {@code envelope}. */
    public OpenedMessage openAccepted(Content envelope, Instant acceptedAt) {
        return openFrom(envelope, Objects.requireNonNull(acceptedAt));
    }

    private OpenedMessage openFrom(Content envelope, Instant validatedAt) {
        try (InputStream in = envelope.openStream()) {
            return open(in, envelope.size(), validatedAt);
        } catch (IOException e) {
            throw malformed("the envelope could not be read");
        }
    }

    private OpenedMessage open(InputStream source, long knownSize, Instant validatedAt) {
        ReceivedEnvelope received = new ReceivedEnvelope(source, maxEnvelopeBytes);
        Spool.Writer spooling = Spool.writer(spoolDirectory, SPOOL_MEMORY_BYTES);
        Spool spool = null;
        try {
            Provider gcm = knownSize >= 0 && knownSize <= JDK_GCM_MAX_BYTES
                    ? BouncyCastleProviders.symmetric()
                    : BouncyCastleProviders.streamingGcm();
            Verified verified = decryptAndVerify(new BufferedInputStream(received), received, gcm, spooling);
            spool = spooling.finish();
            CmsSignatureVerifier.Signer signature = verified.signer();
            certificates.validate(
                    signature.certificate(), signature.offeredCertificates(), signature.signingTime(), validatedAt);
            ParticipantId signer = senders.participantSigningWith(signature.certificate())
                    .orElseThrow(() -> new RejectedException(
                            RejectionReason.SIGNER_UNKNOWN,
                            "no participant has registered the signing certificate "
                                    + signature.certificate().getSubjectX500Principal()));
            ExchangeDocument document = ExchangeDocumentCodec.decode(spool);
            if (!document.header().from().equals(signer)) {
                throw new RejectedException(
                        RejectionReason.SIGNER_NOT_SENDER,
                        "signed by " + signer + " but the header names "
                                + document.header().from());
            }
            if (verified.legacy() && !senders.allowsLegacyEncryption(signer)) {
                throw AlgorithmPolicy.notAllowed("legacy EnvelopedData (AES-256-CBC) from " + signer);
            }
            return new OpenedMessage(
                    document,
                    signer,
                    signature.certificate(),
                    signature.signingTime(),
                    received.sha256(),
                    verified.openedWith(),
                    verified.legacy(),
                    spool);
        } catch (IOException | RuntimeException e) {
            closeQuietly(spooling);
            if (spool != null) {
                spool.close();
            }
            if (received.tooLarge()) {
                throw new RejectedException(
                        RejectionReason.TOO_LARGE, "envelope larger than " + maxEnvelopeBytes + " bytes");
            }
            if (e instanceof RejectedException | e instanceof UncheckedIOException) {
                throw (RuntimeException) e;
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot spool the signed content", io);
            }
            throw malformed("the envelope does not parse");
        }
    }

    private record Verified(CmsSignatureVerifier.Signer signer, boolean legacy, X509Certificate openedWith) {}

    /** Reads the whole envelope: decrypts, verifies the signature, spools the content, checks the tag. */
    private Verified decryptAndVerify(
            BufferedInputStream envelope, ReceivedEnvelope received, Provider gcm, OutputStream spool) {
        Outer outer = outer(envelope);
        ASN1ObjectIdentifier type = outer.type();
        boolean legacy;
        RecipientInformationStore recipients;
        Runnable readTrailer;
        try {
            if (CMSObjectIdentifiers.authEnvelopedData.equals(type)) {
                CMSAuthEnvelopedDataParser data = new CMSAuthEnvelopedDataParser(envelope);
                if (!CMSAlgorithm.AES256_GCM.getId().equals(data.getEncAlgOID())) {
                    throw AlgorithmPolicy.notAllowed("content encryption " + data.getEncAlgOID());
                }
                recipients = data.getRecipientInfos();
                legacy = false;
                readTrailer = () -> unchecked(data::getUnauthAttrs);
            } else if (CMSObjectIdentifiers.envelopedData.equals(type)) {
                CMSEnvelopedDataParser data = new CMSEnvelopedDataParser(envelope);
                if (!CMSAlgorithm.AES256_CBC.getId().equals(data.getEncryptionAlgOID())) {
                    throw AlgorithmPolicy.notAllowed("content encryption " + data.getEncryptionAlgOID());
                }
                recipients = data.getRecipientInfos();
                legacy = true;
                readTrailer = () -> unchecked(data::getUnprotectedAttributes);
            } else {
                throw malformed("the envelope is neither AuthEnvelopedData nor EnvelopedData");
            }
        } catch (CMSException | IOException | RuntimeException e) {
            if (e instanceof RejectedException rejected) {
                throw rejected;
            }
            throw malformed("the enveloped data does not parse");
        }
        Opening opening = opening(recipients, legacy, gcm);
        DecryptedStream decrypted = new DecryptedStream(opening.content());
        CmsSignatureVerifier.Signer signer;
        try {
            signer = CmsSignatureVerifier.verify(signedDataInside(decrypted, opening.contentType()), spool);
            if (decrypted.drain()) {
                throw malformed("the decrypted content does not parse");
            }
        } catch (RejectedException e) {
            // Only the end of the content proves it decrypted: a wrong tag outranks whatever it made
            // the content look like.
            decrypted.drain();
            if (decrypted.failed()) {
                throw decryptionFailed(decrypted);
            }
            throw e;
        }
        if (decrypted.failed()) {
            throw decryptionFailed(decrypted);
        }
        readTrailer.run();
        nothingFollows(envelope, received, outer);
        return new Verified(signer, legacy, opening.key());
    }

    private record Opening(InputStream content, String contentType, X509Certificate key) {}

    private Opening opening(RecipientInformationStore recipients, boolean legacy, Provider gcm) {
        for (RecipientInformation recipient : recipients.getRecipients()) {
            for (Credential key : decryptionKeys.openingKeys()) {
                if (names(recipient, key.certificate())) {
                    return new Opening(
                            decryptFor(recipient, key, legacy, gcm),
                            recipient.getContentType().getId(),
                            key.certificate());
                }
            }
        }
        for (RecipientInformation recipient : recipients.getRecipients()) {
            for (X509Certificate retired : decryptionKeys.retiredCertificates()) {
                if (names(recipient, retired)) {
                    throw new RejectedException(
                            RejectionReason.KEY_RETIRED,
                            "sealed to retired key " + retired.getSerialNumber().toString(16));
                }
            }
        }
        throw new RejectedException(
                RejectionReason.NOT_ADDRESSED_TO_GATEWAY, "no recipient info names a live gateway key");
    }

    private static boolean names(RecipientInformation recipient, X509Certificate certificate) {
        try {
            return recipient.getRID().match(ParsedCertificates.holderOf(certificate));
        } catch (CertificateEncodingException e) {
            return false;
        }
    }

    private static InputStream decryptFor(
            RecipientInformation recipient, Credential key, boolean legacy, Provider gcm) {
        Recipient opener;
        if (recipient instanceof KeyTransRecipientInformation) {
            AlgorithmPolicy.checkKeyTransport(recipient.getKeyEncryptionAlgorithm());
            opener = legacy
                    ? new JceKeyTransEnvelopedRecipient(key.privateKey())
                            .setProvider(BouncyCastleProviders.publicKey())
                            .setContentProvider(BouncyCastleProviders.symmetric())
                    : JdkGcmRecipients.keyTransport(key.privateKey(), gcm);
            if (key.heldInToken()) {
                // SunPKCS11 has no RSA-OAEP: an RSA key in a token cannot open this profile's envelopes.
                throw new RejectedException(
                        RejectionReason.DECRYPTION_FAILED, "RSA key transport needs a key outside the token");
            }
        } else if (recipient instanceof KeyAgreeRecipientInformation) {
            AlgorithmPolicy.checkKeyAgreement(recipient.getKeyEncryptionAlgorithm());
            opener = legacy
                    ? new JceKeyAgreeEnvelopedRecipient(key.privateKey())
                            .setProvider(BouncyCastleProviders.publicKey())
                            .setContentProvider(BouncyCastleProviders.symmetric())
                    : key.heldInToken()
                            ? JdkGcmRecipients.tokenKeyAgreement(key.privateKey(), key.provider(), gcm)
                            : JdkGcmRecipients.keyAgreement(key.privateKey(), gcm);
        } else {
            throw AlgorithmPolicy.notAllowed(
                    "recipient info type " + recipient.getClass().getSimpleName());
        }
        try {
            return recipient.getContentStream(opener).getContentStream();
        } catch (CMSException | IOException | RuntimeException e) {
            // A wrong tag, a wrong wrapped key and a corrupted ciphertext look alike on purpose: the
            // sender learns only that decryption failed.
            throw new RejectedException(RejectionReason.DECRYPTION_FAILED, "decryption failed: " + e.getMessage(), e);
        }
    }

    /**
     * The SignedData inside, as a ContentInfo stream: OpenSSL and this profile encrypt the DER ContentInfo
     * as id-data; other implementations encrypt the bare SignedData with content type id-signedData, which
     * is given the ContentInfo around it here (in indefinite-length form, as its length is not known yet).
     */
    private static InputStream signedDataInside(InputStream decrypted, String contentType) {
        if (CMSObjectIdentifiers.signedData.getId().equals(contentType)) {
            return new SequenceInputStream(Collections.enumeration(List.of(
                    new ByteArrayInputStream(SIGNED_DATA_CONTENT_INFO_HEAD),
                    decrypted,
                    new ByteArrayInputStream(new byte[4]))));
        }
        if (!CMSObjectIdentifiers.data.getId().equals(contentType)) {
            throw malformed("unexpected encrypted content type " + contentType);
        }
        return decrypted;
    }

    /** SEQUENCE (indefinite) { id-signedData, [0] (indefinite) { ... } }: ContentInfo's head. */
    private static final byte[] SIGNED_DATA_CONTENT_INFO_HEAD = signedDataContentInfoHead();

    private static byte[] signedDataContentInfoHead() {
        try {
            byte[] oid = CMSObjectIdentifiers.signedData.getEncoded(ASN1Encoding.DER);
            byte[] head = new byte[2 + oid.length + 2];
            head[0] = 0x30;
            head[1] = (byte) 0x80;
            System.arraycopy(oid, 0, head, 2, oid.length);
            head[2 + oid.length] = (byte) 0xA0;
            head[3 + oid.length] = (byte) 0x80;
            return head;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The ContentInfo's content type and encoded length, read ahead without consuming the envelope.
     *
     * @param length the whole encoding's length in bytes, or -1 when it uses the indefinite-length form
     */
    private record Outer(ASN1ObjectIdentifier type, long length) {}

    private static Outer outer(BufferedInputStream envelope) {
        try {
            envelope.mark(PEEK_BYTES);
            byte[] head = envelope.readNBytes(10);
            if (head.length == 0) {
                throw malformed("the envelope is empty");
            }
            envelope.reset();
            ASN1ObjectIdentifier type = new ContentInfoParser(
                            (ASN1SequenceParser) new ASN1StreamParser(envelope).readObject())
                    .getContentType();
            envelope.reset();
            return new Outer(type, encodedLength(head));
        } catch (IOException | RuntimeException e) {
            if (e instanceof RejectedException rejected) {
                throw rejected;
            }
            throw malformed("the envelope is not a CMS ContentInfo");
        }
    }

    private static final int PEEK_BYTES = 1024;

    /** The length of a DER/BER element from its first bytes (tag, length), or -1 for indefinite length. */
    private static long encodedLength(byte[] head) {
        if (head.length < 2) {
            throw malformed("the envelope is not a CMS ContentInfo");
        }
        int first = head[1] & 0xff;
        if (first == 0x80) {
            return -1;
        }
        if (first < 0x80) {
            return 2 + first;
        }
        int octets = first & 0x7f;
        if (octets > 7 || head.length < 2 + octets) {
            throw malformed("the envelope's length does not parse");
        }
        long length = 0;
        for (int i = 0; i < octets; i++) {
            length = (length << 8) | (head[2 + i] & 0xff);
        }
        return 2 + octets + length;
    }

    /**
     * Nothing may follow the envelope, and it must end where its length said. The parsers stop at the
     * last element they need, so what is left may only be the end-of-contents octets of indefinite-length
     * encodings.
     */
    private static void nothingFollows(InputStream envelope, ReceivedEnvelope received, Outer outer) {
        try {
            byte[] rest = envelope.readNBytes(MAX_TRAILING_END_OF_CONTENTS + 1);
            boolean onlyEndOfContents = rest.length <= MAX_TRAILING_END_OF_CONTENTS;
            for (byte b : rest) {
                onlyEndOfContents &= b == 0;
            }
            if (!onlyEndOfContents
                    || envelope.read() >= 0
                    || (outer.length() >= 0 && received.count() != outer.length())) {
                throw malformed("data follows the envelope");
            }
        } catch (IOException e) {
            throw malformed("the envelope could not be read");
        }
    }

    private interface IoAction {
        Object run() throws IOException;
    }

    private static void unchecked(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw malformed("the enveloped data does not parse");
        }
    }

    private static void closeQuietly(Spool.Writer spooling) {
        try {
            spooling.close();
        } catch (IOException e) {
            // Nothing to answer with: the original failure is what the caller needs.
        }
    }

    /** A ciphertext cut short is a truncated envelope, not a failed decryption. */
    private static RejectedException decryptionFailed(DecryptedStream decrypted) {
        if (decrypted.truncated()) {
            return malformed("the envelope is truncated");
        }
        return new RejectedException(RejectionReason.DECRYPTION_FAILED, "decryption failed");
    }

    private static RejectedException malformed(String detail) {
        return new RejectedException(RejectionReason.MALFORMED_ENVELOPE, detail);
    }
}
