package org.pouch.envelope;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.cms.ecc.ECCCMSSharedInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.InputStreamWithMAC;
import org.bouncycastle.cms.KeyAgreeRecipient;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.RecipientOperator;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipient;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.KDF2BytesGenerator;
import org.bouncycastle.crypto.params.KDFParameters;
import org.bouncycastle.jcajce.io.CipherInputStream;
import org.bouncycastle.operator.InputAEADDecryptor;
import org.bouncycastle.util.Pack;
import org.pouch.certificates.BouncyCastleProviders;

/**
 * Recipients for AuthEnvelopedData that unwrap the content key on Bouncy Castle and decrypt the
 * content with the AES-GCM of the provider given: the JDK's for contents that may be held in memory
 * (Bouncy Castle's pure-Java AES-GCM is several times slower), Bouncy Castle's for large ones, since the
 * JDK's releases no plaintext before the end. Bouncy Castle's own AuthEnveloped recipients look the GCM
 * parameters up by OID, which the JDK providers do not register.
 */
final class JdkGcmRecipients {

    private static final int MIN_TAG_BYTES = 12;
    private static final int AES_256_BITS = 256;
    private static final AlgorithmIdentifier P256 =
            new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, SECObjectIdentifiers.secp256r1);

    private JdkGcmRecipients() {}

    static Recipient keyAgreement(PrivateKey key, Provider gcm) {
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
                        contentEncryptionAlgorithm,
                        gcm);
            }
        }.setProvider(BouncyCastleProviders.publicKey());
    }

    /**
     * Key agreement with a private key held in a PKCS#11 token. Only the raw ECDH runs in the token (the
     * JDK's SunPKCS11 knows no CMS key-agreement algorithm); the X9.63 KDF over the ECC-CMS-SharedInfo
     * (RFC 5753) and the AES key unwrap run here, as Bouncy Castle runs them for a key in memory.
     */
    static Recipient tokenKeyAgreement(PrivateKey key, Provider token, Provider gcm) {
        return new KeyAgreeRecipient() {
            @Override
            public RecipientOperator getRecipientOperator(
                    AlgorithmIdentifier keyEncryptionAlgorithm,
                    AlgorithmIdentifier contentEncryptionAlgorithm,
                    SubjectPublicKeyInfo senderPublicKey,
                    ASN1OctetString userKeyingMaterial,
                    byte[] encryptedContentKey)
                    throws CMSException {
                AlgorithmIdentifier wrap = AlgorithmIdentifier.getInstance(keyEncryptionAlgorithm.getParameters());
                if (!CMSAlgorithm.ECDH_SHA256KDF.equals(keyEncryptionAlgorithm.getAlgorithm())
                        || !CMSAlgorithm.AES256_WRAP.equals(wrap.getAlgorithm())) {
                    throw new CMSException("a token key opens ECDH with the SHA-256 KDF and AES-256 key wrap only");
                }
                try {
                    // The originator key usually leaves its curve implicit (RFC 5753): it is the profile's P-256.
                    SubjectPublicKeyInfo onP256 = new SubjectPublicKeyInfo(
                            P256, senderPublicKey.getPublicKeyData().getBytes());
                    PublicKey sender =
                            KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(onP256.getEncoded()));
                    KeyAgreement agreement = KeyAgreement.getInstance("ECDH", token);
                    agreement.init(key);
                    agreement.doPhase(sender, true);
                    byte[] sharedSecret = agreement.generateSecret();
                    byte[] sharedInfo = new ECCCMSSharedInfo(
                                    wrap,
                                    userKeyingMaterial == null ? null : userKeyingMaterial.getOctets(),
                                    Pack.intToBigEndian(AES_256_BITS))
                            .getEncoded(ASN1Encoding.DER);
                    KDF2BytesGenerator kdf = new KDF2BytesGenerator(new SHA256Digest());
                    kdf.init(new KDFParameters(sharedSecret, sharedInfo));
                    byte[] keyEncryptionKey = new byte[AES_256_BITS / 8];
                    kdf.generateBytes(keyEncryptionKey, 0, keyEncryptionKey.length);
                    Cipher unwrap = Cipher.getInstance("AESWrap", BouncyCastleProviders.symmetric());
                    unwrap.init(Cipher.UNWRAP_MODE, new SecretKeySpec(keyEncryptionKey, "AES"));
                    Key contentKey = unwrap.unwrap(encryptedContentKey, "AES", Cipher.SECRET_KEY);
                    return decryptor(contentKey, contentEncryptionAlgorithm, gcm);
                } catch (GeneralSecurityException | IOException e) {
                    throw new CMSException("key agreement in the token failed", e);
                }
            }

            @Override
            public AlgorithmIdentifier getPrivateKeyAlgorithmIdentifier() {
                return P256;
            }
        };
    }

    static Recipient keyTransport(PrivateKey key, Provider gcm) {
        return new JceKeyTransRecipient(key) {
            @Override
            public RecipientOperator getRecipientOperator(
                    AlgorithmIdentifier keyEncryptionAlgorithm,
                    AlgorithmIdentifier contentEncryptionAlgorithm,
                    byte[] encryptedContentKey)
                    throws CMSException {
                return decryptor(
                        extractSecretKey(keyEncryptionAlgorithm, contentEncryptionAlgorithm, encryptedContentKey),
                        contentEncryptionAlgorithm,
                        gcm);
            }
        }.setProvider(BouncyCastleProviders.publicKey());
    }

    private static RecipientOperator decryptor(Key contentKey, AlgorithmIdentifier algorithm, Provider gcm)
            throws CMSException {
        if (!CMSAlgorithm.AES256_GCM.equals(algorithm.getAlgorithm())) {
            throw new CMSException("content encryption must be AES-256-GCM");
        }
        GCMParameters parameters = GCMParameters.getInstance(algorithm.getParameters());
        if (parameters.getIcvLen() < MIN_TAG_BYTES) {
            throw new CMSException("GCM tag shorter than " + MIN_TAG_BYTES + " bytes");
        }
        Cipher cipher;
        try {
            cipher = Cipher.getInstance("AES/GCM/NoPadding", gcm);
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
