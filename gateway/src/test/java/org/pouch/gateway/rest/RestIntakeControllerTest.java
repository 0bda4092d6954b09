package org.pouch.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pouch.exchange.RejectionReason;
import org.pouch.gateway.PouchProperties;
import org.pouch.gateway.testing.RecordingIntake;
import org.pouch.intake.Channel;
import org.pouch.testing.TestPki;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

/**
 * The REST edge's own refusal, which the running gateway cannot show: its partner port never lets a
 * request without a client certificate through the handshake. The intake is {@link RecordingIntake}.
 */
class RestIntakeControllerTest {

    private final RecordingIntake intake = new RecordingIntake();
    private final RestIntakeController controller = new RestIntakeController(
            intake,
            new RejectionProblems(),
            new PouchProperties(TestPki.GATEWAY, Duration.ofMinutes(10), DataSize.ofKilobytes(64)));

    @Test
    void aSubmissionWithoutAClientCertificateIsRefusedAndReportedToTheIntake() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", RestIntakeController.PATH);
        request.setContentType("application/pkcs7-mime");
        request.setContent(new byte[] {0x30, 0x00});

        ResponseEntity<?> response = controller.submit(request);

        assertThat(response.getStatusCode().value()).isEqualTo(403);
        ProblemDetail problem = (ProblemDetail) response.getBody();
        assertThat(problem.getProperties()).containsEntry("code", "client-not-signer");
        assertThat(intake.submissions()).isEmpty();
        assertThat(intake.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.channel()).isEqualTo(Channel.REST);
            assertThat(refusal.client()).isEmpty();
            assertThat(refusal.refusal().reason()).isEqualTo(RejectionReason.CLIENT_NOT_SIGNER);
            assertThat(problem.getProperties()).containsEntry("incidentId", refusal.incidentId());
        });
    }
}
