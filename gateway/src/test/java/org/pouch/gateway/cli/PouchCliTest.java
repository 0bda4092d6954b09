package org.pouch.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PouchCliTest {

    /** Written once by {@code pki example}: generating a PKI with RSA-3072 keys takes seconds. */
    @TempDir
    static Path parent;

    static Path generated;
    static Run firstRun;

    @BeforeAll
    static void writeAnExamplePkiIntoANewDirectory() {
        generated = parent.resolve("certs");
        firstRun = pouch("pki", "example", "--out", generated.toString());
    }

    @Test
    void pkiExampleExitsZeroAndWritesTheDocumentedTree() throws IOException {
        assertThat(firstRun.exitCode()).as(firstRun.err()).isZero();
        assertThat(relativeFiles(generated))
                .hasSize(137)
                .contains(
                        "truststore.p12",
                        "ca/root-ca.crt",
                        "ca/issuing-ca.crt",
                        "ca/root-ca.crl",
                        "ca/issuing-ca.crl",
                        "gateway/tls-server.p12",
                        "gateway/audit-checkpoint.crt",
                        "gateway/encryption-rsa.key",
                        "participants/pk-moi/signing-ec.crt",
                        "participants/iq-moi/tls-client-chain.pem",
                        "participants/be-ibz/encryption-ec.p12",
                        "participants/pk-fia/signing-rsa.key",
                        "staff/officer-2.p12",
                        "negative/revoked-signing.crt",
                        "negative/expired-signing.p12");
    }

    @Test
    void pkiExampleSummarisesWhatItWroteWithoutPrintingKeys() {
        assertThat(firstRun.out())
                .contains("137 files", "participants/", "pouch-example", "never use it in production")
                .doesNotContain("PRIVATE KEY");
    }

    @Test
    void pkiExampleRefusesANonEmptyDirectoryWithoutForceAndLeavesItAlone() throws IOException {
        byte[] rootBefore = Files.readAllBytes(generated.resolve("ca/root-ca.crt"));

        Run again = pouch("pki", "example", "--out", generated.toString());

        assertThat(again.exitCode()).isEqualTo(PkiExampleCommand.REFUSED).isNotZero();
        assertThat(again.err()).contains(generated.toString(), "is not empty", "--force");
        assertThat(Files.readAllBytes(generated.resolve("ca/root-ca.crt"))).isEqualTo(rootBefore);
    }

    @Test
    void pkiExampleWithForceReplacesTheGeneratedFilesAndKeepsOtherFiles(@TempDir Path directory) throws IOException {
        Path readme = Files.writeString(directory.resolve("README.md"), "kept");
        Path staleRoot = Files.createDirectories(directory.resolve("ca")).resolve("root-ca.crt");
        Files.writeString(staleRoot, "replaced");

        Run forced = pouch("pki", "example", "--out", directory.toString(), "--force");

        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(Files.readString(readme)).isEqualTo("kept");
        assertThat(Files.readString(staleRoot)).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(relativeFiles(directory)).hasSize(137 + 1);
    }

    @Test
    void pkiExampleRefusesAFileAsOutput(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("not-a-directory"), "x");

        Run run = pouch("pki", "example", "--out", file.toString(), "--force");

        assertThat(run.exitCode()).isEqualTo(PkiExampleCommand.REFUSED);
        assertThat(run.err()).contains("is not a directory");
    }

    @Test
    void pkiExampleWithoutOutIsAUsageError() {
        Run run = pouch("pki", "example");

        assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err()).contains("Missing required option: '--out=DIR'");
    }

    @Test
    void pouchWithoutASubcommandShowsUsage() {
        Run run = pouch();

        assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err()).contains("Missing required subcommand", "Usage: pouch", "pki");
    }

    @Test
    void everySubcommandInheritsHelpAndVersion() {
        Run help = pouch("pki", "example", "--help");
        Run version = pouch("pki", "--version");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: pouch pki example", "--out=DIR", "--force");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("pouch ");
    }

    private record Run(int exitCode, String out, String err) {}

    private static Run pouch(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = PouchCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static List<String> relativeFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> directory
                            .relativize(file)
                            .toString()
                            .replace(file.getFileSystem().getSeparator(), "/"))
                    .toList();
        }
    }
}
