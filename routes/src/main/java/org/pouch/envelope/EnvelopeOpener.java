package org.pouch.envelope;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSEnvelopedData;
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
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.ExchangeDocumentCodec;
import org.pouch.exchange.ParticipantId;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;

/**
 * Opens envelopes: decrypts with whichever live gateway key the envelope names, verifies the
 * signature, validates the signer's certificate at signing time and now, and binds the signer to the
 * sender the header declares. The result is an {@link OpenedMessage}, or one {@link RejectedException}
 * whose reason says which check failed.
 */
public final class EnvelopeOpener {

    /** Without a configured limit, envelopes over 256 MiB are refused before they are parsed. */
    public static final long DEFAULT_MAX_ENVELOPE_BYTES = 256L * 1024 * 1024;

    private final DecryptionKeys decryptionKeys;
    private final SenderDirectory senders;
    private final CertificateValidator certificates;
    private final Clock clock;
    private final long maxEnvelopeBytes;

    public EnvelopeOpener(
            DecryptionKeys decryptionKeys,
            SenderDirectory senders,
            CertificateValidator certificates,
            Clock clock,
            long maxEnvelopeBytes) {
        this.decryptionKeys = Objects.requireNonNull(decryptionKeys);
        this.senders = Objects.requireNonNull(senders);
        this.certificates = Objects.requireNonNull(certificates);
        this.clock = Objects.requireNonNull(clock);
        this.maxEnvelopeBytes = maxEnvelopeBytes;
    }

    public EnvelopeOpener(
            DecryptionKeys decryptionKeys, SenderDirectory senders, CertificateValidator certificates, Clock clock) {
        this(decryptionKeys, senders, certificates, clock, DEFAULT_MAX_ENVELOPE_BYTES);
    }

    /** Opens the DER envelope read from {@code envelope}, which is read to its end but not closed. */
    public OpenedMessage open(InputStream envelope) {
        return open(readBounded(envelope), clock.instant());
    }

    /**
     * Opens an envelope the gateway accepted earlier, checking the signer's certificate as it stood at
     * signing time and at {@code acceptedAt} rather than now: a message accepted yesterday stays
     * deliverable when its sender's certificate expires or is revoked today. Every other check is the same.
     */
    public OpenedMessage openAccepted(byte[] envelope, Instant acceptedAt) {
        return open(readBounded(new ByteArrayInputStream(envelope)), Objects.requireNonNull(acceptedAt));
    }

    private OpenedMessage open(byte[] received, Instant validatedAt) {
        ContentInfo outer = parseContentInfo(received);
        Decrypted decrypted = decrypt(outer);
        CmsSignatureVerifier.SignedContent signed = CmsSignatureVerifier.verify(signedDataInside(decrypted));
        certificates.validate(
                signed.signerCertificate(), signed.offeredCertificates(), signed.signingTime(), validatedAt);
        ParticipantId signer = senders.participantSigningWith(signed.signerCertificate())
                .orElseThrow(() -> new RejectedException(
                        RejectionReason.SIGNER_UNKNOWN,
                        "no participant has registered the signing certificate "
                                + signed.signerCertificate().getSubjectX500Principal()));
        ExchangeDocument document = ExchangeDocumentCodec.decode(signed.content());
        if (!document.header().from().equals(signer)) {
            throw new RejectedException(
                    RejectionReason.SIGNER_NOT_SENDER,
                    "signed by " + signer + " but the header names "
                            + document.header().from());
        }
        if (decrypted.legacy() && !senders.allowsLegacyEncryption(signer)) {
            throw AlgorithmPolicy.notAllowed("legacy EnvelopedData (AES-256-CBC) from " + signer);
        }
        return new OpenedMessage(
                document,
                signer,
                signed.signerCertificate(),
                signed.signingTime(),
                sha256(received),
                decrypted.openedWith(),
                decrypted.legacy());
    }

    /** Opens a DER envelope held in memory. */
    public OpenedMessage open(byte[] envelope) {
        return open(new ByteArrayInputStream(envelope));
    }

    private record Decrypted(byte[] content, boolean legacy, X509Certificate openedWith, String contentType) {}

