package org.pouch.gateway.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pouch.certificates.ExamplePkiLayout;
import org.pouch.certificates.KeySuite;

/**
 * A gateway the benchmark starts for itself: a separate JVM on this class path, on free loopback ports,
 * with a fresh H2 database and broker under a working directory, the example PKI given, its metrics
 * exposed on the management port, and the recipient's endpoint pointed at the {@link Sink}. For the RSA
 * suite the gateway signs with its RSA key and seals to the recipient's RSA certificate, so that every
 * public-key operation of the run belongs to the suite.
 */
final class GatewayProcess implements AutoCloseable {

    static final String MAIN_CLASS = "org.pouch.gateway.PouchGatewayApplication";

    private final Process process;
    private final int partnerPort;
    private final int managementPort;
    private final Path log;

    private GatewayProcess(Process process, int partnerPort, int managementPort, Path log) {
        this.process = process;
        this.partnerPort = partnerPort;
        this.managementPort = managementPort;
        this.log = log;
    }

    static GatewayProcess start(
            Path pki, Path work, URI sink, KeySuite suite, String maxHeap, List<String> jvmOptions, List<String> extra)
            throws IOException {
        int partnerPort = freePort();
        int managementPort = freePort();
        ExamplePkiLayout layout = new ExamplePkiLayout(pki);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MAIN_CLASS);
        command.add("--server.port=" + partnerPort);
        command.add("--management.server.port=" + managementPort);
        command.add("--management.endpoints.web.exposure.include=health,metrics");
        command.add("--pouch.pki-directory=" + pki.toAbsolutePath());
        command.add("--pouch.directory.participants.IQ-MOI.endpoint.url=" + sink);
        // Each stage's messages are sealed before it starts, so a long stage sends its last ones long after
        // their createdAt. The window is replay policy, not a cost, so this gateway allows a day.
        command.add("--pouch.created-at-window=24h");
        if (suite == KeySuite.RSA_3072) {
            command.add("--pouch.keys.signing.path="
                    + ExamplePkiLayout.with(layout.signing(BenchPki.GATEWAY, suite), "p12")
                            .toAbsolutePath());
            command.add("--pouch.directory.participants.IQ-MOI.encryption-certificate="
                    + ExamplePkiLayout.with(layout.encryption(BenchPki.RECIPIENT, suite), "crt")
                            .toAbsolutePath());
        }
        command.addAll(extra);
        Files.createDirectories(work);
        Path log = work.resolve("gateway.log");
        // Run in `work`: the embedded defaults (database, broker journal, key store under data/) land there.
        Process process = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        // A run stopped with Ctrl-C must not leave its gateway running.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "bench-gateway-stop"));
        return new GatewayProcess(process, partnerPort, managementPort, log);
    }

    URI partnerUrl() {
        return URI.create("https://localhost:" + partnerPort);
    }

    URI managementUrl() {
        return URI.create("https://localhost:" + managementPort);
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** CPU time the gateway's process has used so far, if the operating system tells. */
    Optional<Duration> cpuTime() {
        return process.toHandle().info().totalCpuDuration();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
