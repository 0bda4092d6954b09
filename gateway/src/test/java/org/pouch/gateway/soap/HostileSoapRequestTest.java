package org.pouch.gateway.soap;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pouch.gateway.testing.GatewayAnswer;
import org.pouch.gateway.testing.RecordingIntake;
import org.pouch.gateway.testing.SoapMessages;
import org.pouch.intake.Channel;
import org.pouch.testing.TestPki;

/**
 * Requests an attacker or a broken client sends: DTDs and entities, XML past the parser's limits,
 * envelopes and requests past the size limit, things that are not SOAP at all. Each is a Client fault
 * with a rejection code the edge reports to the intake as its own refusal (the intake audits it), none is
 * submitted to the intake, none names Java on the wire. And a WS-Addressing
 * reply address, which must not make the gateway call anyone. The intake is {@link RecordingIntake}.
 */
class HostileSoapRequestTest extends SoapEdgeTest {

    /** Where the external entities point: a listener that counts whether the gateway ever fetched them. */
    private static HttpServer entityHost;

    private static final AtomicInteger entityFetches = new AtomicInteger();

    @BeforeAll
    static void startEntityHost() throws IOException {
        entityHost = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        entityHost.createContext("/", exchange -> {
            entityFetches.incrementAndGet();
            byte[] body = "<!ENTITY leaked 'fetched'>".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        entityHost.start();
    }

    @AfterAll
    static void stopEntityHost() {
        entityHost.stop(0);
    }

    static Stream<Arguments> documentTypeDeclarations() {
        String host = "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                + entityHost.getAddress().getPort();
        return Stream.of(
                Arguments.of("external general entity", "<!DOCTYPE e [<!ENTITY x SYSTEM '" + host + "/x'>]>", "&x;"),
                Arguments.of(
                        "external parameter entity",
                        "<!DOCTYPE e [<!ENTITY % p SYSTEM '" + host + "/p'> %p;]>",
                        "&leaked;"),
                Arguments.of("external DTD", "<!DOCTYPE e SYSTEM '" + host + "/dtd'>", "MA=="),
                Arguments.of("local file", "<!DOCTYPE e [<!ENTITY x SYSTEM 'file:///etc/hostname'>]>", "&x;"),
                Arguments.of(
                        "entity expansion",
                        "<!DOCTYPE e [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>"
                                + "<!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'><!ENTITY d '&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;'>]>",
                        "&d;"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentTypeDeclarations")
    void documentTypeDeclarationIsRefusedAndNothingIsFetched(String name, String doctype, String envelopeText)
            throws Exception {
        String request = SoapMessages.inlineRequest(new byte[0])
                .replace(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype + "\n")
                .replace("<px:envelope></px:envelope>", "<px:envelope>" + envelopeText + "</px:envelope>");
        assertThat(request).contains(doctype, envelopeText);

        HttpResponse<String> response = pkMoi().postSoap(request);

        assertRefusedByTheEdge(response, "malformed-envelope");
        assertThat(response.body()).doesNotContain("fetched", "aaaaaaaaaa");
        assertThat(entityFetches).hasValue(0);
    }

    @Test
    void addressingReplyToIsIgnoredAndTheAnswerComesBackOnTheSameConnection() throws Exception {
        String replyTo = "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                + entityHost.getAddress().getPort() + "/reply";
        String addressing = """
                <soap:Header xmlns:wsa="http://www.w3.org/2005/08/addressing">
                  <wsa:Action>urn:pouch:exchange:v1:submit</wsa:Action>
                  <wsa:MessageID>urn:uuid:6b7c2f0e-3f1d-4d2a-9f55-1c3e8f0a2b4c</wsa:MessageID>
                  <wsa:ReplyTo><wsa:Address>%s</wsa:Address></wsa:ReplyTo>
                  <wsa:FaultTo><wsa:Address>%s</wsa:Address></wsa:FaultTo>
                </soap:Header>
                """.formatted(replyTo, replyTo);
        String request =
                SoapMessages.inlineRequest(new byte[] {0x30, 0x00}).replace("<soap:Body>", addressing + "<soap:Body>");

        HttpResponse<String> response = pkMoi().postSoap(request);

        // An engaged WS-Addressing layer would answer 202 here and post the response to ReplyTo: a
        // request forgery towards any address a partner names.
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(GatewayAnswer.ofSoap(response).accepted().exchangeId()).isEqualTo(RecordingIntake.EXCHANGE_ID);
        assertThat(entityFetches).hasValue(0);
    }

    @Test
    void xmlNestedPastTheDepthLimitIsRefused() throws Exception {
        String deep = "<x>".repeat(40) + "</x>".repeat(40);
        String request = SoapMessages.inlineRequest(new byte[] {0x30, 0x00})
                .replace("<soap:Body>", "<soap:Header>" + deep + "</soap:Header><soap:Body>");

        assertRefusedByTheEdge(pkMoi().postSoap(request), "malformed-envelope");
    }

    @Test
    void bodyThatIsNotXmlIsRefused() throws Exception {
        assertRefusedByTheEdge(pkMoi().postSoap("this is not XML"), "malformed-envelope");
    }

    @Test
    void inlineEnvelopeOverTheLimitIsTooLarge() throws Exception {
        byte[] envelope = SoapExchangeClientTest.randomBytes(MAX_ENVELOPE_BYTES + 1);

        assertRefusedByTheEdge(pkMoi().postSoap(SoapMessages.inlineRequest(envelope)), "too-large");
    }

    @Test
    void inlineEnvelopeAtTheLimitIsAccepted() throws Exception {
        byte[] envelope = SoapExchangeClientTest.randomBytes(MAX_ENVELOPE_BYTES);

        HttpResponse<String> response = pkMoi().postSoap(SoapMessages.inlineRequest(envelope));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(intake.submissions())
                .singleElement()
                .satisfies(submission ->
                        assertThat(RecordingIntake.bytes(submission)).isEqualTo(envelope));
    }

    @Test
    void mtomEnvelopeOverTheLimitIsTooLarge() throws Exception {
        byte[] envelope = SoapExchangeClientTest.randomBytes(MAX_ENVELOPE_BYTES + 1);

        assertRefusedByTheEdge(
                pkMoi().postSoap(SoapMessages.MTOM_CONTENT_TYPE, SoapMessages.mtomRequest(envelope)), "too-large");
    }

    @Test
    void inlineRequestFarOverTheLimitIsCutOffWhileReading() throws Exception {
        byte[] envelope = SoapExchangeClientTest.randomBytes(12 * MAX_ENVELOPE_BYTES);

        assertRefusedByTheEdge(pkMoi().postSoap(SoapMessages.inlineRequest(envelope)), "too-large");
    }

    @Test
    void mtomRequestFarOverTheLimitIsCutOffWhileReading() throws Exception {
        byte[] envelope = SoapExchangeClientTest.randomBytes(12 * MAX_ENVELOPE_BYTES);

        assertRefusedByTheEdge(
                pkMoi().postSoap(SoapMessages.MTOM_CONTENT_TYPE, SoapMessages.mtomRequest(envelope)), "too-large");
    }

    /** A Client fault with the code, reported to the intake as the edge's own refusal of PK-MOI's request. */
    private void assertRefusedByTheEdge(HttpResponse<String> response, String code) {
        GatewayAnswer.Rejected rejected = GatewayAnswer.ofSoap(response).rejected();
        assertThat(rejected.reason().code()).isEqualTo(code);
        assertThat(intake.submissions()).isEmpty();
        assertThat(intake.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.channel()).isEqualTo(Channel.SOAP);
            assertThat(refusal.refusal().reason()).isEqualTo(rejected.reason());
            assertThat(refusal.incidentId()).isEqualTo(rejected.incidentId());
            assertThat(refusal.client())
                    .contains(TestPki.shared().pki().tlsClient(TestPki.PK_MOI).certificate());
        });
    }
}
