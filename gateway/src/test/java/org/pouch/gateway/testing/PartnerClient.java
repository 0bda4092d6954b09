package org.pouch.gateway.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.pouch.certificates.Credential;
import org.pouch.certificates.KeySuite;
import org.pouch.envelope.EnvelopeSealer;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.ParticipantId;
import org.pouch.intake.Channel;
import org.pouch.testing.TestPki;

/**
 * A partner ministry's system as the tests play it, without a SOAP toolkit: seals with its own test keys
 * for the gateway, and submits over mutual TLS with its own TLS client certificate, to the REST edge or
 * as a SOAP 1.1 request written by hand. {@link WsdlClient} is the one built from the WSDL.
 */
public final class PartnerClient {

    public static final String ENVELOPES_PATH = "/api/v1/envelopes";
    public static final String SOAP_PATH = "/soap/exchange";

    private final int port;
    private final HttpClient http;

    private PartnerClient(int port, SSLContext tls) {
        this.port = port;
        this.http = ClientTls.httpClient(tls);
    }

    /** A client that authenticates as the participant's own system. */
    public static PartnerClient of(ParticipantId participant, int partnerPort) {
        return presenting(TestPki.shared().pki().tlsClient(participant), partnerPort);
    }

    /** A client that authenticates with any TLS credential, for the tests that need a wrong one. */
    public static PartnerClient presenting(Credential tlsClient, int partnerPort) {
        return new PartnerClient(partnerPort, ClientTls.presenting(tlsClient));
    }

    /** A client that trusts the gateway but presents no certificate. */
    public static PartnerClient anonymous(int partnerPort) {
        return new PartnerClient(partnerPort, ClientTls.anonymous());
    }

    /** The document sealed the way its sender would: its EC signing key, the gateway's EC certificate. */
    public static byte[] seal(ExchangeDocument document) {
        TestPki pki = TestPki.shared();
        return new EnvelopeSealer(() -> pki.signing(document.header().from(), KeySuite.EC_P256), Clock.systemUTC())
                .seal(
                        document,
                        pki.encryption(TestPki.GATEWAY, KeySuite.EC_P256).certificate());
    }

    public URI uri(String path) {
        return URI.create("https://localhost:" + port + path);
    }

    /** Submits over the channel, inline base64 for SOAP, and reads the answer after checking its wire format. */
    public GatewayAnswer submit(Channel channel, byte[] envelope) throws IOException, InterruptedException {
        return switch (channel) {
            case REST -> GatewayAnswer.ofRest(post(envelope));
            case SOAP -> GatewayAnswer.ofSoap(postSoap(SoapMessages.inlineRequest(envelope)));
        };
    }

    /** Posts the envelope to the REST edge. */
    public HttpResponse<byte[]> post(byte[] envelope) throws IOException, InterruptedException {
        return post(envelope, "application/pkcs7-mime");
    }

    public HttpResponse<byte[]> post(byte[] envelope, String contentType) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri(ENVELOPES_PATH))
                        .header("Content-Type", contentType)
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(envelope))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts a SOAP 1.1 request written by hand, as {@code text/xml}. */
    public HttpResponse<String> postSoap(String xml) throws IOException, InterruptedException {
        return postSoap(SoapMessages.XML_CONTENT_TYPE, xml.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Posts any body to the SOAP endpoint with the submit operation's SOAPAction. The answer is read as
     * ISO-8859-1, one character per byte, so that binary MIME parts survive for the tests that compare them.
     */
    public HttpResponse<String> postSoap(String contentType, byte[] body) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri(SOAP_PATH))
                        .header("Content-Type", contentType)
                        .header("SOAPAction", SoapMessages.SOAP_ACTION)
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
