package org.pouch.gateway.keys;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.pouch.certificates.Credential;
import org.pouch.keys.Fingerprints;
import org.pouch.keys.KeyPurpose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslBundleRegistry;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslStoreBundle;

/**
 * Makes both ports serve the TLS server ring's primary key. The SSL bundles the ports start with come
 * from the configuration; whenever the rings load or change and the primary is not what a bundle serves,
 * the bundle is replaced by one holding the primary key and its chain, with the configured trust store,
 * options and protocol. Tomcat listens for bundle updates and reloads its TLS configuration: new
 * handshakes present the new certificate, connections already open keep theirs, and no restart is needed.
 */
final class TlsServerBundles {

    private static final Logger log = LoggerFactory.getLogger(TlsServerBundles.class);
    private static final String ALIAS = "tls-server";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LiveKeyRings live;
    private final SslBundles bundles;
    private final SslBundleRegistry registry;
    private final List<String> bundleNames;
    private final boolean custodyServesTls;

    /**
     * @param bundleNames the bundles the ports serve ({@code server.ssl.bundle} and
     *     {@code management.server.ssl.bundle})
     */
    TlsServerBundles(
            LiveKeyRings live,
            SslBundles bundles,
            SslBundleRegistry registry,
            List<String> bundleNames,
            boolean custodyServesTls) {
        this.live = live;
        this.bundles = bundles;
        this.registry = registry;
        this.bundleNames = List.copyOf(bundleNames);
        this.custodyServesTls = custodyServesTls;
    }

    /** Puts the ring's primary into every bundle that serves something else. Runs after every reload. */
    synchronized void serveRingPrimary() {
        Optional<Credential> primary = live.primary(KeyPurpose.TLS_SERVER);
        if (primary.isEmpty() || !custodyServesTls) {
            // No ring yet, or keys in a token (promotion is refused there): the configured bundles serve.
            return;
        }
        for (String name : bundleNames) {
            SslBundle current;
            try {
                current = bundles.getBundle(name);
            } catch (NoSuchSslBundleException e) {
                log.warn("SSL bundle {} is not configured; the port using it keeps its own TLS settings", name);
                continue;
            }
            if (primary.get().certificate().equals(served(current))) {
                continue;
            }
            try {
                registry.updateBundle(name, withKey(current, primary.get()));
            } catch (RuntimeException e) {
                // The ring change stands; the port keeps serving what it served, and the next reload retries.
                log.error("SSL bundle {} still serves its previous key: {}", name, e.toString());
                continue;
            }
            log.info(
                    "SSL bundle {} now serves TLS server key {} (public key sha-256 {})",
                    name,
                    primary.get().name(),
                    Fingerprints.publicKeySha256(primary.get().certificate().getPublicKey()));
        }
    }

    /** The certificate a bundle presents: its key entry's, under the bundle's alias or the first one. */
    private static X509Certificate served(SslBundle bundle) {
        try {
            KeyStore keyStore = bundle.getStores().getKeyStore();
            if (keyStore == null) {
                return null;
            }
            String alias = bundle.getKey().getAlias();
            if (alias == null) {
                alias = Collections.list(keyStore.aliases()).stream()
                        .filter(a -> isKeyEntry(keyStore, a))
                        .findFirst()
                        .orElse(null);
            }
            return alias == null ? null : (X509Certificate) keyStore.getCertificate(alias);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the certificate an SSL bundle serves", e);
        }
    }

    private static boolean isKeyEntry(KeyStore keyStore, String alias) {
        try {
            return keyStore.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * The bundle with its key store replaced by one in memory holding only {@code key} and its chain. The
     * password protects nothing outside this process; a fresh random one per bundle keeps it out of any
     * configuration.
     */
    private static SslBundle withKey(SslBundle current, Credential key) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry(
                    ALIAS, key.privateKey(), password.toCharArray(), key.chain().toArray(Certificate[]::new));
            SslStoreBundle stores =
                    SslStoreBundle.of(keyStore, password, current.getStores().getTrustStore());
            return SslBundle.of(stores, SslBundleKey.of(password, ALIAS), current.getOptions(), current.getProtocol());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a key store for TLS server key " + key.name(), e);
        }
    }
}
