package org.pouch.envelope;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.AuthEnvelopedData;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.pouch.certificates.BouncyCastleProviders;
import org.pouch.certificates.Credential;
import org.pouch.certificates.KeySuite;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.ExchangeDocumentCodec;

/**
 * Builds envelopes that break the profile in one precise way each, the way a faulty or hostile
 * partner would, so that every rejection the opener can give is exercised by a real CMS structure.
 * Public for the gateway's tests, which send the same envelopes through its REST and SOAP edges.
 */
public final class HostileEnvelopes {

    private HostileEnvelopes() {}

    /** How to sign: the algorithm, and which profile rules to break. */
    public record Signing(String algorithm, boolean signedAttributes, boolean attached) {
        public static Signing profile(Credential signer) {
            return new Signing(
                    signer.suite() == KeySuite.EC_P256 ? "SHA256withECDSA" : "SHA256withRSAandMGF1", true, true);
        }
    }

    public static byte[] signedData(byte[] content, Credential signer, Signing signing, Instant signingTime)
            throws Exception {
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        JcaSignerInfoGeneratorBuilder builder =
                new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build());
        if (signing.signedAttributes()) {
            builder.setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(
                    new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))))));
        } else {
            builder.setDirectSignature(true);
        }
        generator.addSignerInfoGenerator(builder.build(
                new JcaContentSignerBuilder(signing.algorithm())
                        .setProvider(BouncyCastleProviders.publicKey())
                        .build(signer.privateKey()),
                signer.certificate()));
        generator.addCertificate(new JcaX509CertificateHolder(signer.certificate()));
        return generator
                .generate(new CMSProcessableByteArray(content), signing.attached())
                .getEncoded(ASN1Encoding.DER);
    }

    /** The document signed now, as the profile signs it: the SignedData to wrap in a broken envelope. */
    public static byte[] profileSigned(ExchangeDocument document, Credential signer) throws Exception {
        return signedData(ExchangeDocumentCodec.encode(document), signer, Signing.profile(signer), Instant.now());
    }

    /** The document signed now the way {@code signing} says, then sealed to {@code recipient} as the profile seals. */
    public static byte[] signedThenSealed(
            ExchangeDocument document, Credential signer, Signing signing, X509Certificate recipient) throws Exception {
        return authEnveloped(
                signedData(ExchangeDocumentCodec.encode(document), signer, signing, Instant.now()), recipient);
    }

    /** The same SignedData with its encapsulated content replaced, the signature left as it was. */
    public static byte[] withContentReplaced(byte[] signedDataContentInfo, byte[] newContent) throws Exception {
        SignedData signed = SignedData.getInstance(
                ContentInfo.getInstance(signedDataContentInfo).getContent());
        SignedData altered = new SignedData(
                signed.getDigestAlgorithms(),
                new ContentInfo(CMSObjectIdentifiers.data, new DEROctetString(newContent)),
                signed.getCertificates(),
                signed.getCRLs(),
                signed.getSignerInfos());
        return new ContentInfo(CMSObjectIdentifiers.signedData, altered).getEncoded(ASN1Encoding.DER);
    }

    /** AuthEnvelopedData (AES-256-GCM) around arbitrary bytes, as the profile would seal them. */
    public static byte[] authEnveloped(byte[] content, X509Certificate recipient) {
        return CmsEncryption.encrypt(content, recipient);
    }

    /** The same AuthEnvelopedData with one bit of its GCM tag flipped. */
    public static byte[] withFlippedTag(byte[] authEnvelopedContentInfo) throws Exception {
        AuthEnvelopedData data = AuthEnvelopedData.getInstance(
                ContentInfo.getInstance(authEnvelopedContentInfo).getContent());
        byte[] tag = data.getMac().getOctets();
        tag[tag.length - 1] ^= 0x01;
        AuthEnvelopedData tampered = new AuthEnvelopedData(
                data.getOriginatorInfo(),
                data.getRecipientInfos(),
                data.getAuthEncryptedContentInfo(),
                data.getAuthAttrs(),
                new DEROctetString(tag),
                data.getUnauthAttrs());
        return new ContentInfo(CMSObjectIdentifiers.authEnvelopedData, tampered).getEncoded(ASN1Encoding.DER);
    }

    /** Legacy EnvelopedData (AES-256-CBC) around arbitrary bytes. */
    public static byte[] legacyEnveloped(byte[] content, X509Certificate recipient) throws Exception {
        CMSEnvelopedDataGenerator generator = new CMSEnvelopedDataGenerator();
        generator.addRecipientInfoGenerator(CmsEncryption.recipientInfo(recipient));
        return generator
                .generate(
                        new CMSProcessableByteArray(content),
                        new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_CBC).build())
                .getEncoded();
    }

    /** AuthEnvelopedData whose RSA key transport is PKCS#1 v1.5 rather than OAEP. */
    public static byte[] authEnvelopedWithPkcs1KeyTransport(byte[] content, X509Certificate rsaRecipient)
            throws Exception {
        CMSAuthEnvelopedDataGenerator generator = new CMSAuthEnvelopedDataGenerator();
        generator.addRecipientInfoGenerator(
                new JceKeyTransRecipientInfoGenerator(rsaRecipient).setProvider(BouncyCastleProviders.publicKey()));
        OutputAEADEncryptor encryptor =
                (OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM).build();
        return generator
                .generate(new CMSProcessableByteArray(content), encryptor)
                .getEncoded();
    }
}
