package org.pouch.gateway.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pouch.certificates.ExamplePkiFiles;
import org.pouch.gateway.PouchGatewayApplication;
import org.pouch.testing.TestPki;

/**
 * A whole gateway in a JVM of its own, for the tests that must stop one hard (SIGKILL, no shutdown
 * hooks) or run two side by side. It runs the test profile over a directory of its own (the test PKI,
 * an H2 database and the broker journal), so starting it again on the same directory finds what the
 * killed one left. Its output goes to {@code gateway.log} in that directory.
 */
public final class GatewayProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Path directory;
    private final int partnerPort;
    private final int managementPort;
    private final Map<String, String> properties;
    private List<String> jvmArguments = List.of("-Xmx384m");
    private Process process;

    private GatewayProcess(Path directory, int partnerPort, int managementPort, Map<String, String> properties) {
        this.directory = directory;
        this.partnerPort = partnerPort;
        this.managementPort = managementPort;
        this.properties = properties;
    }

    /**
     * A fresh directory under {@code target/} with the shared test PKI written into it, free ports, and
     * the partners' systems ({@link PartnerSystems}) as its partners.
     *
     * @param properties more Spring properties, for example a directory entry pointing elsewhere
     */
    public static GatewayProcess prepare(Map<String, String> properties) {
        try {
            Path directory = Files.createTempDirectory(GatewayTestFiles.targetDirectory(), "gateway-process-");
            ExamplePkiFiles.write(TestPki.shared().pki(), directory.resolve("pki"));
            PartnerSystems partners = PartnerSystems.start(directory.resolve("pki"));
            Map<String, String> all = new LinkedHashMap<>();
            all.put("spring.profiles.active", "test");
            all.put("test-directory", directory.toString());
            all.put("test-partners-url", partners.baseUrl());
            // The shared test profile gives up quickly so that dead letters happen within a test; a gateway
            // of its own has time, so that a busy machine cannot turn a slow start into a dead letter.
            all.put("pouch.delivery.request-timeout", "30s");
            all.put("pouch.delivery.retry.max-attempts", "50");
            all.put("pouch.delivery.retry.max-age", "15m");
            all.putAll(properties);
            return new GatewayProcess(directory, freePort(), freePort(), all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JVM's options, instead of the default {@code -Xmx384m}: a heap limit a test proves, a GC log. */
    public GatewayProcess withJvmArguments(String... arguments) {
        this.jvmArguments = List.of(arguments);
        return this;
    }

    /** Starts the JVM and waits until the management port reports the gateway up. */
    public GatewayProcess start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArguments);
        command.addAll(List.of(
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                PouchGatewayApplication.class.getName(),
                "--server.port=" + partnerPort,
                "--management.server.port=" + managementPort));
        properties.forEach((name, value) -> command.add("--" + name + "=" + value));
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            directory.resolve("gateway.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ManagementClient operator = ManagementClient.as("operator", managementPort);
        await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the gateway process exited with " + process.exitValue() + "; see "
                        + directory.resolve("gateway.log"));
            }
            try {
                HttpResponse<String> health = operator.get("/actuator/health");
                return health.statusCode() == 200;
            } catch (IOException refused) {
                return false;
            }
        });
        return this;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed that was not already. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public int partnerPort() {
        return partnerPort;
    }

    public int managementPort() {
        return managementPort;
    }

    public Path directory() {
        return directory;
    }

    /** Stops the gateway the way an operator would (SIGTERM), and waits for it. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
