package org.pouch.certificates;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A private key with its certificate and the chain up to (and including) the root.
 *
 * @param name a short file-friendly name, for example {@code pk-moi-signing-ec}
 * @param chain the certificate first, then its issuers
 */
public record Credential(String name, PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> chain) {

    public Credential {
        Objects.requireNonNull(name);
        Objects.requireNonNull(privateKey);
        Objects.requireNonNull(certificate);
        chain = List.copyOf(chain);
        if (chain.isEmpty() || !chain.get(0).equals(certificate)) {
            throw new IllegalArgumentException("the chain must start with the certificate");
        }
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
