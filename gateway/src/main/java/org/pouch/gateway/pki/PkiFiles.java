package org.pouch.gateway.pki;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.pouch.certificates.Credential;
import org.pouch.certificates.TrustMaterial;

/**
 * Reads key material from files with the JDK alone: PKCS#12 key stores into {@link Credential}s, PEM
 * (or DER) certificates and CRLs into {@link TrustMaterial}. Every failure names the file, because the
 * operator who configured it is the one reading the message.
 */
public final class PkiFiles {

    private PkiFiles() {}

    /**
     * The one private key in a PKCS#12 file, with its certificate chain. A file with several keys is
     * refused rather than guessed at.
     */
    public static Credential credential(Path file, char[] password) {
        KeyStore store = load(file, password);
        try {
            List<String> keyAliases = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keyAliases.add(alias);
                }
            }
            if (keyAliases.size() != 1) {
                throw new PkiFileException(
                        file, "holds " + keyAliases.size() + " private keys " + keyAliases + "; one is needed");
            }
            String alias = keyAliases.get(0);
            Key key = store.getKey(alias, password);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new PkiFileException(file, "entry " + alias + " is not a private key");
            }
            List<X509Certificate> chain = Arrays.stream(store.getCertificateChain(alias))
                    .map(X509Certificate.class::cast)
                    .toList();
            return new Credential(alias, privateKey, chain.get(0), chain);
        } catch (GeneralSecurityException e) {
            throw new PkiFileException(file, "cannot read its private key: " + e.getMessage(), e);
        }
    }

    /** Trust anchors, intermediate CA certificates and CRLs, each file holding one or more of its kind. */
    public static TrustMaterial trust(List<Path> anchors, List<Path> intermediates, List<Path> crls) {
        return new TrustMaterial(certificates(anchors), certificates(intermediates), crls(crls));
    }

    /** The one certificate in a PEM or DER file. */
    public static X509Certificate certificate(Path file) {
        List<X509Certificate> read = certificates(List.of(file));
        if (read.size() != 1) {
            throw new PkiFileException(file, "holds " + read.size() + " certificates; one is needed");
        }
        return read.get(0);
    }

    /**
     * A client or server TLS context: the one key in {@code keyStore} as our identity, the certificates in
     * {@code trustStore} as the only trust. Both PKCS#12, under the same password.
     */
    public static SSLContext sslContext(Path keyStore, Path trustStore, char[] password) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(keyStore, password), password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(trustStore, password));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS from " + keyStore + " and " + trustStore, e);
        }
    }

    private static KeyStore load(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            // The JDK reports a wrong password as an IOException whose cause is an UnrecoverableKeyException.
            throw new PkiFileException(file, "cannot open it as PKCS#12 (wrong password?): " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> certificates(List<Path> files) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                var read = CertificateFactory.getInstance("X.509").generateCertificates(in);
                if (read.isEmpty()) {
                    throw new PkiFileException(file, "holds no certificate");
                }
                read.forEach(certificate -> certificates.add((X509Certificate) certificate));
            } catch (IOException | GeneralSecurityException e) {
                throw new PkiFileException(file, "cannot read certificates from it: " + e.getMessage(), e);
            }
        }
        return certificates;
    }

    private static List<X509CRL> crls(List<Path> files) {
        List<X509CRL> crls = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                var read = CertificateFactory.getInstance("X.509").generateCRLs(in);
                if (read.isEmpty()) {
                    throw new PkiFileException(file, "holds no CRL");
                }
                read.forEach(crl -> crls.add((X509CRL) crl));
            } catch (IOException | GeneralSecurityException e) {
                throw new PkiFileException(file, "cannot read CRLs from it: " + e.getMessage(), e);
            }
        }
        return crls;
    }

    /** A key or certificate file that cannot be used, and why. */
    public static final class PkiFileException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        PkiFileException(Path file, String problem) {
            super(file + ": " + problem);
        }

        PkiFileException(Path file, String problem, Throwable cause) {
            super(file + ": " + problem, cause);
        }
    }
}
