package org.pouch.gateway.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pouch.exchange.RejectionReason;
import org.pouch.gateway.soap.wsdl.SubmitFault;
import org.pouch.gateway.soap.wsdl.SubmitResponse;
import org.pouch.gateway.testing.PartnerClient;
import org.pouch.gateway.testing.RecordingIntake;
import org.pouch.gateway.testing.SoapMessages;
import org.pouch.gateway.testing.WsdlClient;
import org.pouch.intake.Channel;
import org.pouch.intake.IntakeOutcome;
import org.pouch.intake.Submission;
import org.pouch.testing.TestPki;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The contract as a partner meets it: the WSDL the gateway serves, and a JAX-WS client built from that
 * WSDL at run time. The intake is {@link RecordingIntake}: these tests check what the edge hands over and
 * how it answers, not the intake route.
 */
class SoapExchangeClientTest extends SoapEdgeTest {

    private static final String WSDL_NS = "http://schemas.xmlsoap.org/wsdl/";
    private static final String WSDL_SOAP_NS = "http://schemas.xmlsoap.org/wsdl/soap/";

    @Test
    void servedWsdlIsTheWrittenContractWithTheSubmitOperationAtThisAddress() throws Exception {
        HttpResponse<String> response = pkMoi().get(PartnerClient.SOAP_PATH + "?wsdl");

        assertThat(response.statusCode()).isEqualTo(200);
        Document wsdl = SoapMessages.xml(response.body());
        Element portType =
                (Element) wsdl.getElementsByTagNameNS(WSDL_NS, "portType").item(0);
        assertThat(portType.getAttribute("name")).isEqualTo("PouchExchange");
        Element operation =
                (Element) portType.getElementsByTagNameNS(WSDL_NS, "operation").item(0);
        assertThat(operation.getAttribute("name")).isEqualTo("submit");
        Element address =
                (Element) wsdl.getElementsByTagNameNS(WSDL_SOAP_NS, "address").item(0);
        assertThat(address.getAttribute("location")).isEqualTo(endpoint().toString());
        // The hand-written document, documentation included, not one CXF derived from the classes.
        assertThat(response.body()).contains("The sealed envelope, its DER bytes exactly as sealed");
    }

    @Test
    void servletListsNoServices() throws Exception {
        HttpResponse<String> response = pkMoi().get("/soap/");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("PouchExchange", "exchange");
    }

    @Test
    void clientFromTheServedWsdlSubmitsOverMtomAndGetsTheReceipt() throws Exception {
        byte[] envelope = randomBytes(20_000);

        SubmitResponse response;
        String responseType;
        try (WsdlClient client = wsdlClient()) {
            response = client.submit(envelope);
            responseType = client.lastResponseContentType();
        }

        assertThat(response.getExchangeId()).isEqualTo(RecordingIntake.EXCHANGE_ID);
        assertThat(response.getReceipt().getInputStream().readAllBytes()).isEqualTo(RecordingIntake.RECEIPT);
        assertThat(response.isRepeated()).isFalse();
        assertThat(responseType).startsWith("multipart/related").contains("application/xop+xml");
        assertThat(intake.submissions()).singleElement().satisfies(submission -> {
            assertThat(RecordingIntake.bytes(submission)).isEqualTo(envelope);
            assertThat(submission.channel()).isEqualTo(Channel.SOAP);
            assertThat(submission.tlsClientCertificate())
                    .isEqualTo(TestPki.shared().pki().tlsClient(TestPki.PK_MOI).certificate());
        });
    }

    @Test
    void clientSeesARepeatedSubmissionAsRepeated() throws Exception {
        intake.answerWith(submission -> new IntakeOutcome.Accepted("first-exchange", new byte[] {1, 2, 3}, true));

        SubmitResponse response;
        try (WsdlClient client = wsdlClient()) {
            response = client.submit(randomBytes(100));
        }

        assertThat(response.getExchangeId()).isEqualTo("first-exchange");
        assertThat(response.isRepeated()).isTrue();
    }

    @Test
    void clientSeesARejectionAsTheDeclaredFault() throws Exception {
        intake.answerWith(submission -> new IntakeOutcome.Rejected(RejectionReason.REPLAY, "incident-7"));

        try (WsdlClient client = wsdlClient()) {
            assertThatExceptionOfType(SubmitFault.class)
                    .isThrownBy(() -> client.submit(randomBytes(100)))
                    .satisfies(fault -> {
                        assertThat(fault.getFaultInfo().getCode()).isEqualTo("replay");
                        assertThat(fault.getFaultInfo().getIncidentId()).isEqualTo("incident-7");
                        assertThat(fault.getFaultInfo().isRetryable()).isFalse();
                        assertThat(fault.getMessage())
                                .isEqualTo("Rejected: replay. Quote incident incident-7 to the gateway operators.");
                    });
        }
        assertThat(intake.submissions()).extracting(Submission::channel).containsExactly(Channel.SOAP);
    }

    private WsdlClient wsdlClient() {
        return WsdlClient.fromServedWsdl(
                URI.create(endpoint() + "?wsdl"), TestPki.shared().pki().tlsClient(TestPki.PK_MOI));
    }

    static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }
}
