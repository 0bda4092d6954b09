package org.pouch.gateway.access;

import java.net.URI;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of a {@link ManagementApi} as an RFC 9457 problem detail: Spring MVC's own (bad
 * parameters, unknown media types, {@code ErrorResponseException}s the handlers throw) as Spring writes
 * them, a refusal as 403, and anything unexpected as a 500 that names an incident id and nothing else.
 */
@RestControllerAdvice(annotations = ManagementApi.class)
class ManagementProblems extends ResponseEntityExceptionHandler {

    static final String TYPE_PREFIX = "urn:pouch:management:";
    private static final Logger LOG = LoggerFactory.getLogger(ManagementProblems.class);

    @ExceptionHandler(AccessRefusedException.class)
    ResponseEntity<ProblemDetail> refused(AccessRefusedException refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, refused.getMessage());
        problem.setType(URI.create(TYPE_PREFIX + "forbidden"));
        problem.setTitle("Forbidden");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure) {
        String incidentId = UUID.randomUUID().toString();
        LOG.error("management request failed, incident {}", incidentId, failure);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "The operation failed. Quote incident " + incidentId + " to the gateway's operators.");
        problem.setType(URI.create(TYPE_PREFIX + "internal-error"));
        problem.setTitle("Internal error");
        problem.setProperty("incidentId", incidentId);
        return ResponseEntity.internalServerError().body(problem);
    }
}
