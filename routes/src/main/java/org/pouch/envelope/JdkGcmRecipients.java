package org.pouch.envelope;

import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.InputStreamWithMAC;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.RecipientOperator;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipient;
import org.bouncycastle.jcajce.io.CipherInputStream;
import org.bouncycastle.operator.InputAEADDecryptor;
import org.pouch.certificates.BouncyCastleProviders;

/**
 * Recipients for AuthEnvelopedData that unwrap the content key on Bouncy Castle and decrypt the
 * content with the JDK's AES-GCM. Bouncy Castle's own AuthEnveloped recipients look the GCM
 * parameters up by OID, which the JDK providers do not register, and its pure-Java AES-GCM is several
 * times slower than the JDK's on large payloads.
 */
final class JdkGcmRecipients {

    private static final int MIN_TAG_BYTES = 12;

    private JdkGcmRecipients() {}

    static Recipient keyAgreement(PrivateKey key) {
        return new JceKeyAgreeRecipient(key) {
            @Override
            public RecipientOperator getRecipientOperator(
                    AlgorithmIdentifier keyEncryptionAlgorithm,
                    AlgorithmIdentifier contentEncryptionAlgorithm,
                    SubjectPublicKeyInfo senderPublicKey,
                    ASN1OctetString userKeyingMaterial,
                    byte[] encryptedContentKey)
                    throws CMSException {
                return decryptor(
                        extractSecretKey(
                                keyEncryptionAlgorithm,
                                contentEncryptionAlgorithm,
                                senderPublicKey,
                                userKeyingMaterial,
                                encryptedContentKey),
                        contentEncryptionAlgorithm);
            }
        }.setProvider(BouncyCastleProviders.publicKey());
    }

    static Recipient keyTransport(PrivateKey key) {
        return new JceKeyTransRecipient(key) {
            @Override
            public RecipientOperator getRecipientOperator(
                    AlgorithmIdentifier keyEncryptionAlgorithm,
                    AlgorithmIdentifier contentEncryptionAlgorithm,
                    byte[] encryptedContentKey)
                    throws CMSException {
                return decryptor(
                        extractSecretKey(keyEncryptionAlgorithm, contentEncryptionAlgorithm, encryptedContentKey),
                        contentEncryptionAlgorithm);
            }
        }.setProvider(BouncyCastleProviders.publicKey());
    }

    private static RecipientOperator decryptor(Key contentKey, AlgorithmIdentifier algorithm) throws CMSException {
        if (!CMSAlgorithm.AES256_GCM.equals(algorithm.getAlgorithm())) {
            throw new CMSException("content encryption must be AES-256-GCM");
        }
        GCMParameters parameters = GCMParameters.getInstance(algorithm.getParameters());
        if (parameters.getIcvLen() < MIN_TAG_BYTES) {
            throw new CMSException("GCM tag shorter than " + MIN_TAG_BYTES + " bytes");
        }
        Cipher cipher;
        try {
            cipher = Cipher.getInstance("AES/GCM/NoPadding", BouncyCastleProviders.symmetric());
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    new SecretKeySpec(contentKey.getEncoded(), "AES"),
                    new GCMParameterSpec(parameters.getIcvLen() * 8, parameters.getNonce()));
        } catch (GeneralSecurityException e) {
            throw new CMSException("cannot start AES-GCM", e);
        }
        return new RecipientOperator(new InputAEADDecryptor() {
            private InputStream ciphertext;

            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return algorithm;
            }

            @Override
            public InputStream getInputStream(InputStream in) {
                ciphertext = in;
                return new CipherInputStream(in, cipher);
            }

            @Override
            public OutputStream getAADStream() {
                return new OutputStream() {
                    @Override
                    public void write(int b) {
                        cipher.updateAAD(new byte[] {(byte) b});
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) {
                        cipher.updateAAD(bytes, offset, length);
                    }
                };
            }

            @Override
            public byte[] getMAC() {
                return ciphertext instanceof InputStreamWithMAC withMac ? withMac.getMAC() : null;
            }
        });
    }
}
