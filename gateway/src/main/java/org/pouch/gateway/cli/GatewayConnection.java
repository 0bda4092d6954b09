package org.pouch.gateway.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.pouch.gateway.pki.PkiFiles;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A partner system's connection to a gateway: mutual TLS with its client certificate, trusting only
 * the given CAs, and a submission over REST or SOAP with the answer read back into one shape.
 */
final class GatewayConnection {

    static final String REST_PATH = "/api/v1/envelopes";
    static final String SOAP_PATH = "/soap/exchange";
    private static final String SOAP_NAMESPACE = "urn:pouch:exchange:v1";

    /** What the gateway answered. */
    sealed interface Answer {
        record Accepted(byte[] receipt, boolean repeated) implements Answer {}

        record Rejected(String code, int status, String incidentId, boolean retryable) implements Answer {}
    }

    private final URI gateway;
    private final HttpClient http;

    GatewayConnection(URI gateway, Path clientKeyStore, Path trustStore, char[] password) {
        this.gateway = gateway;
        this.http = HttpClient.newBuilder()
                .sslContext(PkiFiles.sslContext(clientKeyStore, trustStore, password))
                .connectTimeout(Duration.ofSeconds(15))
                .build();
    }

    Answer submitRest(byte[] envelope) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(gateway.resolve(REST_PATH))
                        .header("Content-Type", "application/pkcs7-mime")
                        .timeout(Duration.ofMinutes(2))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(envelope))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 202) {
            return new Answer.Accepted(
                    response.body(),
                    response.headers()
                            .firstValue("Pouch-Repeated")
                            .map(Boolean::parseBoolean)
                            .orElse(false));
        }
        JsonNode problem = JsonMapper.builder().build().readTree(response.body());
        return new Answer.Rejected(
                problem.path("code").asString("unknown"),
                response.statusCode(),
                problem.path("incidentId").asString("none"),
                problem.path("retryable").asBoolean(false));
    }

    /** SOAP 1.1 with the envelope inline as base64: what any SOAP stack can send. */
    Answer submitSoap(byte[] envelope) throws IOException, InterruptedException {
        String request = """
                <?xml version="1.0" encoding="UTF-8"?>
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:px="%s">
                  <soap:Body><px:submitRequest><px:envelope>%s</px:envelope></px:submitRequest></soap:Body>
                </soap:Envelope>
                """.formatted(SOAP_NAMESPACE, Base64.getEncoder().encodeToString(envelope));
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(gateway.resolve(SOAP_PATH))
                        .header("Content-Type", "text/xml; charset=utf-8")
                        .header("SOAPAction", "\"urn:pouch:exchange:v1:submit\"")
                        .timeout(Duration.ofMinutes(2))
                        .POST(HttpRequest.BodyPublishers.ofString(request, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        Document answer = parse(response.body());
        String receipt = text(answer, "receipt");
        if (response.statusCode() == 200 && receipt != null) {
            return new Answer.Accepted(
                    Base64.getMimeDecoder().decode(receipt), Boolean.parseBoolean(text(answer, "repeated")));
        }
        return new Answer.Rejected(
                orElse(text(answer, "code"), "unknown"),
                response.statusCode(),
                orElse(text(answer, "incidentId"), "none"),
                Boolean.parseBoolean(text(answer, "retryable")));
    }

    private static Document parse(byte[] xml) throws IOException {
        try (InputStream in = new ByteArrayInputStream(xml)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(in);
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException("the gateway's SOAP answer is not XML: " + e.getMessage(), e);
        }
    }

    private static String text(Document document, String localName) {
        NodeList nodes = document.getElementsByTagNameNS(SOAP_NAMESPACE, localName);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    private static String orElse(String value, String otherwise) {
        return value == null ? otherwise : value;
    }
}
