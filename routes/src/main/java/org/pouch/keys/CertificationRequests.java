package org.pouch.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.pouch.certificates.BouncyCastleProviders;
import org.pouch.certificates.KeySuite;

/** PKCS#10 certification requests for newly generated keys, signed by the key itself (proof of possession). */
public final class CertificationRequests {

    private CertificationRequests() {}

    /**
     * The PEM CSR for {@code publicKey}, signed with its private key on {@code provider} (Bouncy Castle for a
     * software key, the token's provider for a PKCS#11 key).
     */
    public static String create(String subject, PublicKey publicKey, PrivateKey privateKey, Provider provider) {
        String algorithm = KeySuite.of(publicKey) == KeySuite.EC_P256 ? "SHA256withECDSA" : "SHA256withRSA";
        try {
            var request = new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), publicKey)
                    .build(new JcaContentSignerBuilder(algorithm)
                            .setProvider(provider)
                            .build(privateKey));
            return Pem.encode("CERTIFICATE REQUEST", request.getEncoded());
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign the certification request", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + subject + "' is not a distinguished name", e);
        }
    }

    /**
     * A self-signed stand-in certificate for a key that awaits its real one: key stores (PKCS#12 files,
     * PKCS#11 tokens) hold a private key only together with a certificate. Never published or trusted.
     */
    public static X509Certificate placeholderCertificate(
            String subject, PublicKey publicKey, PrivateKey privateKey, Provider provider, Instant now) {
        String algorithm = KeySuite.of(publicKey) == KeySuite.EC_P256 ? "SHA256withECDSA" : "SHA256withRSA";
        try {
            X500Name name = new X500Name(subject);
            var holder = new JcaX509v3CertificateBuilder(
                            name,
                            BigInteger.valueOf(now.toEpochMilli()),
                            Date.from(now),
                            Date.from(now.plus(Duration.ofDays(1))),
                            name,
                            publicKey)
                    .build(new JcaContentSignerBuilder(algorithm)
                            .setProvider(provider)
                            .build(privateKey));
            return new JcaX509CertificateConverter()
                    .setProvider(BouncyCastleProviders.publicKey())
                    .getCertificate(holder);
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a placeholder certificate", e);
        }
    }

    /** The public key a PEM CSR asks a certificate for, after checking its signature; for CAs and tests. */
    public static PublicKey publicKeyOf(String pem) {
        try {
            JcaPKCS10CertificationRequest request = parse(pem);
            boolean valid = request.isSignatureValid(new JcaContentVerifierProviderBuilder()
                    .setProvider(BouncyCastleProviders.publicKey())
                    .build(request.getPublicKey()));
            if (!valid) {
                throw new IllegalArgumentException("the CSR's signature does not hold");
            }
            return request.getPublicKey();
        } catch (GeneralSecurityException | OperatorCreationException | PKCSException e) {
            throw new IllegalArgumentException("the CSR does not parse: " + e.getMessage(), e);
        }
    }

    private static JcaPKCS10CertificationRequest parse(String pem) {
        try {
            return new JcaPKCS10CertificationRequest(der(pem)).setProvider(BouncyCastleProviders.publicKey());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the CSR does not parse", e);
        }
    }

    /** The subject a PEM CSR names. */
    public static String subjectOf(String pem) {
        return parse(pem).getSubject().toString();
    }

    private static byte[] der(String pem) {
        try {
            return Base64.getDecoder()
                    .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the CSR is not PEM", e);
        }
    }
}
