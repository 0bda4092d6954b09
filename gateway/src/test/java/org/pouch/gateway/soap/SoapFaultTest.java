package org.pouch.gateway.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pouch.exchange.RejectionReason;
import org.pouch.gateway.testing.GatewayAnswer;
import org.pouch.gateway.testing.PartnerClient;
import org.pouch.gateway.testing.RecordingIntake;
import org.pouch.gateway.testing.SoapMessages;
import org.pouch.intake.Channel;
import org.pouch.intake.IntakeOutcome;

/**
 * Rejections as they look on the wire: a SOAP 1.1 fault whose faultcode is the side of the reason, whose
 * fault string is generic, and whose detail carries the code, the incident id and whether a retry can help.
 * The intake is {@link RecordingIntake}; the tests check the edge's mapping, not the intake route.
 */
class SoapFaultTest extends SoapEdgeTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(RejectionReason.class)
    void rejectionIsAFaultOnTheSideOfItsReasonWithCodeAndIncident(RejectionReason reason) throws Exception {
        intake.answerWith(submission -> new IntakeOutcome.Rejected(reason, "incident-" + reason.code()));

        HttpResponse<String> response = pkMoi().postSoap(SoapMessages.inlineRequest(new byte[] {0x30, 0x00}));

        // Reading the answer checks the fault's side, its generic fault string and its retryable flag.
        assertThat(GatewayAnswer.ofSoap(response))
                .isEqualTo(new GatewayAnswer.Rejected(reason, "incident-" + reason.code()));
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/xml"));
    }

    @Test
    void intakeFailureIsAnInternalErrorOnTheServerSideWithoutItsMessage() throws Exception {
        intake.answerWith(submission -> {
            throw new IllegalStateException("connection to jdbc:h2:file:/var/pouch/ledger lost");
        });

        HttpResponse<String> response = pkMoi().postSoap(SoapMessages.inlineRequest(new byte[] {0x30, 0x00}));

        assertInternalErrorReportedAsARefusal(response);
        assertThat(response.body()).doesNotContain("jdbc", "ledger", "IllegalState");
    }

    @Test
    void failureInsideTheEdgeIsAnInternalErrorWithoutItsMessage() throws Exception {
        // Breaks the intake's contract, so that the edge itself fails after CXF has called it.
        intake.answerWith(submission -> null);

        HttpResponse<String> response = pkMoi().postSoap(SoapMessages.inlineRequest(new byte[] {0x30, 0x00}));

        assertInternalErrorReportedAsARefusal(response);
        assertThat(response.body()).doesNotContain("NullPointer", "submit(");
    }

    private void assertInternalErrorReportedAsARefusal(HttpResponse<String> response) {
        GatewayAnswer.Rejected rejected = GatewayAnswer.ofSoap(response).rejected();
        assertThat(rejected.reason()).isEqualTo(RejectionReason.INTERNAL_ERROR);
        assertThat(intake.refusals())
                .singleElement()
                .satisfies(refusal -> assertThat(refusal.incidentId()).isEqualTo(rejected.incidentId()));
    }

    @Test
    void requestWithoutClientCertificateIsRefusedAndReportedAsAnAnonymousRefusal() throws Exception {
        HttpResponse<String> response =
                PartnerClient.anonymous(port).postSoap(SoapMessages.inlineRequest(new byte[] {0x30, 0x00}));

        GatewayAnswer.Rejected rejected = GatewayAnswer.ofSoap(response).rejected();
        assertThat(rejected.reason()).isEqualTo(RejectionReason.CLIENT_NOT_SIGNER);
        assertThat(intake.submissions()).isEmpty();
        assertThat(intake.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.channel()).isEqualTo(Channel.SOAP);
            assertThat(refusal.client()).isEmpty();
            assertThat(refusal.incidentId()).isEqualTo(rejected.incidentId());
        });
    }
}
