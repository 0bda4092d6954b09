package org.pouch.gateway.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;
import org.pouch.gateway.PouchProperties;
import org.pouch.intake.Channel;
import org.pouch.intake.Intake;
import org.pouch.intake.IntakeOutcome;
import org.pouch.intake.Submission;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST edge: {@code POST} a DER envelope as {@code application/pkcs7-mime}; get {@code 202} with
 * the gateway's signed receipt, or RFC 9457 problem details with the rejection code and an incident id.
 */
@RestController
class RestIntakeController {

    static final String PATH = "/api/v1/envelopes";
    static final MediaType PKCS7_MIME = MediaType.parseMediaType("application/pkcs7-mime");
    static final String EXCHANGE_ID_HEADER = "Pouch-Exchange-Id";
    static final String REPEATED_HEADER = "Pouch-Repeated";

    private final Intake intake;
    private final RejectionProblems problems;
    private final long maxEnvelopeBytes;

    RestIntakeController(Intake intake, RejectionProblems problems, PouchProperties properties) {
        this.intake = intake;
        this.problems = problems;
        this.maxEnvelopeBytes = properties.maxEnvelopeSize().toBytes();
    }

    @PostMapping(path = PATH, consumes = "application/pkcs7-mime")
    ResponseEntity<?> submit(HttpServletRequest request) throws IOException {
        X509Certificate[] chain = (X509Certificate[]) request.getAttribute("jakarta.servlet.request.X509Certificate");
        if (chain == null || chain.length == 0) {
            // The partner port demands a client certificate; checked again so that a listener configured
            // without client authentication refuses submissions (audited) instead of taking anonymous ones.
            return problems.of(intake.refuse(
                    Channel.REST,
                    Optional.empty(),
                    new RejectedException(RejectionReason.CLIENT_NOT_SIGNER, "no TLS client certificate")));
        }
        IntakeOutcome outcome;
        // The body is spooled past 1 MiB (it is ciphertext already) and the spool deleted once the intake
        // has answered, whatever the answer.
        try (Submission submission = readBounded(request, chain[0])) {
            outcome = intake.submit(submission);
        }
        if (outcome instanceof IntakeOutcome.Accepted accepted) {
            return ResponseEntity.accepted()
                    .contentType(PKCS7_MIME)
                    .header(EXCHANGE_ID_HEADER, accepted.exchangeId())
                    .header(REPEATED_HEADER, Boolean.toString(accepted.repeated()))
                    .body(accepted.receipt());
        }
        return problems.of((IntakeOutcome.Rejected) outcome);
    }

    /**
     * Reads at most one byte past the limit: enough for the intake to refuse an oversized envelope as
     * {@code too-large} (and audit it), without taking an arbitrarily large body.
     */
    private Submission readBounded(HttpServletRequest request, X509Certificate client) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return Submission.read(in, maxEnvelopeBytes, Channel.REST, client);
        }
    }
}
