package org.pouch.gateway.rest;

import java.net.URI;
import org.pouch.exchange.RejectionReason;
import org.pouch.intake.IntakeOutcome;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Rejections as RFC 9457 problem details: the stable code, the incident id and whether a retry can
 * help, and a generic sentence. The detail stays in the gateway's log under the incident id.
 */
@Component
class RejectionProblems {

    static final String TYPE_PREFIX = "urn:pouch:rejection:";

    ResponseEntity<ProblemDetail> of(IntakeOutcome.Rejected rejected) {
        RejectionReason reason = rejected.reason();
        String incidentId = rejected.incidentId();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.valueOf(reason.httpStatus()),
                "The submission was rejected (" + reason.code() + "). Quote incident " + incidentId
                        + " to the gateway's operators.");
        problem.setType(URI.create(TYPE_PREFIX + reason.code()));
        problem.setTitle(title(reason));
        problem.setProperty("code", reason.code());
        problem.setProperty("incidentId", incidentId);
        problem.setProperty("retryable", reason.retryable());
        return ResponseEntity.status(reason.httpStatus()).body(problem);
    }

    private static String title(RejectionReason reason) {
        String words = reason.code().replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
