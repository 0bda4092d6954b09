package org.pouch.gateway.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.pouch.gateway.pki.PkiFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A member of staff's connection to the gateway's management port: mutual TLS with their own client
 * certificate, as {@link GatewayConnection} is a partner system's to the partner port.
 */
final class ManagementConnection {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** An answer: its status and JSON body. */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** For a refusal: the problem's code (or status) and detail, in one line. */
        String problem() {
            String code = body.path("code").asString(body.path("title").asString(String.valueOf(status)));
            return code + " (" + status + "): " + body.path("detail").asString("");
        }
    }

    private final URI gateway;
    private final HttpClient http;

    ManagementConnection(URI gateway, Path staffKeyStore, Path trustStore, char[] password) {
        this.gateway = gateway;
        this.http = HttpClient.newBuilder()
                .sslContext(PkiFiles.sslContext(staffKeyStore, trustStore, password))
                .connectTimeout(Duration.ofSeconds(15))
                .build();
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(gateway.resolve(path)).GET());
    }

    Answer post(String path, Object body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(gateway.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)));
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                request.timeout(Duration.ofMinutes(1)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String body = response.body();
        JsonNode json = body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        return new Answer(response.statusCode(), json);
    }
}
