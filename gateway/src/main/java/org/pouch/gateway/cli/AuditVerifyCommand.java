package org.pouch.gateway.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.pouch.audit.checkpoint.Checkpoint;
import org.pouch.audit.verify.ExportVerifier;
import org.pouch.audit.verify.Verification;
import org.pouch.audit.verify.VerificationProgress;
import org.pouch.gateway.pki.PkiFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pouch audit verify}: checks an export offline against the audit-checkpoint certificate and,
 * optionally, a checkpoint kept from before. Exit 0 when it holds, 1 when it does not (naming the first
 * bad entry), 2 on bad usage.
 */
@Command(
        name = "verify",
        description = {
            "Verify an audit log export offline: every entry's hash, the Merkle tree against the signed"
                    + " checkpoints, and that the log extends a checkpoint kept from before.",
            "Exits 0 if the export holds, 1 if it does not, naming the first bad entry."
        })
final class AuditVerifyCommand implements Callable<Integer> {

    static final int NOT_VERIFIED = 1;

    @Spec
    CommandSpec spec;

    @Option(names = "--export", required = true, paramLabel = "FILE", description = "The export (JSON Lines).")
    Path export;

    @Option(
            names = "--certificate",
            required = true,
            paramLabel = "FILE",
            description = "The gateway's audit-checkpoint certificate (PEM or DER).")
    Path certificate;

    @Option(
            names = "--previous-checkpoint",
            paramLabel = "FILE",
            description = "A signed checkpoint (DER) kept from an earlier export: the log must extend it.")
    Path previousCheckpoint;

    @Option(
            names = "--progress",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Show progress on a terminal (default: ${DEFAULT-VALUE}).")
    boolean progress;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExportVerifier verifier = new ExportVerifier(PkiFiles.certificate(certificate));
        Optional<byte[]> previous =
                previousCheckpoint == null ? Optional.empty() : Optional.of(Files.readAllBytes(previousCheckpoint));
        Verification result;
        try (BufferedReader reader = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            result = verifier.verify(
                    reader, previous, progress && System.console() != null ? new Bar() : VerificationProgress.NONE);
        }
        if (result instanceof Verification.Verified verified) {
            Checkpoint checkpoint = verified.checkpoint();
            out.printf(
                    "verified: %d entries; checkpoint %s size %d root %s signed at %s%n",
                    verified.entries(),
                    checkpoint.origin(),
                    checkpoint.size(),
                    checkpoint.rootHashHex(),
                    checkpoint.time());
            if (previous.isPresent()) {
                out.println("the log extends the previous checkpoint");
            }
            return 0;
        }
        Verification.Failed failed = (Verification.Failed) result;
        failed.firstBadEntry().ifPresent(index -> err.printf("NOT VERIFIED: first bad entry: %d%n", index));
        err.println((failed.firstBadEntry().isPresent() ? "" : "NOT VERIFIED: ") + failed.reason());
        return NOT_VERIFIED;
    }

    /** A progress bar on the terminal's error stream, so the result on standard output stays clean. */
    private static final class Bar implements VerificationProgress {
        private ProgressBar bar;

        @Override
        public void started(long entries) {
            bar = new ProgressBarBuilder()
                    .setTaskName("verifying")
                    .setInitialMax(entries)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUnit(" entries", 1)
                    .build();
        }

        @Override
        public void entryChecked() {
            bar.step();
        }

        @Override
        public void finished() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
