package org.pouch.gateway.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pouch.exchange.RejectionReason;
import org.pouch.intake.IntakeOutcome;
import org.w3c.dom.Document;

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

        HttpResponse<String> response = postXmlAsPkMoi(inlineRequest(new byte[] {0x30, 0x00}));

        assertThat(response.statusCode()).isEqualTo(500);
        Document fault = SoapMessages.parse(response.body());
        assertThat(SoapMessages.localPart(SoapMessages.text(fault, "faultcode")))
                .isEqualTo(reason.faultSide() == RejectionReason.FaultSide.SENDER ? "Client" : "Server");
        assertThat(SoapMessages.text(fault, "faultstring"))
                .isEqualTo("Rejected: " + reason.code() + ". Quote incident incident-" + reason.code()
                        + " to the gateway operators.");
        assertThat(SoapMessages.text(fault, "code")).isEqualTo(reason.code());
        assertThat(SoapMessages.text(fault, "incidentId")).isEqualTo("incident-" + reason.code());
        assertThat(SoapMessages.text(fault, "retryable")).isEqualTo(Boolean.toString(reason.retryable()));
    }

    @Test
    void faultNamesNoJavaClassAndCarriesNoStackTrace() throws Exception {
        intake.answerWith(submission -> new IntakeOutcome.Rejected(RejectionReason.SIGNATURE_INVALID, "incident-1"));

        HttpResponse<String> response = postXmlAsPkMoi(inlineRequest(new byte[] {0x30, 0x00}));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/xml"));
        assertNothingInternal(response.body());
    }

    @Test
    void intakeFailureIsAnInternalErrorOnTheServerSideWithoutItsMessage() throws Exception {
        intake.answerWith(submission -> {
            throw new IllegalStateException("connection to jdbc:h2:file:/var/pouch/ledger lost");
        });

        HttpResponse<String> response = postXmlAsPkMoi(inlineRequest(new byte[] {0x30, 0x00}));

        assertThat(response.statusCode()).isEqualTo(500);
        Document fault = SoapMessages.parse(response.body());
        assertThat(SoapMessages.localPart(SoapMessages.text(fault, "faultcode")))
                .isEqualTo("Server");
        assertThat(SoapMessages.text(fault, "code")).isEqualTo("internal-error");
        assertThat(SoapMessages.text(fault, "retryable")).isEqualTo("true");
        assertThat(SoapMessages.text(fault, "incidentId")).isNotBlank();
        assertThat(response.body()).doesNotContain("jdbc", "ledger", "IllegalState");
        assertNothingInternal(response.body());
    }

    @Test
    void failureInsideTheEdgeIsAnInternalErrorWithoutItsMessage() throws Exception {
        // Breaks the intake's contract, so that the edge itself fails after CXF has called it.
        intake.answerWith(submission -> null);

        HttpResponse<String> response = postXmlAsPkMoi(inlineRequest(new byte[] {0x30, 0x00}));

        assertThat(response.statusCode()).isEqualTo(500);
        Document fault = SoapMessages.parse(response.body());
        assertThat(SoapMessages.localPart(SoapMessages.text(fault, "faultcode")))
                .isEqualTo("Server");
        assertThat(SoapMessages.text(fault, "code")).isEqualTo("internal-error");
        assertThat(response.body()).doesNotContain("NullPointer", "submit(");
        assertNothingInternal(response.body());
    }

    @Test
    void requestWithoutClientCertificateIsRefusedBeforeTheIntake() throws Exception {
        HttpResponse<String> response = post(
                PartnerTls.httpClient(PartnerTls.anonymous()),
                "text/xml; charset=utf-8",
                inlineRequest(new byte[] {0x30, 0x00}).getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(500);
        Document fault = SoapMessages.parse(response.body());
        assertThat(SoapMessages.localPart(SoapMessages.text(fault, "faultcode")))
                .isEqualTo("Client");
        assertThat(SoapMessages.text(fault, "code")).isEqualTo("client-not-signer");
        assertThat(SoapMessages.text(fault, "incidentId")).isNotBlank();
        assertThat(intake.submissions()).isEmpty();
    }

    /** Java on the wire tells an attacker what runs here and where it broke. */
    static void assertNothingInternal(String body) {
        assertThat(body)
                .doesNotContain("Exception", "SubmitFault", "org.pouch", "org.apache", "java.", "\tat ", "stackTrace");
    }
}
