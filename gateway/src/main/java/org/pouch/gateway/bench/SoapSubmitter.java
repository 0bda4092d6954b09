package org.pouch.gateway.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.NodeList;

/**
 * Submits envelopes as a partner's SOAP stack does: the exchange service's {@code submit} operation, SOAP
 * 1.1, the envelope inline as base64 (what a toolkit sends without MTOM), over mutual TLS and HTTP/1.1.
 */
public final class SoapSubmitter implements LoadStage.Submitter {

    static final String PATH = "/soap/exchange";
    public static final String SOAP_ACTION = "\"urn:pouch:exchange:v1:submit\"";
    static final String EXCHANGE_NAMESPACE = "urn:pouch:exchange:v1";

    /** A submit request as a partner's stack writes it; {@code %s} is the envelope in base64. */
    public static final String INLINE_REQUEST = """
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

    private final URI endpoint;
    private final HttpClient http;

    SoapSubmitter(URI gateway, SSLContext tls) {
        this.endpoint = gateway.resolve(PATH);
        this.http = RestSubmitter.partnerHttp(tls);
    }

    @Override
    public LoadStage.Outcome submit(byte[] envelope) throws InterruptedException {
        try {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(endpoint)
                            .header("Content-Type", "text/xml; charset=utf-8")
                            .header("SOAPAction", SOAP_ACTION)
                            .timeout(Duration.ofMinutes(2))
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    INLINE_REQUEST.formatted(Base64.getEncoder().encodeToString(envelope))))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 200) {
                return LoadStage.Outcome.ACCEPTED;
            }
            return new LoadStage.Outcome(false, faultCode(response));
        } catch (IOException e) {
            return RestSubmitter.failed(e);
        }
    }

    /** The rejection's code from the fault's detail, or the HTTP status when the answer has none. */
    private static String faultCode(HttpResponse<byte[]> response) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            NodeList codes = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(response.body()))
                    .getElementsByTagNameNS(EXCHANGE_NAMESPACE, "code");
            return codes.getLength() > 0 ? codes.item(0).getTextContent().trim() : "http-" + response.statusCode();
        } catch (Exception e) {
            return "http-" + response.statusCode();
        }
    }
}
