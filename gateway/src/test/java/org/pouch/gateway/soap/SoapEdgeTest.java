package org.pouch.gateway.soap;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The SOAP edge on a random HTTPS port with the example PKI, behind the recording intake. Every edge test
 * class extends this one, so they all share one application context.
 *
 * <p>The port asks for a client certificate ({@code want}) rather than demanding one, so that a request
 * without one reaches the edge and the tests can check that the edge refuses it on its own; the partner
 * port of the real application demands one.
 */
@SpringBootTest(
        classes = org.pouch.soapedge.SoapEdgeApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.ssl.bundle=partner-port",
            "server.ssl.client-auth=want",
            "spring.ssl.bundle.jks.partner-port.keystore.type=PKCS12",
            "spring.ssl.bundle.jks.partner-port.keystore.password=" + PartnerTls.PASSWORD,
            "spring.ssl.bundle.jks.partner-port.truststore.type=PKCS12",
            "spring.ssl.bundle.jks.partner-port.truststore.password=" + PartnerTls.PASSWORD,
            // Small, so that the size tests send kilobytes rather than the default's 64 MiB.
            "pouch.soap.max-envelope-size=" + SoapEdgeTest.MAX_ENVELOPE_BYTES + "B"
        })
abstract class SoapEdgeTest {

    static final int MAX_ENVELOPE_BYTES = 64 * 1024;

    static final String SOAP_ACTION = "\"urn:pouch:exchange:v1:submit\"";

    /** A submit request as a partner's stack writes it, the envelope inline as base64. */
    static final String INLINE_REQUEST = """
            <?xml version="1.0" encoding="UTF-8"?>
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"
                           xmlns:px="urn:pouch:exchange:v1">
              <soap:Body>
                <px:submitRequest>
                  <px:envelope>%s</px:envelope>
                </px:submitRequest>
              </soap:Body>
            </soap:Envelope>
            """;

    @LocalServerPort
    int port;

    @Autowired
    RecordingIntake intake;

    @DynamicPropertySource
    static void keyStores(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.ssl.bundle.jks.partner-port.keystore.location",
                () -> PartnerTls.serverKeyStore().toUri().toString());
        registry.add(
                "spring.ssl.bundle.jks.partner-port.truststore.location",
                () -> PartnerTls.trustStore().toUri().toString());
        // The gateway's own configuration (application.yml) defines its TLS bundles from this directory.
        registry.add("pouch.pki-directory", () -> PartnerTls.directory().toString());
        registry.add("management.server.port", () -> "0");
    }

    @BeforeEach
    void resetIntake() {
        intake.reset();
    }

    URI endpoint() {
        return URI.create("https://localhost:" + port + "/soap/exchange");
    }

    static String inlineRequest(byte[] envelope) {
        return INLINE_REQUEST.formatted(Base64.getEncoder().encodeToString(envelope));
    }

    /** Posts a SOAP 1.1 request as PK-MOI's system. */
    HttpResponse<String> postAsPkMoi(String contentType, byte[] body) throws Exception {
        return post(PartnerTls.httpClient(PartnerTls.pkMoi()), contentType, body);
    }

    HttpResponse<String> postXmlAsPkMoi(String xml) throws Exception {
        return postAsPkMoi("text/xml; charset=utf-8", xml.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(HttpClient client, String contentType, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(endpoint())
                .header("Content-Type", contentType)
                .header("SOAPAction", SOAP_ACTION)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
    }
}
