package org.pouch.gateway.delivery;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.pouch.certificates.Credential;
import org.pouch.certificates.TrustMaterial;

/**
 * The TLS the gateway speaks to partners' systems: it presents its TLS client credential and trusts a
 * partner's server certificate only if it chains to one of the gateway's trust anchors.
 */
final class PartnerTls {

    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    private PartnerTls() {}

    static SSLContext context(Credential client, TrustMaterial trust) {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry(
                    "client", client.privateKey(), IN_MEMORY, client.chain().toArray(Certificate[]::new));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, IN_MEMORY);

            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            int n = 0;
            for (X509Certificate anchor : trust.anchors()) {
                anchors.setCertificateEntry("anchor-" + n++, anchor);
            }
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
            trustManagers.init(anchors);

            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS to partners", e);
        }
    }
}
