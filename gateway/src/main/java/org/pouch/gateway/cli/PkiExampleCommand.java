package org.pouch.gateway.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.pouch.certificates.ExamplePki;
import org.pouch.certificates.ExamplePkiFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pouch pki example}: generates a fresh example PKI and writes it as PEM and PKCS#12 files. */
@Command(
        name = "example",
        description = {
            "Generates a fresh example PKI (root and issuing CA, CRLs, the gateway, the demo participants,"
                    + " staff, a revoked and an expired certificate) and writes it as PEM and PKCS#12 files.",
            "Example material only: the keys are unencrypted and the PKCS#12 password is published."
        })
final class PkiExampleCommand implements Callable<Integer> {

    /** The exit code when the output directory is refused; nothing has been written then. */
    static final int REFUSED = 1;

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The directory to write to.")
    private Path out;

    @Option(
            names = "--force",
            description = "Write into a non-empty directory, replacing the example PKI files there;"
                    + " other files in it are left alone.")
    private boolean force;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            err.println(spec.qualifiedName() + ": " + out + " exists and is not a directory");
            return REFUSED;
        }
        // Checked before generating anything, so a refusal is quick and leaves the directory untouched.
        if (!force && isNonEmptyDirectory(out)) {
            err.println(spec.qualifiedName() + ": " + out
                    + " is not empty; pass --force to replace the example PKI files in it");
            return REFUSED;
        }
        ExamplePki pki = ExamplePki.generate(Clock.systemUTC());
        List<Path> written = ExamplePkiFiles.write(pki, out);
        printSummary(pki, written);
        return ExitCode.OK;
    }

    private static boolean isNonEmptyDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isPresent();
        }
    }

    private void printSummary(ExamplePki pki, List<Path> written) {
        Map<String, Integer> filesPerEntry = new LinkedHashMap<>();
        for (Path file : written) {
            filesPerEntry.merge(file.getNameCount() > 1 ? file.getName(0) + "/" : file.toString(), 1, Integer::sum);
        }
        PrintWriter printed = spec.commandLine().getOut();
        printed.println("Wrote an example PKI to " + out + " (" + written.size() + " files):");
        filesPerEntry.forEach(
                (entry, count) -> printed.printf("  %-15s %3d %s%n", entry, count, count == 1 ? "file" : "files"));
        LocalDate validUntil = pki.tlsServer()
                .certificate()
                .getNotAfter()
                .toInstant()
                .atOffset(ZoneOffset.UTC)
                .toLocalDate();
        printed.println(
                "Certificates valid until " + validUntil + " (those in negative/ are revoked or expired on purpose).");
        printed.println("PKCS#12 password: " + ExamplePkiFiles.EXAMPLE_PASSWORD + " (published, not a secret).");
        printed.println("Example material only: never use it in production.");
        printed.flush();
    }
}
