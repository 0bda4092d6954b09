package org.pouch.gateway.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalDouble;
import javax.net.ssl.SSLContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's own view of its CPU, heap and JIT compilation, from the actuator's metrics endpoint on the management
 * port (mutual TLS, a staff certificate). A gateway that does not expose the endpoint answers nothing,
 * and the report says so.
 */
final class GatewayMetrics {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI management;
    private final HttpClient http;

    GatewayMetrics(URI management, SSLContext tls) {
        this.management = management;
        this.http = HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The share of the machine's CPU the gateway's process used recently, 0 to 1. */
    OptionalDouble processCpuUsage() {
        return value("process.cpu.usage", null, "VALUE");
    }

    /** Heap in use, in bytes. */
    OptionalDouble heapUsed() {
        return value("jvm.memory.used", "area:heap", "VALUE");
    }

    /** Time the gateway's JIT compilers have spent compiling since it started, in milliseconds. */
    OptionalDouble compilationMillis() {
        return value("jvm.compilation.time", null, "COUNT");
    }

    /**
     * How many deliveries took the document the intake held ({@code taken}) or opened the envelope again
     * ({@code missed}) since the gateway started.
     */
    OptionalDouble handoffs(String result) {
        return value("pouch.delivery.handoff", "result:" + result, "COUNT");
    }

    /** Whether the gateway answers its health endpoint with UP. */
    boolean up() {
        try {
            HttpResponse<String> response = get("/actuator/health");
            return response.statusCode() == 200 && response.body().contains("UP");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private OptionalDouble value(String metric, String tag, String statistic) {
        try {
            HttpResponse<String> response = get("/actuator/metrics/" + metric + (tag == null ? "" : "?tag=" + tag));
            if (response.statusCode() != 200) {
                return OptionalDouble.empty();
            }
            for (JsonNode measurement : JSON.readTree(response.body()).path("measurements")) {
                if (statistic.equals(measurement.path("statistic").asString())) {
                    return OptionalDouble.of(measurement.path("value").asDouble());
                }
            }
            return OptionalDouble.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalDouble.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalDouble.empty();
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(management.resolve(path))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