    private Decrypted decrypt(ContentInfo outer) {
        boolean legacy;
        RecipientInformationStore recipients;
        try {
            if (CMSObjectIdentifiers.authEnvelopedData.equals(outer.getContentType())) {
                CMSAuthEnvelopedData data = new CMSAuthEnvelopedData(outer);
                if (!CMSAlgorithm.AES256_GCM.getId().equals(data.getEncryptionAlgOID())) {
                    throw AlgorithmPolicy.notAllowed("content encryption " + data.getEncryptionAlgOID());
                }
                recipients = data.getRecipientInfos();
                legacy = false;
            } else if (CMSObjectIdentifiers.envelopedData.equals(outer.getContentType())) {
                CMSEnvelopedData data = new CMSEnvelopedData(outer);
                if (!CMSAlgorithm.AES256_CBC.getId().equals(data.getEncryptionAlgOID())) {
                    throw AlgorithmPolicy.notAllowed("content encryption " + data.getEncryptionAlgOID());
                }
                recipients = data.getRecipientInfos();
                legacy = true;
            } else {
                throw malformed("the envelope is neither AuthEnvelopedData nor EnvelopedData");
            }
        } catch (CMSException | RuntimeException e) {
            if (e instanceof RejectedException rejected) {
                throw rejected;
            }
            throw malformed("the enveloped data does not parse");
        }
        for (RecipientInformation recipient : recipients.getRecipients()) {
            for (Credential key : decryptionKeys.openingKeys()) {
                if (names(recipient, key.certificate())) {
                    return new Decrypted(
                            decryptFor(recipient, key, legacy),
                            legacy,
                            key.certificate(),
                            recipient.getContentType().getId());
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
            return recipient.getRID().match(new JcaX509CertificateHolder(certificate));
        } catch (CertificateEncodingException e) {
            return false;
        }
    }

    private static byte[] decryptFor(RecipientInformation recipient, Credential key, boolean legacy) {
        Recipient opener;
        if (recipient instanceof KeyTransRecipientInformation) {
            AlgorithmPolicy.checkKeyTransport(recipient.getKeyEncryptionAlgorithm());
            opener = legacy
                    ? new JceKeyTransEnvelopedRecipient(key.privateKey())
                            .setProvider(BouncyCastleProviders.publicKey())
                            .setContentProvider(BouncyCastleProviders.symmetric())
                    : JdkGcmRecipients.keyTransport(key.privateKey());
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
                            ? JdkGcmRecipients.tokenKeyAgreement(key.privateKey(), key.provider())
                            : JdkGcmRecipients.keyAgreement(key.privateKey());
        } else {
            throw AlgorithmPolicy.notAllowed(
                    "recipient info type " + recipient.getClass().getSimpleName());
        }
        try {
            return recipient.getContent(opener);
        } catch (CMSException | RuntimeException e) {
            // A wrong tag, a wrong wrapped key and a corrupted ciphertext look alike on purpose: the
            // sender learns only that decryption failed.
            throw new RejectedException(RejectionReason.DECRYPTION_FAILED, "decryption failed: " + e.getMessage(), e);
        }
    }

    /**
     * The SignedData inside: OpenSSL and this profile encrypt the DER ContentInfo as id-data; other
     * implementations encrypt the bare SignedData with content type id-signedData. Both are accepted.
     */
    private static ContentInfo signedDataInside(Decrypted decrypted) {
        ASN1Primitive inner = parse(decrypted.content(), "the decrypted content does not parse");
        if (CMSObjectIdentifiers.signedData.getId().equals(decrypted.contentType())) {
            return new ContentInfo(CMSObjectIdentifiers.signedData, inner);
        }
        if (!CMSObjectIdentifiers.data.getId().equals(decrypted.contentType())) {
            throw malformed("unexpected encrypted content type " + decrypted.contentType());
        }
        try {
            return ContentInfo.getInstance(inner);
        } catch (RuntimeException e) {
            throw malformed("the decrypted content is not a ContentInfo");
        }
    }

    private static ContentInfo parseContentInfo(byte[] received) {
        try {
            return ContentInfo.getInstance(parse(received, "the envelope is not DER"));
        } catch (RejectedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw malformed("the envelope is not a CMS ContentInfo");
        }
    }

    private static ASN1Primitive parse(byte[] der, String complaint) {
        try (ASN1InputStream in = new ASN1InputStream(der, true)) {
            ASN1Primitive primitive = in.readObject();
            if (primitive == null || in.available() > 0 || in.readObject() != null) {
                throw malformed(complaint);
            }
            return primitive;
        } catch (IOException | RuntimeException e) {
            if (e instanceof RejectedException rejected) {
                throw rejected;
            }
            throw malformed(complaint);
        }
    }

    private byte[] readBounded(InputStream in) {
        try {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxEnvelopeBytes + 1));
            if (bytes.length > maxEnvelopeBytes) {
                throw new RejectedException(
                        RejectionReason.TOO_LARGE, "envelope larger than " + maxEnvelopeBytes + " bytes");
            }
            if (bytes.length == 0) {
                throw malformed("the envelope is empty");
            }
            return bytes;
        } catch (IOException e) {
            throw malformed("the envelope could not be read");
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RejectedException malformed(String detail) {
        return new RejectedException(RejectionReason.MALFORMED_ENVELOPE, detail);
    }
}
