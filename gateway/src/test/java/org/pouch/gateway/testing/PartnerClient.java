package org.pouch.gateway.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.pouch.certificates.Credential;
import org.pouch.certificates.KeySuite;
import org.pouch.envelope.EnvelopeSealer;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.ParticipantId;
import org.pouch.testing.TestPki;

/**
 * A partner ministry's system as the tests play it: seals with its own test keys for the gateway and
 * posts over mutual TLS with its own TLS client certificate.
 */
public final class PartnerClient {

    public static final String ENVELOPES_PATH = "/api/v1/envelopes";

    private final int port;
    private final HttpClient http;

    private PartnerClient(int port, Credential tlsClient) {
        this.port = port;
        this.http = HttpClient.newBuilder()
                .sslContext(ClientTls.presenting(tlsClient))
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** A client that authenticates as the participant's own system. */
    public static PartnerClient of(ParticipantId participant, int partnerPort) {
        return new PartnerClient(partnerPort, TestPki.shared().pki().tlsClient(participant));
    }

    /** A client that authenticates with any TLS credential, for the tests that need a wrong one. */
    public static PartnerClient presenting(Credential tlsClient, int partnerPort) {
        return new PartnerClient(partnerPort, tlsClient);
    }

    /** The document sealed the way its sender would: its EC signing key, the gateway's EC certificate. */
    public static byte[] seal(ExchangeDocument document) {
        TestPki pki = TestPki.shared();
        return new EnvelopeSealer(() -> pki.signing(document.header().from(), KeySuite.EC_P256), Clock.systemUTC())
                .seal(
                        document,
                        pki.encryption(TestPki.GATEWAY, KeySuite.EC_P256).certificate());
    }

    public HttpResponse<byte[]> post(byte[] envelope) throws IOException, InterruptedException {
        return post(envelope, "application/pkcs7-mime");
    }

    public HttpResponse<byte[]> post(byte[] envelope, String contentType) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + ENVELOPES_PATH))
                .header("Content-Type", contentType)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
