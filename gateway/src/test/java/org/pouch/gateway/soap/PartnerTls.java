package org.pouch.gateway.soap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.pouch.certificates.ExamplePkiFiles;
import org.pouch.testing.TestPki;

/**
 * The test PKI as the files an operator and a partner would hold: the gateway's TLS server key store and
 * the trust store for the gateway's port, PK-MOI's TLS client key store for the tests' clients. Written
 * once per test run under {@code target/}, because the server reads key stores from files.
 */
final class PartnerTls {

    static final String PASSWORD = ExamplePkiFiles.EXAMPLE_PASSWORD;

    private static final Path DIRECTORY = Path.of("target", "soap-edge-pki");
    private static boolean written;

    private PartnerTls() {}

    static synchronized Path directory() {
        if (!written) {
            try {
                ExamplePkiFiles.write(TestPki.shared().pki(), DIRECTORY);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            written = true;
        }
        return DIRECTORY.toAbsolutePath();
    }

    static Path serverKeyStore() {
        return directory().resolve("gateway/tls-server.p12");
    }

    static Path trustStore() {
        return directory().resolve("truststore.p12");
    }

    /** PK-MOI's TLS client certificate, the one its system authenticates with. */
    static X509Certificate pkMoiCertificate() {
        return TestPki.shared().pki().tlsClient(TestPki.PK_MOI).certificate();
    }

    /** TLS as PK-MOI's system speaks it: its client certificate, the example CAs as the only trust. */
    static SSLContext pkMoi() {
        return context(directory().resolve("participants/pk-moi/tls-client.p12"));
    }

    /** TLS that trusts the gateway but presents no client certificate. */
    static SSLContext anonymous() {
        return context(null);
    }

    static HttpClient httpClient(SSLContext tls) {
        // HTTP/1.1: what SOAP stacks speak, and what the raw tests' hand-built requests assume.
        return HttpClient.newBuilder()
                .sslContext(tls)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    private static SSLContext context(Path clientKeyStore) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(trustStore()));
            KeyManager[] keys = null;
            if (clientKeyStore != null) {
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(load(clientKeyStore), PASSWORD.toCharArray());
                keys = factory.getKeyManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the test TLS context", e);
        }
    }

    private static KeyStore load(Path file) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }
}
