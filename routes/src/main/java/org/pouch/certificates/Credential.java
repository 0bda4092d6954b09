package org.pouch.certificates;

import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A private key with its certificate and the chain up to (and including) the root.
 *
 * @param name a short file-friendly name, for example {@code pk-moi-signing-ec}
 * @param chain the certificate first, then its issuers
 * @param provider the provider that can use the private key: Bouncy Castle for a key held in memory, the
 *     token's PKCS#11 provider for a key that never leaves a hardware security module
 */
public record Credential(
        String name,
        PrivateKey privateKey,
        X509Certificate certificate,
        List<X509Certificate> chain,
        Provider provider) {

    public Credential {
        Objects.requireNonNull(name);
        Objects.requireNonNull(privateKey);
        Objects.requireNonNull(certificate);
        Objects.requireNonNull(provider);
        chain = List.copyOf(chain);
        if (chain.isEmpty() || !chain.get(0).equals(certificate)) {
            throw new IllegalArgumentException("the chain must start with the certificate");
        }
    }

    /** A credential whose private key is in memory, used on Bouncy Castle. */
    public Credential(String name, PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> chain) {
        this(name, privateKey, certificate, chain, BouncyCastleProviders.publicKey());
    }

    /** Whether the private key lives in a token (PKCS#11) rather than in memory. */
    public boolean heldInToken() {
        return provider != BouncyCastleProviders.publicKey();
    }

    public KeySuite suite() {
        return KeySuite.of(certificate.getPublicKey());
    }

    @Override
    public String toString() {
        // Never print key material, not even by accident in a log line.
        return "Credential[" + name + ", "
                + certificate.getSubjectX500Principal().getName() + "]";
    }
}
