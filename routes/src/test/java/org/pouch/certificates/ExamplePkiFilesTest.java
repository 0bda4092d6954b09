package org.pouch.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.pouch.testing.OpenSsl;

class ExamplePkiFilesTest {

    private static final String PASSWORD = "pouch-example";

    /** The documented layout (certs-example/README.md), spelled out rather than derived from the writer. */
    private static final List<String> GOOD_CREDENTIALS = Stream.of(
                    Stream.of(
                            "gateway/signing-ec",
                            "gateway/signing-rsa",
                            "gateway/encryption-ec",
                            "gateway/encryption-rsa",
                            "gateway/tls-server",
                            "gateway/audit-checkpoint",
                            "gateway/tls-client"),
                    Stream.of("pk-moi", "iq-moi", "be-ibz", "pk-fia")
                            .flatMap(participant -> Stream.of(
                                            "signing-ec",
                                            "signing-rsa",
                                            "encryption-ec",
                                            "encryption-rsa",
                                            "tls-client")
                                    .map(credential -> "participants/" + participant + "/" + credential)),
                    Stream.of("staff/officer", "staff/officer-2", "staff/auditor", "staff/operator"))
            .flatMap(credentials -> credentials)
            .toList();

    private static final List<String> NEGATIVE_CREDENTIALS =
            List.of("negative/revoked-signing", "negative/expired-signing");

    @TempDir
    static Path directory;

    static ExamplePki pki;
    static List<Path> written;

    @BeforeAll
    static void writeAnExamplePki() throws IOException {
        pki = ExamplePki.generate(Clock.systemUTC());
        written = ExamplePkiFiles.write(pki, directory);
    }

    static Stream<String> goodCredentials() {
        return GOOD_CREDENTIALS.stream();
    }

    static Stream<String> allCredentials() {
        return Stream.concat(GOOD_CREDENTIALS.stream(), NEGATIVE_CREDENTIALS.stream());
    }

    static Stream<String> pkcs12Files() {
        return Stream.concat(allCredentials().map(base -> base + ".p12"), Stream.of("truststore.p12"));
    }

