package org.pouch.gateway.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.pouch.certificates.Credential;
import org.pouch.testing.TestPki;

/**
 * A member of staff's client of the management port, presenting their test TLS certificate: {@code
 * officer}, {@code officer-2}, {@code auditor} or {@code operator} (see {@link
 * org.pouch.certificates.ExamplePki#STAFF}).
 */
public final class ManagementClient {

    private final int port;
    private final HttpClient http;

    private ManagementClient(int port, SSLContext tls) {
        this.port = port;
        this.http = ClientTls.httpClient(tls);
    }

    public static ManagementClient as(String staffName, int managementPort) {
        return presenting(TestPki.shared().pki().staff(staffName), managementPort);
    }

    /** A client with any TLS credential: a partner system's, say, which must get no role. */
    public static ManagementClient presenting(Credential tlsClient, int managementPort) {
        return new ManagementClient(managementPort, ClientTls.presenting(tlsClient));
    }

    public URI uri(String path) {
        return URI.create("https://localhost:" + port + path);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    public HttpResponse<String> post(String path, String jsonBody) throws IOException, InterruptedException {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8)));
    }

    public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
