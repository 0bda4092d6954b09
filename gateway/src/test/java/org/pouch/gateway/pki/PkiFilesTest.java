package org.pouch.gateway.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pouch.certificates.CertificateValidator;
import org.pouch.certificates.Credential;
import org.pouch.certificates.ExamplePki;
import org.pouch.certificates.ExamplePkiFiles;
import org.pouch.certificates.KeySuite;
import org.pouch.certificates.TrustMaterial;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;
import org.pouch.gateway.pki.PkiFiles.PkiFileException;
import org.pouch.testing.TestPki;

class PkiFilesTest {

    private static final char[] PASSWORD = ExamplePkiFiles.EXAMPLE_PASSWORD.toCharArray();

    @TempDir
    static Path files;

    static ExamplePki pki;

    @BeforeAll
    static void writeTheTestPki() throws IOException {
        pki = TestPki.shared().pki();
        ExamplePkiFiles.write(pki, files);
    }

    @Test
    void readsTheKeyAndChainOfAPkcs12FileUnderItsFriendlyName() {
        Credential expected = pki.signing(ExamplePki.GATEWAY, KeySuite.EC_P256);

        Credential read = PkiFiles.credential(files.resolve("gateway/signing-ec.p12"), PASSWORD);

        assertThat(read.name()).isEqualTo("pk-gw-signing-ec");
        assertThat(read.certificate()).isEqualTo(expected.certificate());
        assertThat(read.privateKey().getEncoded())
                .isEqualTo(expected.privateKey().getEncoded());
        assertThat(read.chain())
                .containsExactly(expected.certificate(), pki.issuingAuthority().certificate());
    }

    @Test
    void readsAnRsaKeyAsWellAsAnEcKey() {
        Credential read = PkiFiles.credential(files.resolve("gateway/encryption-rsa.p12"), PASSWORD);

        assertThat(read.suite()).isEqualTo(KeySuite.RSA_3072);
        assertThat(read.certificate())
                .isEqualTo(pki.encryption(ExamplePki.GATEWAY, KeySuite.RSA_3072).certificate());
    }

    @Test
    void aWrongPasswordNamesTheFile() {
        Path file = files.resolve("gateway/signing-ec.p12");

        assertThatThrownBy(() -> PkiFiles.credential(file, "not-the-password".toCharArray()))
                .isInstanceOf(PkiFileException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("wrong password?");
    }

    @Test
    void aKeystoreWithoutAPrivateKeyIsRefused() {
        Path trustStore = files.resolve("truststore.p12");

        assertThatThrownBy(() -> PkiFiles.credential(trustStore, PASSWORD))
                .isInstanceOf(PkiFileException.class)
                .hasMessageContaining(trustStore.toString())
                .hasMessageContaining("holds 0 private keys");
    }

    @Test
    void readsTrustThatValidatesTheExamplePkiAndSeesItsRevocations() {
        TrustMaterial trust = PkiFiles.trust(
                List.of(files.resolve("ca/root-ca.crt")),
                List.of(files.resolve("ca/issuing-ca.crt")),
                List.of(files.resolve("ca/root-ca.crl"), files.resolve("ca/issuing-ca.crl")));
        CertificateValidator validator = new CertificateValidator(trust);
        Instant now = Instant.now();

        assertThat(trust.anchors()).containsExactly(pki.rootAuthority().certificate());
        assertThat(trust.crls()).hasSize(2);
        validator.validate(pki.signing(TestPki.PK_MOI, KeySuite.EC_P256).certificate(), List.of(), now);
        assertThatThrownBy(() -> validator.validate(pki.revokedSigning().certificate(), List.of(), now))
                .isInstanceOf(RejectedException.class)
                .extracting(e -> ((RejectedException) e).reason())
                .isEqualTo(RejectionReason.CERTIFICATE_REVOKED);
    }

    @Test
    void aFileWithoutCertificatesIsRefusedByName() throws IOException {
        Path notPem = Files.writeString(files.resolve("not-a-certificate.crt"), "hello");

        assertThatThrownBy(() -> PkiFiles.trust(List.of(notPem), List.of(), List.of()))
                .isInstanceOf(PkiFileException.class)
                .hasMessageStartingWith(notPem.toString());
    }

    @Test
    void aCertificateGivenAsACrlIsRefusedByName() {
        Path certificate = files.resolve("ca/root-ca.crt");

        assertThatThrownBy(() -> PkiFiles.trust(List.of(certificate), List.of(), List.of(certificate)))
                .isInstanceOf(PkiFileException.class)
                .hasMessageStartingWith(certificate.toString());
    }
}