    @Test
    void writesExactlyTheDocumentedFiles() throws IOException {
        List<String> expected = new ArrayList<>(List.of(
                "ca/root-ca.crt", "ca/issuing-ca.crt", "ca/root-ca.crl", "ca/issuing-ca.crl", "truststore.p12"));
        allCredentials()
                .forEach(base ->
                        Stream.of(".crt", ".key", "-chain.pem", ".p12").forEach(suffix -> expected.add(base + suffix)));

        List<String> onDisk;
        try (Stream<Path> files = Files.walk(directory)) {
            onDisk = files.filter(Files::isRegularFile)
                    .map(file -> slashed(directory.relativize(file)))
                    .toList();
        }

        assertThat(onDisk).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(written.stream().map(ExamplePkiFilesTest::slashed)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allCredentials")
    void pkcs12AndKeyFileHoldThePrivateKeyOfTheCertificate(String base) throws Exception {
        X509Certificate certificate = certificate(base + ".crt");
        KeyStore store = pkcs12(base + ".p12");
        String alias = Collections.list(store.aliases()).get(0);

        assertThat(store.size()).isEqualTo(1);
        assertThat(store.isKeyEntry(alias)).isTrue();
        assertThat(store.getCertificate(alias)).isEqualTo(certificate);
        assertThat(signsForTheCertificate((PrivateKey) store.getKey(alias, PASSWORD.toCharArray()), certificate))
                .as("the PKCS#12 key matches %s.crt", base)
                .isTrue();
        assertThat(signsForTheCertificate(pemPrivateKey(base + ".key", certificate), certificate))
                .as("the PEM key matches %s.crt", base)
                .isTrue();
    }

    @Test
    void aKeyThatIsNotTheCertificatesDoesNotPassTheMatchCheck() throws Exception {
        X509Certificate certificate = certificate("participants/pk-moi/signing-ec.crt");
        PrivateKey other = pemPrivateKey("participants/iq-moi/signing-ec.key", certificate);

        assertThat(signsForTheCertificate(other, certificate)).isFalse();
    }

    @ParameterizedTest(name = "{0} is named {1}")
    @CsvSource({
        "participants/pk-moi/signing-ec.p12, pk-moi-signing-ec",
        "participants/be-ibz/encryption-rsa.p12, be-ibz-encryption-rsa",
        "participants/iq-moi/tls-client.p12, iq-moi-tls-client",
        "gateway/tls-server.p12, pk-gw-tls-server",
        "gateway/audit-checkpoint.p12, pk-gw-audit-checkpoint",
        "gateway/tls-client.p12, pk-gw-tls-client",
        "staff/officer-2.p12, staff-officer-2",
        "negative/revoked-signing.p12, negative-revoked-signing"
    })
    void pkcs12FriendlyNameIsTheCredentialName(String file, String name) throws Exception {
        assertThat(Collections.list(pkcs12(file).aliases())).containsExactly(name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allCredentials")
    void chainFileAndPkcs12ChainHoldTheCertificateAndTheIssuingCaButNotTheRoot(String base) throws Exception {
        List<X509Certificate> expected = List.of(certificate(base + ".crt"), certificate("ca/issuing-ca.crt"));
        KeyStore store = pkcs12(base + ".p12");

        assertThat(certificates(base + "-chain.pem")).containsExactlyElementsOf(expected);
        assertThat(store.getCertificateChain(store.aliases().nextElement())).containsExactlyElementsOf(expected);
    }

    @Test
    void caFilesAreThePkisCertificatesAndTheIssuingCaIsSignedByTheRoot() throws Exception {
        X509Certificate root = certificate("ca/root-ca.crt");
        X509Certificate issuing = certificate("ca/issuing-ca.crt");

        assertThat(root).isEqualTo(pki.rootAuthority().certificate());
        assertThat(issuing).isEqualTo(pki.issuingAuthority().certificate());
        issuing.verify(root.getPublicKey());
    }

    @Test
    void issuingCrlIsSignedByTheIssuingCaAndListsOnlyTheRevokedSerial() throws Exception {
        X509CRL crl = crl("ca/issuing-ca.crl");
        X509Certificate revoked = certificate("negative/revoked-signing.crt");

        crl.verify(certificate("ca/issuing-ca.crt").getPublicKey());
        assertThat(crl.getRevokedCertificates())
                .extracting(X509CRLEntry::getSerialNumber)
                .containsExactly(revoked.getSerialNumber());
        assertThat(crl.isRevoked(certificate("participants/pk-moi/signing-ec.crt")))
                .isFalse();
    }

    @Test
    void rootCrlIsSignedByTheRootAndRevokesNothing() throws Exception {
        X509CRL crl = crl("ca/root-ca.crl");

        crl.verify(certificate("ca/root-ca.crt").getPublicKey());
        assertThat(crl.getRevokedCertificates()).isNull();
    }

    @Test
    void trustStoreHoldsTheRootAndIssuingCaAsTrustedCertificatesOnly() throws Exception {
        KeyStore store = pkcs12("truststore.p12");
        List<String> aliases = Collections.list(store.aliases());

        assertThat(aliases)
                .hasSize(2)
                .allSatisfy(alias -> assertThat(store.isCertificateEntry(alias)).isTrue());
        assertThat(aliases.stream().map(alias -> certificateOrNull(store, alias)))
                .containsExactlyInAnyOrder(certificate("ca/root-ca.crt"), certificate("ca/issuing-ca.crt"));
    }

    /** The same files through OpenSSL, which shares no code with the writer. */
    @Nested
    class ThroughOpenSsl {

        @BeforeEach
        void requireOpenSsl() {
            assumeTrue(OpenSsl.isAvailable(), OpenSsl.NOT_INSTALLED);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.pouch.certificates.ExamplePkiFilesTest#goodCredentials")
        void verifiesTheCertificateUpToTheRoot(String base) {
            OpenSsl.Result result = verify(List.of(), base + ".crt");

            assertThat(result.succeeded()).as("%s", result).isTrue();
        }

        @Test
        void verifiesAGoodCertificateAgainstBothCrls() {
            OpenSsl.Result result = verify(crlCheck(), "participants/pk-moi/signing-ec.crt");

            assertThat(result.succeeded()).as("%s", result).isTrue();
        }

        @Test
        void rejectsTheRevokedCertificateAgainstTheCrls() {
            OpenSsl.Result result = verify(crlCheck(), "negative/revoked-signing.crt");

            assertThat(result.succeeded()).as("%s", result).isFalse();
            assertThat(result.stdoutText() + result.stderr()).contains("certificate revoked");
        }

        @Test
        void acceptsTheRevokedCertificateWithoutTheCrlsSoTheCrlIsWhatRejectsIt() {
            OpenSsl.Result result = verify(List.of(), "negative/revoked-signing.crt");

            assertThat(result.succeeded()).as("%s", result).isTrue();
        }

        @Test
        void rejectsTheExpiredCertificate() {
            OpenSsl.Result result = verify(List.of(), "negative/expired-signing.crt");

            assertThat(result.succeeded()).as("%s", result).isFalse();
            assertThat(result.stdoutText() + result.stderr()).contains("certificate has expired");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.pouch.certificates.ExamplePkiFilesTest#pkcs12Files")
        void opensThePkcs12FileWithTheExamplePassword(String file) {
            OpenSsl.Result result = OpenSsl.run("pkcs12", "-in", path(file), "-passin", "pass:" + PASSWORD, "-noout");

            assertThat(result.succeeded()).as("%s", result).isTrue();
        }

        @Test
        void refusesThePkcs12FileWithAnotherPassword() {
            OpenSsl.Result result = OpenSsl.run(
                    "pkcs12", "-in", path("staff/officer.p12"), "-passin", "pass:not-" + PASSWORD, "-noout");

            assertThat(result.succeeded()).as("%s", result).isFalse();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.pouch.certificates.ExamplePkiFilesTest#allCredentials")
        void readsTheUnencryptedKeyAndItsPublicKeyIsTheCertificates(String base) {
            OpenSsl.Result check = OpenSsl.run("pkey", "-in", path(base + ".key"), "-noout");
            OpenSsl.Result fromKey = OpenSsl.run("pkey", "-in", path(base + ".key"), "-pubout");
            OpenSsl.Result fromCertificate = OpenSsl.run("x509", "-in", path(base + ".crt"), "-noout", "-pubkey");

            assertThat(check.succeeded()).as("%s", check).isTrue();
            assertThat(fromCertificate.succeeded()).as("%s", fromCertificate).isTrue();
            assertThat(fromKey.stdoutText())
                    .startsWith("-----BEGIN PUBLIC KEY-----")
                    .isEqualTo(fromCertificate.stdoutText());
        }

        private OpenSsl.Result verify(List<String> options, String file) {
            List<String> args = new ArrayList<>(
                    List.of("verify", "-CAfile", path("ca/root-ca.crt"), "-untrusted", path("ca/issuing-ca.crt")));
            args.addAll(options);
            args.add(path(file));
            return OpenSsl.run(new byte[0], args);
        }

        private List<String> crlCheck() {
            // Every certificate on the path, not just the leaf: both CRLs must be present, current and signed.
            return List.of("-crl_check_all", "-CRLfile", path("ca/root-ca.crl"), "-CRLfile", path("ca/issuing-ca.crl"));
        }
    }

    private static String path(String relative) {
        return directory.resolve(relative).toString();
    }

    private static String slashed(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    private static X509Certificate certificate(String file) {
        List<X509Certificate> certificates = certificates(file);
        assertThat(certificates).as(file).hasSize(1);
        return certificates.get(0);
    }

    private static List<X509Certificate> certificates(String file) {
        try (InputStream in = Files.newInputStream(directory.resolve(file))) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast)
                    .toList();
        } catch (IOException | GeneralSecurityException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    private static X509CRL crl(String file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(directory.resolve(file))) {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        }
    }

    private static KeyStore pkcs12(String file) throws IOException, GeneralSecurityException {
        // The JDK's own PKCS#12 reader, not the library that wrote the file.
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(directory.resolve(file))) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static X509Certificate certificateOrNull(KeyStore store, String alias) {
        try {
            return (X509Certificate) store.getCertificate(alias);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** An unencrypted PKCS#8 PEM key, decoded with the JDK alone. */
    private static PrivateKey pemPrivateKey(String file, X509Certificate certificate)
            throws IOException, GeneralSecurityException {
        String pem = Files.readString(directory.resolve(file), StandardCharsets.US_ASCII);
        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----").contains("-----END PRIVATE KEY-----");
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance(certificate.getPublicKey().getAlgorithm())
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    /** Whether a signature made with {@code key} verifies under the certificate's public key. */
    private static boolean signsForTheCertificate(PrivateKey key, X509Certificate certificate)
            throws GeneralSecurityException {
        String algorithm = certificate.getPublicKey().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        byte[] message = "pouch example key check".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(message);
        return verifier.verify(signature);
    }
}
