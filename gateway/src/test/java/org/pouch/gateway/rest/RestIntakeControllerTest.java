package org.pouch.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pouch.exchange.RejectionReason;
import org.pouch.gateway.PouchProperties;
import org.pouch.gateway.testing.RecordingIntake;
import org.pouch.intake.Channel;
import org.pouch.intake.IntakeOutcome;
import org.pouch.intake.Submission;
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

    @AfterEach
    void deleteTheCopies() {
        intake.reset();
    }

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

    @Test
    void aLargeBodyIsHandedOverSpooledToDiskHashedAndDeletedOnceTheIntakeHasAnswered() throws Exception {
        RestIntakeController roomy = new RestIntakeController(
                intake,
                new RejectionProblems(),
                new PouchProperties(TestPki.GATEWAY, Duration.ofMinutes(10), DataSize.ofMegabytes(8)));
        byte[] body = new byte[3 * 1024 * 1024 + 5];
        new Random(8).nextBytes(body);
        String sha256 = HexFormat.of().formatHex(sha256(body));
        List<Submission> handedOver = new ArrayList<>();
        intake.answerWith(submission -> {
            handedOver.add(submission);
            assertThat(submission.envelope().onDisk()).isTrue();
            assertThat(submission.envelopeSha256()).isEqualTo(sha256);
            return new IntakeOutcome.Accepted(RecordingIntake.EXCHANGE_ID, RecordingIntake.RECEIPT, false);
        });

        ResponseEntity<?> response = roomy.submit(withClientCertificate(body));

        assertThat(response.getStatusCode().value()).isEqualTo(202);
        assertThat(RecordingIntake.bytes(intake.submissions().get(0))).isEqualTo(body);
        assertThat(handedOver)
                .singleElement()
                .satisfies(submission -> assertThatIllegalStateException()
                        .isThrownBy(() -> submission.envelope().openStream())
                        .withMessageContaining("closed"));
    }

    @Test
    void aBodyPastTheLimitIsHandedOverOnlyOneBytePastIt() throws Exception {
        byte[] body = new byte[(int) DataSize.ofKilobytes(64).toBytes() + 1_000];

        controller.submit(withClientCertificate(body));

        assertThat(intake.submissions())
                .singleElement()
                .satisfies(submission -> assertThat(submission.envelope().size())
                        .isEqualTo(DataSize.ofKilobytes(64).toBytes() + 1));
    }

    private static MockHttpServletRequest withClientCertificate(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", RestIntakeController.PATH);
        request.setContentType("application/pkcs7-mime");
        request.setContent(body);
        request.setAttribute("jakarta.servlet.request.X509Certificate", new X509Certificate[] {
            TestPki.shared().pki().tlsClient(TestPki.PK_MOI).certificate()
        });
        return request;
    }

    private static byte[] sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }
}
