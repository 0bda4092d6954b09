package org.pouch.gateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pouch.certificates.KeySuite;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One short run of {@code pouch bench} end to end. It starts its own gateway, as a user's run does,
 * rather than using the shared test gateway: only a gateway whose recipient endpoint is this run's sink
 * can show that what was accepted is what the sink received.
 */
class BenchCommandTest {

    @TempDir
    Path out;

    @Test
    void everySubmissionIsAccountedForAndTheReportIsWritten() throws Exception {
        StringWriter printed = new StringWriter();
        CommandLine bench = new CommandLine(new BenchCommand());
        bench.setOut(new PrintWriter(printed, true));
        bench.setErr(new PrintWriter(printed, true));

        int exit = bench.execute(
                "--out", out.toString(),
                "--pki",
                        BenchFixtures.pki(KeySuite.EC_P256).layout().directory().toString(),
                "--messages", "150",
                "--warmup", "0",
                "--connections", "4",
                "--rate", "30",
                "--rate-connections", "8",
                "--bound-seconds", "1",
                "--delivery-wait", "30s",
                // A freshly started gateway's compilers are busy for minutes; waiting for them is the
                // default, a few seconds of it is enough to show the wait works.
                "--jit-settle", "4s",
                "--gateway-heap", "256m");

        assertThat(exit).as(printed.toString()).isZero();
        JsonNode results = JsonMapper.builder().build().readTree(Files.readString(out.resolve("results.json")));
        assertThat(results.path("stages")).hasSize(2);
        for (JsonNode stage : results.path("stages")) {
            long rejected = 0;
            for (JsonNode count : stage.path("rejected")) {
                rejected += count.asLong();
            }
            assertThat(stage.path("sent").asLong()).isEqualTo(150);
            assertThat(stage.path("accepted").asLong() + rejected)
                    .isEqualTo(stage.path("sent").asLong());
            assertThat(stage.path("accepted").asLong())
                    .as("a healthy gateway accepts them all")
                    .isEqualTo(150);
            assertThat(stage.path("acceptance").path("count").asLong()).isEqualTo(150);
            // The gateway's compilers are read from its actuator; the wait before the stage is bounded.
            assertThat(stage.path("jit").path("gatewayCores").isNumber()).isTrue();
            assertThat(stage.path("jit").path("gatewayCores").asDouble()).isNotNegative();
            assertThat(stage.path("jit").path("benchCores").asDouble()).isNotNegative();
            assertThat(stage.path("jit").path("settleSeconds").asDouble()).isBetween(2.0, 8.0);
            // The sink counts what the gateway delivered to it; a build without delivery delivers nothing.
            assertThat(stage.path("delivered").asLong())
                    .isEqualTo(
                            BenchCommand.deliveryOnClassPath()
                                    ? stage.path("accepted").asLong()
                                    : 0);
            if (BenchCommand.deliveryOnClassPath()) {
                assertThat(stage.path("preparedFromHandoff").asDouble())
                        .as("small lists delivered within the minute are prepared from the intake's document")
                        .isEqualTo(1.0);
            }
        }
        assertThat(results.path("cryptoBound").path("messagesPerSecond").asDouble())
                .isPositive();
        assertThat(Files.readString(out.resolve("report.html"))).contains("closed-4", "open-30.0/s");
    }
}
