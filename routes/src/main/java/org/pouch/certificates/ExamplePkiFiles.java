package org.pouch.certificates;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.pouch.exchange.ParticipantId;

/**
 * Writes an {@link ExamplePki} to a directory as the PEM and PKCS#12 files that other tools (OpenSSL,
 * keytool, curl, a partner's own stack) read, so a newcomer can try the gateway without running a CA.
 *
 * <p>The layout is documented in {@code certs-example/README.md}; change both together. Private keys are
 * written unencrypted and the PKCS#12 files use the published {@link #EXAMPLE_PASSWORD}: this material is
 * meant to be read by anyone, so file permissions are left as the process's umask makes them.
 */
public final class ExamplePkiFiles {

    /** The password of every PKCS#12 file written here. It is published: an example, not a secret. */
    public static final String EXAMPLE_PASSWORD = "pouch-example";

    private final ExamplePki pki;
    private final Path directory;
    private final ExamplePkiLayout layout;
    private final List<Path> written = new ArrayList<>();

    private ExamplePkiFiles(ExamplePki pki, Path directory) {
        this.pki = pki;
        this.directory = directory;
        this.layout = new ExamplePkiLayout(directory);
    }

    /**
     * Writes every credential, the CA certificates and CRLs and a trust store under {@code directory},
     * replacing files of the same names. Generates no keys itself beyond what {@code pki} creates lazily.
     *
     * @return the written files, relative to {@code directory}, in the order written
     */
    public static List<Path> write(ExamplePki pki, Path directory) throws IOException {
        ExamplePkiFiles files = new ExamplePkiFiles(pki, directory);
        files.writeAll();
        return List.copyOf(files.written);
    }

    private void writeAll() throws IOException {
        X509Certificate root = pki.rootAuthority().certificate();
        X509Certificate issuing = pki.issuingAuthority().certificate();
        pem(layout.rootCertificate(), root);
        pem(layout.issuingCertificate(), issuing);
        pem(layout.rootCrl(), pki.rootCrl());
        pem(layout.issuingCrl(), pki.issuingCrl());
        trustStore(layout.trustStore(), root, issuing);

        exchangeCredentials(ExamplePki.GATEWAY);
        credential(layout.tlsServer(), pki.tlsServer());
        credential(layout.auditCheckpoint(), pki.auditCheckpoint());
        // What the gateway presents to partners' systems when it delivers.
        credential(layout.tlsClient(ExamplePki.GATEWAY), pki.tlsClient(ExamplePki.GATEWAY));
        for (ParticipantId participant : ExamplePki.PARTICIPANTS) {
            exchangeCredentials(participant);
            credential(layout.tlsClient(participant), pki.tlsClient(participant));
        }
        for (String role : ExamplePki.STAFF) {
            credential(layout.staff(role), pki.staff(role));
        }
        credential(layout.negative("revoked-signing"), pki.revokedSigning());
        credential(layout.negative("expired-signing"), pki.expiredSigning());
    }

    private void exchangeCredentials(ParticipantId participant) throws IOException {
        for (KeySuite suite : KeySuite.values()) {
            credential(layout.signing(participant, suite), pki.signing(participant, suite));
            credential(layout.encryption(participant, suite), pki.encryption(participant, suite));
        }
    }

    private void credential(Path base, Credential credential) throws IOException {
        // What a peer is sent: the certificate and the CAs below the root. The root is left out because a
        // peer that trusts a certificate sent to it gains nothing; it must already hold the root.
        List<X509Certificate> chain = credential.chain().stream()
                .filter(certificate -> !certificate.equals(pki.rootAuthority().certificate()))
                .toList();
        pem(ExamplePkiLayout.with(base, "crt"), credential.certificate());
        pem(ExamplePkiLayout.with(base, "key"), new JcaPKCS8Generator(credential.privateKey(), null));
        pem(base.resolveSibling(base.getFileName() + "-chain.pem"), chain.toArray());
        try {
            KeyStore store = emptyPkcs12();
            store.setKeyEntry(
                    credential.name(),
                    credential.privateKey(),
                    EXAMPLE_PASSWORD.toCharArray(),
                    chain.toArray(Certificate[]::new));
            pkcs12(ExamplePkiLayout.with(base, "p12"), store);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the PKCS#12 file of " + credential, e);
        }
    }

    private void trustStore(Path name, X509Certificate root, X509Certificate issuing) throws IOException {
        try {
            KeyStore store = emptyPkcs12();
            store.setCertificateEntry("pouch-example-root-ca", root);
            store.setCertificateEntry("pouch-example-issuing-ca", issuing);
            pkcs12(name, store);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the trust store", e);
        }
    }

    private static KeyStore emptyPkcs12() throws GeneralSecurityException, IOException {
        // The JDK's PKCS#12 (AES-256 and an HMAC-SHA-256 MAC on JDK 17): readable by keytool, OpenSSL 3
        // and Bouncy Castle alike, and it marks certificate entries as trusted for Java's TLS.
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    private void pkcs12(Path name, KeyStore store) throws IOException, GeneralSecurityException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        store.store(bytes, EXAMPLE_PASSWORD.toCharArray());
        write(name, bytes.toByteArray());
    }

    private void pem(Path name, Object... objects) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JcaPEMWriter pem = new JcaPEMWriter(new OutputStreamWriter(bytes, StandardCharsets.US_ASCII))) {
            for (Object object : objects) {
                pem.writeObject(object);
            }
        }
        write(name, bytes.toByteArray());
    }

    private void write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        written.add(directory.relativize(file));
    }
}
