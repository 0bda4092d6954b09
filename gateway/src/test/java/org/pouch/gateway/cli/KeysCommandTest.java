package org.pouch.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pouch.certificates.CertificateProfile;
import org.pouch.gateway.testing.GatewayTest;
import org.pouch.keys.CertificationRequests;
import org.pouch.keys.Pem;
import org.pouch.testing.TestPki;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalManagementPort;
import picocli.CommandLine;

/**
 * {@code pouch keys} against the running gateway's management port, as an officer with the test PKI's
 * staff files. It rotates the TLS server ring, which the running gateway stores but does not serve from (Tomcat
 * reads its SSL bundle), so the rotation disturbs no other test of the shared gateway.
 */
@GatewayTest
class KeysCommandTest {

    private static final Pattern KEY_ID = Pattern.compile("^(tls-[0-9a-f]{10})", Pattern.MULTILINE);
    private static final Pattern SEEDED_TLS_KEY =
            Pattern.compile("^(pk-gw-tls-server-[0-9a-f]{12}) +PK-GW +tls-server +ec +secondary", Pattern.MULTILINE);

    @LocalManagementPort
    int managementPort;

    @Value("${pouch.pki-directory}")
    Path pki;

    @TempDir
    Path work;

    private StringWriter output;

    private int pouch(String... args) {
        output = new StringWriter();
        CommandLine pouch = PouchCli.commandLine();
        pouch.setOut(new PrintWriter(output, true));
        pouch.setErr(new PrintWriter(output, true));
        String[] common = {"--management", "https://localhost:" + managementPort, "--pki", pki.toString()};
        String[] all = new String[args.length + common.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(common, 0, all, args.length, common.length);
        return pouch.execute(all);
    }

    @Test
    void anOfficerRotatesAKeyFromTheCommandLine() throws Exception {
        String first = generateAndImport();
        assertThat(pouch("keys", "promote", first)).as(output.toString()).isZero();
        assertThat(output.toString()).startsWith("promoted");
        String second = generateAndImport();
        assertThat(pouch("keys", "promote", second)).as(output.toString()).isZero();

        assertThat(pouch("keys", "retire", first)).isEqualTo(KeysCommand.REFUSED);
        assertThat(output.toString()).contains("refused: grace-not-over (409)");
        assertThat(pouch("keys", "retire", first, "--early"))
                .as(output.toString())
                .isZero();
        assertThat(pouch("keys", "destroy", first)).as(output.toString()).isZero();
        assertThat(output.toString()).contains("destroyed");
        assertThat(pouch("keys", "retire", second)).isEqualTo(KeysCommand.REFUSED);
        assertThat(output.toString()).contains("refused: primary-not-retirable (409)");

        assertThat(pouch("keys", "list", "--owner", "PK-GW"))
                .as(output.toString())
                .isZero();
        assertThat(output.toString())
                .containsPattern(first + " +PK-GW +tls-server +ec +destroyed")
                .containsPattern(second + " +PK-GW +tls-server +ec +primary");

        // Rolled back to the key the ring was seeded with, still secondary, which this shared gateway served.
        Matcher seeded = SEEDED_TLS_KEY.matcher(output.toString());
        assertThat(seeded.find()).as(output.toString()).isTrue();
        assertThat(pouch("keys", "promote", seeded.group(1)))
                .as(output.toString())
                .isZero();
    }

    @Test
    void anAuditorIsRefused() {
        assertThat(pouch("keys", "list", "--as", "auditor")).isEqualTo(KeysCommand.REFUSED);
        assertThat(output.toString()).contains("refused:").contains("403");
    }

    private String generateAndImport() throws Exception {
        Path csr = work.resolve("tls-server-" + System.nanoTime() + ".csr");
        int generated = pouch(
                "keys",
                "generate",
                "--purpose",
                "tls-server",
                "--subject",
                "C=PK, O=Pouch Example PKI (not for production), OU=PK-GW, CN=localhost",
                "--csr-out",
                csr.toString());
        assertThat(generated).as(output.toString()).isZero();
        Matcher id = KEY_ID.matcher(output.toString());
        assertThat(id.find()).as(output.toString()).isTrue();
        String pem = Files.readString(csr);
        Instant now = Instant.now();
        X509Certificate issued = TestPki.shared()
                .pki()
                .issuingAuthority()
                .issue(
                        CertificationRequests.subjectOf(pem),
                        CertificationRequests.publicKeyOf(pem),
                        CertificateProfile.TLS_SERVER,
                        now.minus(Duration.ofMinutes(5)),
                        now.plus(Duration.ofDays(365)),
                        "localhost",
                        "127.0.0.1",
                        "::1");
        Path certificate = work.resolve(id.group(1) + ".crt");
        Files.writeString(certificate, Pem.certificate(issued));
        assertThat(pouch("keys", "import", id.group(1), certificate.toString()))
                .as(output.toString())
                .isZero();
        return id.group(1);
    }
}
