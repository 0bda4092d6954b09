package org.pouch.keys;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.pouch.certificates.CertificateValidator;
import org.pouch.certificates.KeySuite;
import org.pouch.exchange.RejectedException;
import org.pouch.keys.KeyRingRefusal.Reason;

/**
 * Checks a certificate before it joins a ring: it chains to a trust anchor and is valid and unrevoked
 * now, and its key usage fits the ring's purpose. That the certificate is for the ring's key is the
 * ring's own check ({@link KeyRing#attachCertificate}).
 */
public final class IssuedCertificates {

    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_ENCIPHERMENT = 2;
    private static final int KEY_AGREEMENT = 4;
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    private IssuedCertificates() {}

    /**
     * @param chain the certificate first, then any issuers the CA sent with it
     * @throws KeyRingRefusal naming what is wrong
     */
    public static void check(
            List<X509Certificate> chain, KeyPurpose purpose, CertificateValidator validator, Instant now) {
        X509Certificate certificate = chain.get(0);
        try {
            validator.validate(certificate, chain.subList(1, chain.size()), now);
        } catch (RejectedException e) {
            throw new KeyRingRefusal(
                    Reason.CERTIFICATE_NOT_TRUSTED,
                    certificate.getSubjectX500Principal().getName() + " is not trusted: "
                            + e.reason().code());
        }
        boolean[] usage = certificate.getKeyUsage();
        boolean fits = switch (purpose) {
            case SIGNING, AUDIT_CHECKPOINT -> has(usage, DIGITAL_SIGNATURE);
            case ENCRYPTION ->
                KeySuite.of(certificate.getPublicKey()) == KeySuite.EC_P256
                        ? has(usage, KEY_AGREEMENT)
                        : has(usage, KEY_ENCIPHERMENT);
            case TLS_SERVER -> has(usage, DIGITAL_SIGNATURE) && serverAuth(certificate);
        };
        if (!fits) {
            throw new KeyRingRefusal(
                    Reason.CERTIFICATE_NOT_TRUSTED,
                    certificate.getSubjectX500Principal().getName() + " is not issued for " + purpose.wireName()
                            + " (key usage)");
        }
    }

    private static boolean has(boolean[] usage, int bit) {
        return usage == null || (usage.length > bit && usage[bit]);
    }

    private static boolean serverAuth(X509Certificate certificate) {
        try {
            List<String> extended = certificate.getExtendedKeyUsage();
            return extended == null || extended.contains(SERVER_AUTH);
        } catch (java.security.cert.CertificateParsingException e) {
            return false;
        }
    }
}
