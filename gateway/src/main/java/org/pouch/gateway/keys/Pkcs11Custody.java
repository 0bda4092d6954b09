package org.pouch.gateway.keys;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.Optional;
import org.pouch.certificates.KeySuite;
import org.pouch.keys.CertificationRequests;
import org.pouch.keys.KeyPurpose;
import org.pouch.keys.KeyRingRefusal;

/**
 * Private keys in a hardware security module through the JDK's SunPKCS11 provider. Keys are generated
 * in the token and never leave it; signing and the raw ECDH of key agreement run there.
 *
 * <p>EC P-256 only: SunPKCS11 offers neither RSA-OAEP, which this profile's RSA envelopes need, nor the
 * RSASSA-PSS name the signer uses, so an RSA key in a token could neither open nor sign. That is refused
 * when the key would be generated or kept, not discovered when the first envelope arrives.
 */
final class Pkcs11Custody implements KeyCustody {

    private final Provider provider;
    private final KeyStore token;
    private final Clock clock;

    Pkcs11Custody(String library, Integer slot, int slotListIndex, char[] pin, Clock clock) {
        String slotLine = slot != null ? "slot = " + slot : "slotListIndex = " + slotListIndex;
        // EC private keys must be allowed to derive (the ECDH of key agreement) as well as to sign, and must
        // never be extractable. What ECDH derives is the shared secret, which the KDF outside the token needs:
        // that one is readable (and a session object, gone with the session).
        String configuration = "--name = pouch\nlibrary = " + library + "\n" + slotLine + "\n"
                + "attributes(*, CKO_PRIVATE_KEY, CKK_EC) = {\n"
                + "  CKA_SIGN = true\n  CKA_DERIVE = true\n  CKA_SENSITIVE = true\n  CKA_EXTRACTABLE = false\n}\n"
                + "attributes(*, CKO_SECRET_KEY, CKK_GENERIC_SECRET) = {\n"
                + "  CKA_SENSITIVE = false\n  CKA_EXTRACTABLE = true\n}\n";
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new IllegalStateException("this JDK has no SunPKCS11 provider");
        }
        this.provider = base.configure(configuration);
        this.clock = clock;
        try {
            this.token = KeyStore.getInstance("PKCS11", provider);
            token.load(null, pin);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot log in to the PKCS#11 token in " + library + " (wrong PIN?)", e);
        }
    }

    @Override
    public synchronized GeneratedKey generate(String alias, KeySuite suite, KeyPurpose purpose, String subject) {
        requireEc(suite, alias);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", provider);
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair session = generator.generateKeyPair();
            X509Certificate placeholder = CertificationRequests.placeholderCertificate(
                    subject, session.getPublic(), session.getPrivate(), provider, clock.instant());
            keep(alias, session.getPrivate(), placeholder);
            return new GeneratedKey(session.getPublic(), privateKey(alias).orElseThrow());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the token cannot generate an EC P-256 key", e);
        }
    }

    @Override
    public synchronized void keep(String alias, PrivateKey key, X509Certificate certificate) {
        requireEc(KeySuite.of(certificate.getPublicKey()), alias);
        try {
            // Stores the key as a token object: a session key from the token is copied, a software key imported.
            token.setKeyEntry(alias, key, null, new Certificate[] {certificate});
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot keep key " + alias + " in the token", e);
        }
    }

    @Override
    public synchronized Optional<PrivateKey> privateKey(String alias) {
        try {
            return Optional.ofNullable((PrivateKey) token.getKey(alias, null));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot find key " + alias + " in the token", e);
        }
    }

    @Override
    public synchronized void erase(String alias) {
        try {
            token.deleteEntry(alias);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot erase key " + alias + " from the token", e);
        }
    }

    @Override
    public boolean servesTls() {
        return false;
    }

    @Override
    public Provider provider() {
        return provider;
    }

    private static void requireEc(KeySuite suite, String alias) {
        if (suite != KeySuite.EC_P256) {
            throw new KeyRingRefusal(
                    KeyRingRefusal.Reason.UNSUPPORTED,
                    "key " + alias + ": a PKCS#11 token holds EC P-256 keys only; SunPKCS11 has no RSA-OAEP to"
                            + " open RSA envelopes with (use an EC key, or the PKCS#12 store for RSA)");
        }
    }
}
