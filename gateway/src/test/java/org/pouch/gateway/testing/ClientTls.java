package org.pouch.gateway.testing;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import org.pouch.certificates.Credential;
import org.pouch.testing.TestPki;

/** TLS for test clients of the gateway: trusting the test root CA only, with or without a certificate. */
public final class ClientTls {

    private ClientTls() {}

    /** A client that presents no certificate. */
    public static SSLContext anonymous() {
        return context(new KeyManager[0]);
    }

    /**
     * A client that presents {@code credential} whatever CAs the server asks for. The JDK's own key
     * manager would stay silent when the certificate's issuer is not among them, and a test of an
     * untrusted certificate would then only test a missing one.
     */
    public static SSLContext presenting(Credential credential) {
        return context(new KeyManager[] {new Presenting(credential)});
    }

    /** An HTTP/1.1 client (what SOAP stacks speak) with this TLS. */
    public static HttpClient httpClient(SSLContext tls) {
        return HttpClient.newBuilder()
                .sslContext(tls)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    private static SSLContext context(KeyManager[] keyManagers) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry(
                    "test-root", TestPki.shared().pki().rootAuthority().certificate());
            TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up client TLS", e);
        }
    }

    private static final class Presenting extends X509ExtendedKeyManager {
        private static final String ALIAS = "client";
        private final Credential credential;

        Presenting(Credential credential) {
            this.credential = credential;
        }

        @Override
        public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
            return ALIAS;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
            return ALIAS;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return credential.chain().toArray(X509Certificate[]::new);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return credential.privateKey();
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {ALIAS};
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return new String[0];
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }
}
