package org.pouch.gateway.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pouch.gateway.testing.ClientTls;
import org.pouch.gateway.testing.GatewayTest;
import org.pouch.testing.TestPki;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The schemas a partner fetches from the running gateway are the ones published in docs/schemas. */
@GatewayTest
class SchemaControllerTest {

    @LocalServerPort
    int partnerPort;

    private HttpResponse<byte[]> get(String path) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .sslContext(ClientTls.presenting(TestPki.shared().pki().tlsClient(TestPki.BE_IBZ)))
                .build();
        return client.send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + partnerPort + path))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "pilgrim-list-1.0.schema.json",
                "pilgrim-list-1.0.xsd",
                "pilgrim-movements-1.0.schema.json",
                "pilgrim-movements-1.0.xsd",
                "watchlist-hit-1.0.schema.json",
                "watchlist-hit-1.0.xsd",
                "training-schedule-1.0.schema.json",
                "training-schedule-1.0.xsd"
            })
    void everyPublishedSchemaIsServedByteForByte(String file) throws Exception {
        String type = file.substring(0, file.indexOf("-1.0"));
        String rest = file.substring(type.length() + 1);

        HttpResponse<byte[]> response = get(SchemaController.PATH + "/" + type + "/" + rest);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(Files.readAllBytes(Path.of("..", "docs", "schemas", file)));
    }

    @Test
    void theCatalogListsEveryTypeWithItsUrls() throws Exception {
        String catalog = new String(get(SchemaController.PATH).body(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(catalog)
                .contains("\"type\":\"training-schedule\"")
                .contains("/api/v1/schemas/watchlist-hit/1.0.xsd")
                .contains("/api/v1/schemas/pilgrim-list/1.0.schema.json");
    }

    @Test
    void anUnknownTypeOrAPathTrickIsNotFound() throws Exception {
        assertThat(get(SchemaController.PATH + "/passport-scan/1.0.xsd").statusCode())
                .isEqualTo(404);
        assertThat(get(SchemaController.PATH + "/..%2F..%2Fapplication/yml.xsd").statusCode())
                .isIn(400, 404);
    }
}
