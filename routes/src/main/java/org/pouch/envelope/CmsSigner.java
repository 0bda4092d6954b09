package org.pouch.envelope;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSSignedDataStreamGenerator;
import org.bouncycastle.cms.CMSSignedGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.pouch.certificates.Credential;
import org.pouch.certificates.KeySuite;

/**
 * Makes CMS SignedData as the profile wants it: content attached as id-data, SHA-256, ECDSA or
 * RSASSA-PSS, signed attributes content-type, message-digest, signing-time and CMS algorithm
 * protection, the signer's certificate and its intermediates included.
 */
final class CmsSigner {

    private CmsSigner() {}

    /** The DER ContentInfo of a SignedData over {@code content}. */
    static byte[] sign(byte[] content, Credential signer, Instant signingTime) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            configure(generator, signer, signingTime);
            return generator
                    .generate(new CMSProcessableByteArray(content), true)
                    .getEncoded(ASN1Encoding.DER);
        } catch (CMSException e) {
            throw new IllegalStateException("cannot sign with " + signer.name(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A stream that signs what is written to it: the ContentInfo of a SignedData with the content
     * attached goes to {@code out} as it is written (BER, indefinite lengths), the signer info when the
     * stream is closed. Closing it does not close {@code out}.
     */
    static OutputStream signing(OutputStream out, Credential signer, Instant signingTime) throws IOException {
        CMSSignedDataStreamGenerator generator = new CMSSignedDataStreamGenerator();
        configure(generator, signer, signingTime);
        return generator.open(out, true);
    }

    private static void configure(CMSSignedGenerator generator, Credential signer, Instant signingTime) {
        try {
            AttributeTable signingTimeAttribute = new AttributeTable(
                    new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
            generator.addSignerInfoGenerator(
                    new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                            .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(signingTimeAttribute))
                            .build(contentSigner(signer), ParsedCertificates.holderOf(signer.certificate())));
            // Roots are left out: the verifier has them as trust anchors, and sending one invites trusting
            // whatever root arrives. Credentials read from a PKCS#12 file often hold no root at all.
            for (X509Certificate certificate : signer.chain()) {
                if (!isSelfIssued(certificate)) {
                    generator.addCertificate(ParsedCertificates.holderOf(certificate));
                }
            }
        } catch (CMSException | OperatorCreationException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot sign with " + signer.name(), e);
        }
    }

    private static boolean isSelfIssued(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }

    private static ContentSigner contentSigner(Credential signer) throws OperatorCreationException {
        String algorithm = signer.suite() == KeySuite.EC_P256 ? "SHA256withECDSA" : "SHA256withRSAandMGF1";
        // A token key signs inside its token; a key in memory on Bouncy Castle.
        return new JcaContentSignerBuilder(algorithm)
                .setProvider(signer.provider())
                .build(SigningKeys.forSigning(signer));
    }
}
