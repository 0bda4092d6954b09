package org.pouch.envelope;

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
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.Selector;
import org.pouch.certificates.BouncyCastleProviders;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;

/**
 * Checks a CMS SignedData against the profile and verifies its one signature. It proves only that the
 * content is what the included certificate's key signed; whether that certificate is trusted and
 * whose it is are the caller's next questions.
 */
final class CmsSignatureVerifier {

    /** Content whose signature verified, with what the signature says about itself. */
    record SignedContent(
            byte[] content,
            X509Certificate signerCertificate,
            List<X509Certificate> offeredCertificates,
            Instant signingTime) {}

    private CmsSignatureVerifier() {}

    static SignedContent verify(ContentInfo contentInfo) {
        if (!CMSObjectIdentifiers.signedData.equals(contentInfo.getContentType())) {
            throw malformed("the sealed content is not SignedData");
        }
        CMSSignedData signed;
        try {
            signed = new CMSSignedData(contentInfo);
        } catch (CMSException | RuntimeException e) {
            throw malformed("SignedData does not parse");
        }
        if (signed.getSignedContent() == null) {
            throw malformed("the signed content is detached; it must be attached");
        }
        if (!CMSObjectIdentifiers.data.getId().equals(signed.getSignedContentTypeOID())) {
            throw malformed("the signed content type must be id-data");
        }
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
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

        X509Certificate certificate = signerCertificate(signed, signer);
        AlgorithmPolicy.checkSignerKey(certificate.getPublicKey());
        if (!verifies(signer, certificate)) {
            throw new RejectedException(RejectionReason.SIGNATURE_INVALID, "the signature does not verify");
        }
        return new SignedContent(
                (byte[]) signed.getSignedContent().getContent(),
                certificate,
                allCertificates(signed),
                signingTime(attributes.get(CMSAttributes.signingTime)));
    }

    private static boolean verifies(SignerInformation signer, X509Certificate certificate) {
        try {
            SignerInformationVerifier verifier = new SignerInformationVerifier(
                    new DefaultCMSSignatureAlgorithmNameGenerator(),
                    new DefaultSignatureAlgorithmIdentifierFinder(),
                    // Built from the bare key: the certificate's validity is the validator's question,
                    // answered there with its own reason code.
                    new JcaContentVerifierProviderBuilder()
                            .setProvider(BouncyCastleProviders.publicKey())
                            .build(certificate.getPublicKey()),
                    new JcaDigestCalculatorProviderBuilder().build());
            return signer.verify(verifier);
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            // A digest mismatch, a bad algorithm-protection attribute or a broken signature value
            // all mean the same to the sender: the signature does not hold.
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static X509Certificate signerCertificate(CMSSignedData signed, SignerInformation signer) {
        Collection<X509CertificateHolder> matches =
                signed.getCertificates().getMatches((Selector<X509CertificateHolder>) signer.getSID());
        if (matches.isEmpty()) {
            throw malformed("the signer's certificate is not included");
        }
        return toCertificate(matches.iterator().next());
    }

    private static List<X509Certificate> allCertificates(CMSSignedData signed) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (X509CertificateHolder holder : signed.getCertificates().getMatches(null)) {
            certificates.add(toCertificate(holder));
        }
        return certificates;
    }

    private static X509Certificate toCertificate(X509CertificateHolder holder) {
        try {
            return new JcaX509CertificateConverter()
                    .setProvider(BouncyCastleProviders.publicKey())
                    .getCertificate(holder);
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
