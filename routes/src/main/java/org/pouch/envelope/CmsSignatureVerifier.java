package org.pouch.envelope;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataParser;
import org.bouncycastle.cms.CMSTypedStream;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.Selector;
import org.bouncycastle.util.Store;
import org.pouch.certificates.BouncyCastleProviders;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;

/**
 * Checks a CMS SignedData against the profile and verifies its one signature, reading it as a stream:
 * the signed content goes to a sink as it is read and digested, so that a content of any size is never
 * held. It proves only that the content is what the included certificate's key signed; whether that
 * certificate is trusted and whose it is are the caller's next questions. Until this returns, what the
 * sink got is unverified.
 */
final class CmsSignatureVerifier {

    /** What a signature that verified says about its signer. */
    record Signer(X509Certificate certificate, List<X509Certificate> offeredCertificates, Instant signingTime) {}

    /** A content held in memory whose signature verified. */
    record SignedContent(byte[] content, Signer signer) {}

    /** Digests run on the JDK's providers, which use the processor's SHA instructions. */
    private static final DigestCalculatorProvider DIGESTS = digests();

    /**
     * Immutable once built, and costly to build (each fills its tables of algorithm names): built once
     * rather than for every signature checked.
     */
    private static final DefaultCMSSignatureAlgorithmNameGenerator SIGNATURE_NAMES =
            new DefaultCMSSignatureAlgorithmNameGenerator();

    private static final DefaultSignatureAlgorithmIdentifierFinder SIGNATURE_ALGORITHMS =
            new DefaultSignatureAlgorithmIdentifierFinder();

    private CmsSignatureVerifier() {}

    private static DigestCalculatorProvider digests() {
        try {
            return new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param contentInfo the DER (or BER) ContentInfo of the SignedData, read up to the end of its signer
     *     infos
     * @param content receives the signed content as it is read
     * @throws java.io.UncheckedIOException when writing to {@code content} fails
     */
    static Signer verify(InputStream contentInfo, OutputStream content) {
        try {
            CMSSignedDataParser signed = new CMSSignedDataParser(DIGESTS, contentInfo);
            CMSTypedStream signedContent = signed.getSignedContent();
            if (signedContent == null) {
                throw malformed("the signed content is detached; it must be attached");
            }
            if (!CMSObjectIdentifiers.data.equals(signedContent.getContentType())) {
                throw malformed("the signed content type must be id-data");
            }
            copy(signedContent.getContentStream(), content);
            return verifySigner(signed.getSignerInfos().getSigners(), signed.getCertificates());
        } catch (CMSException | IOException | RuntimeException e) {
            if (e instanceof RejectedException | e instanceof UncheckedIOException) {
                throw (RuntimeException) e;
            }
            throw malformed("SignedData does not parse");
        }
    }

    /** Verifies a SignedData held in memory, whose content is small. */
    static SignedContent verify(byte[] contentInfo) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        Signer signer = verify(new ByteArrayInputStream(contentInfo), content);
        return new SignedContent(content.toByteArray(), signer);
    }

    private static void copy(InputStream from, OutputStream to) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (int read = from.read(buffer); read >= 0; read = from.read(buffer)) {
            try {
                to.write(buffer, 0, read);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep the signed content", e);
            }
        }
    }

    private static Signer verifySigner(
            Collection<SignerInformation> signers, Store<X509CertificateHolder> certificates) {
        if (signers.size() != 1) {
            throw malformed("exactly one signer is required, found " + signers.size());
        }
        SignerInformation signer = signers.iterator().next();
        AttributeTable attributes = signer.getSignedAttributes();
        if (attributes == null) {
            throw malformed("signed attributes are required");
        }
        for (ASN1ObjectIdentifier required :
                List.of(CMSAttributes.contentType, CMSAttributes.messageDigest, CMSAttributes.signingTime)) {
            if (attributes.get(required) == null) {
                throw malformed("signed attribute " + required + " is required");
            }
        }
        AlgorithmPolicy.checkDigest(signer.getDigestAlgorithmID());
        AlgorithmPolicy.checkSignature(signer.toASN1Structure().getDigestEncryptionAlgorithm());

        X509Certificate certificate = signerCertificate(certificates, signer);
        AlgorithmPolicy.checkSignerKey(certificate.getPublicKey());
        if (!verifies(signer, certificate)) {
            throw new RejectedException(RejectionReason.SIGNATURE_INVALID, "the signature does not verify");
        }
        return new Signer(
                certificate, allCertificates(certificates), signingTime(attributes.get(CMSAttributes.signingTime)));
    }

    private static boolean verifies(SignerInformation signer, X509Certificate certificate) {
        try {
            SignerInformationVerifier verifier = new SignerInformationVerifier(
                    SIGNATURE_NAMES,
                    SIGNATURE_ALGORITHMS,
                    // Built from the bare key: the certificate's validity is the validator's question,
                    // answered there with its own reason code.
                    new JcaContentVerifierProviderBuilder()
                            .setProvider(BouncyCastleProviders.publicKey())
                            .build(certificate.getPublicKey()),
                    DIGESTS);
            return signer.verify(verifier);
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            // A digest mismatch, a bad algorithm-protection attribute or a broken signature value
            // all mean the same to the sender: the signature does not hold.
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static X509Certificate signerCertificate(
            Store<X509CertificateHolder> certificates, SignerInformation signer) {
        Collection<X509CertificateHolder> matches =
                certificates.getMatches((Selector<X509CertificateHolder>) signer.getSID());
        if (matches.isEmpty()) {
            throw malformed("the signer's certificate is not included");
        }
        return toCertificate(matches.iterator().next());
    }

    private static List<X509Certificate> allCertificates(Store<X509CertificateHolder> certificates) {
        List<X509Certificate> all = new ArrayList<>();
        for (X509CertificateHolder holder : certificates.getMatches(null)) {
            all.add(toCertificate(holder));
        }
        return all;
    }

    private static X509Certificate toCertificate(X509CertificateHolder holder) {
        try {
            return ParsedCertificates.of(holder);
        } catch (CertificateException e) {
            throw malformed("an included certificate does not parse");
        }
    }

    private static Instant signingTime(Attribute attribute) {
        ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
        try {
            return Time.getInstance(value).getDate().toInstant();
        } catch (RuntimeException e) {
            throw malformed("the signing-time attribute does not parse");
        }
    }

    private static RejectedException malformed(String detail) {
        return new RejectedException(RejectionReason.MALFORMED_ENVELOPE, detail);
    }
}
