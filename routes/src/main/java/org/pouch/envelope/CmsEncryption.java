package org.pouch.envelope;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSAuthEnvelopedDataStreamGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.RecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;
import org.pouch.certificates.BouncyCastleProviders;
import org.pouch.certificates.KeySuite;

/**
 * Makes CMS AuthEnvelopedData as the profile wants it: AES-256-GCM, content type id-data, no
 * authenticated attributes; key transport RSA-OAEP with SHA-256 for RSA recipients, ephemeral-static
 * ECDH P-256 with the SHA-256 KDF and AES-256 key wrap for EC recipients.
 */
final class CmsEncryption {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CmsEncryption() {}

    /** The DER AuthEnvelopedData ContentInfo holding {@code content} for the holder of {@code recipient}. */
    static byte[] encrypt(byte[] content, X509Certificate recipient) {
        try {
            CMSAuthEnvelopedDataGenerator generator = new CMSAuthEnvelopedDataGenerator();
            generator.addRecipientInfoGenerator(recipientInfo(recipient));
            OutputAEADEncryptor encryptor =
                    (OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM)
                            .setProvider(BouncyCastleProviders.symmetric())
                            .setSecureRandom(RANDOM)
                            .build();
            return generator
                    .generate(new CMSProcessableByteArray(content), encryptor)
                    .toASN1Structure()
                    .getEncoded(ASN1Encoding.DER);
        } catch (CMSException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt for " + recipient.getSubjectX500Principal(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A stream that encrypts what is written to it for the holder of {@code recipient}: the
     * AuthEnvelopedData ContentInfo goes to {@code out} as it is written (BER, indefinite lengths), the
     * GCM tag when the stream is closed. Closing it does not close {@code out}.
     */
    static OutputStream encrypting(OutputStream out, X509Certificate recipient) throws IOException {
        try {
            CMSAuthEnvelopedDataStreamGenerator generator = new CMSAuthEnvelopedDataStreamGenerator();
            generator.addRecipientInfoGenerator(recipientInfo(recipient));
            return generator.open(out, encryptor());
        } catch (CMSException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt for " + recipient.getSubjectX500Principal(), e);
        }
    }

    private static OutputAEADEncryptor encryptor() throws CMSException {
        return (OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM)
                .setProvider(BouncyCastleProviders.symmetric())
                .setSecureRandom(RANDOM)
                .build();
    }

    /** The recipient info the profile uses for this certificate's key type. */
    static RecipientInfoGenerator recipientInfo(X509Certificate recipient) throws GeneralSecurityException {
        if (KeySuite.of(recipient.getPublicKey()) == KeySuite.RSA_3072) {
            OAEPParameterSpec oaep =
                    new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
            return new JceKeyTransRecipientInfoGenerator(
                            recipient,
                            new JcaAlgorithmParametersConverter()
                                    .getAlgorithmIdentifier(PKCSObjectIdentifiers.id_RSAES_OAEP, oaep))
                    .setProvider(BouncyCastleProviders.publicKey());
        }
        // A fresh key pair per envelope (ephemeral-static ECDH), so no two envelopes share a wrap key.
        KeyPair ephemeral = KeySuite.EC_P256.generateKeyPair(RANDOM);
        return new JceKeyAgreeRecipientInfoGenerator(
                        CMSAlgorithm.ECDH_SHA256KDF,
                        ephemeral.getPrivate(),
                        ephemeral.getPublic(),
                        CMSAlgorithm.AES256_WRAP)
                .addRecipient(recipient)
                .setProvider(BouncyCastleProviders.publicKey())
                .setSecureRandom(RANDOM);
    }
}
