package org.pouch.gateway.keys;

import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.pouch.certificates.KeySuite;
import org.pouch.keys.KeyPurpose;

/**
 * Where the gateway's private keys are kept: a PKCS#12 file or a PKCS#11 token. Keys are stored under
 * the ring entry's id; nothing else about them is kept here, and nothing private ever goes to the database.
 */
interface KeyCustody {

    /** A key pair just generated in custody. */
    record GeneratedKey(PublicKey publicKey, PrivateKey privateKey) {}

    /**
     * Generates a key pair and keeps it under {@code alias}.
     *
     * @throws org.pouch.keys.KeyRingRefusal when this custody cannot hold such a key for such a purpose
     */
    GeneratedKey generate(String alias, KeySuite suite, KeyPurpose purpose, String subject);

    /** Keeps a key that already exists (a bootstrap key read from a configured PKCS#12 file). */
    void keep(String alias, PrivateKey key, X509Certificate certificate);

    Optional<PrivateKey> privateKey(String alias);

    /** Erases the private key for good. */
    void erase(String alias);

    /** The provider that uses this custody's keys. */
    Provider provider();

    /**
     * Whether the ports can serve TLS with this custody's keys. Tomcat takes a key store whose entry holds
     * the key and its certificate chain: for a key it can read, one is built in memory; a token's entry
     * keeps the certificate it was stored with (a placeholder, for a generated key) and cannot be given
     * the issued chain.
     */
    boolean servesTls();
}
