package org.pouch.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs the installed {@code openssl} command, the interoperability reference for our certificates, keys
 * and CMS messages: a tool we did not write. Tests that need it skip when it is missing:
 * {@code assumeTrue(OpenSsl.isAvailable(), OpenSsl.NOT_INSTALLED)}.
 */
public final class OpenSsl {

    /** The reason a test gives when it skips for want of {@code openssl}. */
    public static final String NOT_INSTALLED = "openssl not installed: no 'openssl' on PATH, interop test skipped";

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private OpenSsl() {}

    /** What one run printed and how it ended. */
    public record Result(int exitCode, byte[] stdout, String stderr) {

        public boolean succeeded() {
            return exitCode == 0;
        }

        public String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        /** For assertion messages: openssl reports verification errors on either stream. */
        @Override
        public String toString() {
            return "openssl exited " + exitCode + "\nstdout: " + stdoutText() + "\nstderr: " + stderr;
        }
    }

    /** Whether {@code openssl} is on the PATH and runs; checked once per JVM. */
    public static boolean isAvailable() {
        return Availability.AVAILABLE;
    }

    /** Runs {@code openssl args...} with no standard input. */
    public static Result run(String... args) {
        return run(new byte[0], List.of(args));
    }

    /**
     * Runs {@code openssl args...} feeding {@code stdin} to it, and waits at most a minute.
     *
     * @throws IllegalStateException if openssl cannot be started or does not finish in time
     */
    public static Result run(byte[] stdin, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(args);
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command, e);
        }
        // Both streams are drained while openssl runs, so a full pipe never blocks it; each on a thread of
        // its own, since a blocking read has no place in the common fork-join pool.
        CompletableFuture<byte[]> stdout =
                CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()), OpenSsl::daemon);
        CompletableFuture<byte[]> stderr =
                CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()), OpenSsl::daemon);
        try (OutputStream input = process.getOutputStream()) {
            input.write(stdin);
        } catch (IOException e) {
            // openssl may exit before reading its input (a usage error); its exit code says why.
        }
        try {
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within " + TIMEOUT);
            }
            return new Result(process.exitValue(), stdout.get(), new String(stderr.get(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + command, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the output of " + command, e.getCause());
        }
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "openssl-output");
        thread.setDaemon(true);
        thread.start();
    }

    private static byte[] readAll(InputStream stream) {
        try (stream) {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Availability {
        static final boolean AVAILABLE = probe();

        private static boolean probe() {
            try {
                return run("version").succeeded();
            } catch (IllegalStateException e) {
                return false;
            }
        }
    }
}
