package org.pouch.gateway.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Submits envelopes as a partner system does: POST application/pkcs7-mime over mutual TLS. HTTP/1.1,
 * so that C concurrent submissions hold C connections, which the client keeps open between them.
 */
final class RestSubmitter implements LoadStage.Submitter {

    static final String PATH = "/api/v1/envelopes";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI endpoint;
    private final HttpClient http;

    RestSubmitter(URI gateway, SSLContext tls) {
        this.endpoint = gateway.resolve(PATH);
        this.http = partnerHttp(tls);
    }

    /** HTTP/1.1 with mutual TLS: C concurrent submissions hold C connections, kept open between them. */
    static HttpClient partnerHttp(SSLContext tls) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(tls)
                .connectTimeout(Duration.ofSeconds(15))
                .build();
    }

    /** A connection that failed: not the gateway's answer, counted apart from its reason codes. */
    static LoadStage.Outcome failed(IOException e) {
        return new LoadStage.Outcome(false, "io-" + e.getClass().getSimpleName());
    }

    @Override
    public LoadStage.Outcome submit(byte[] envelope) throws InterruptedException {
        try {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(endpoint)
                            .header("Content-Type", "application/pkcs7-mime")
                            .timeout(Duration.ofMinutes(2))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(envelope))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 202) {
                return LoadStage.Outcome.ACCEPTED;
            }
            return new LoadStage.Outcome(false, problemCode(response));
        } catch (IOException e) {
            return failed(e);
        }
    }

    private static String problemCode(HttpResponse<byte[]> response) {
        try {
            JsonNode problem = JSON.readTree(response.body());
            return problem.path("code").asString("http-" + response.statusCode());
        } catch (RuntimeException e) {
            return "http-" + response.statusCode();
        }
    }
}
