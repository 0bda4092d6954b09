package org.pouch.gateway.overstay;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.pouch.exchange.ParticipantId;
import org.pouch.partners.ParticipantDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/overstays} on the partner port: which pilgrims of the lists the calling participant
 * sent have overstayed, as of a date ({@code asOf}, default today at the gateway, UTC), for one group
 * ({@code group}) or all, a page at a time ({@code page} from 0, {@code size}). The caller is the
 * participant its TLS client certificate belongs to, as for submissions; it only ever sees its own lists.
 * Bad input is RFC 9457 problem details naming the parameter, with an incident id; every question and
 * every refusal is audited.
 */
@RestController
class OverstayController {

    static final String PATH = "/api/v1/overstays";
    static final String PROBLEM_PREFIX = "urn:pouch:overstay:";
    static final int DEFAULT_PAGE_SIZE = 100;

    /** As the pilgrim-list schema allows a group reference: 1 to 200 characters, no control characters. */
    private static final Pattern GROUP = Pattern.compile("[^\\p{Cntrl}]{1,200}");

    private static final Pattern PAGE = Pattern.compile("[0-9]{1,6}");

    private final OverstayAnswers answers;
    private final ParticipantDirectory directory;
    private final int maxPageSize;

    OverstayController(OverstayAnswers answers, ParticipantDirectory directory, OverstayProperties properties) {
        this.answers = answers;
        this.directory = directory;
        this.maxPageSize = properties.maxPageSize();
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> overstays(
            HttpServletRequest request,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String group,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        X509Certificate[] chain = (X509Certificate[]) request.getAttribute("jakarta.servlet.request.X509Certificate");
        Optional<ParticipantId> caller =
                chain == null || chain.length == 0 ? Optional.empty() : directory.participantAuthenticatedBy(chain[0]);
        if (caller.isEmpty()) {
            return problem(
                    HttpStatus.FORBIDDEN,
                    "not-a-participant",
                    "Only a participant's system may ask, with its TLS client certificate.",
                    null,
                    actor(chain));
        }
        String actor = caller.get().value();
        LocalDate date;
        try {
            date = asOf == null ? answers.today() : LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            return badQuery("asOf", "a date, yyyy-mm-dd", actor);
        }
        if (group != null && !GROUP.matcher(group).matches()) {
            return badQuery("group", "a group reference of 1 to 200 characters", actor);
        }
        if (page != null && !PAGE.matcher(page).matches()) {
            return badQuery("page", "a page number from 0", actor);
        }
        int pageSize = Math.min(DEFAULT_PAGE_SIZE, maxPageSize);
        if (size != null) {
            if (!PAGE.matcher(size).matches() || Integer.parseInt(size) < 1 || Integer.parseInt(size) > maxPageSize) {
                return badQuery("size", "a page size from 1 to " + maxPageSize, actor);
            }
            pageSize = Integer.parseInt(size);
        }
        return ResponseEntity.ok(answers.answer(
                caller.get(), date, Optional.ofNullable(group), page == null ? 0 : Integer.parseInt(page), pageSize));
    }

    private ResponseEntity<ProblemDetail> badQuery(String parameter, String expected, String actor) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "bad-query",
                "The parameter " + parameter + " must be " + expected + ".",
                parameter,
                actor);
    }

    /** Problem details in the style of the intake's rejections: a stable code and an incident id, audited. */
    private ResponseEntity<ProblemDetail> problem(
            HttpStatus status, String code, String detail, String parameter, String actor) {
        String incidentId = UUID.randomUUID().toString();
        answers.auditRefused(actor, incidentId, code, parameter);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(PROBLEM_PREFIX + code));
        problem.setTitle(code.equals("bad-query") ? "Bad query" : "Not a participant");
        problem.setProperty("code", code);
        problem.setProperty("incidentId", incidentId);
        if (parameter != null) {
            problem.setProperty("parameter", parameter);
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The audit log's actor for a caller that is no participant: its certificate's subject, cut short. */
    private static String actor(X509Certificate[] chain) {
        String actor = chain == null || chain.length == 0
                ? "anonymous client"
                : "unregistered client " + chain[0].getSubjectX500Principal().getName();
        return actor.length() <= 128 ? actor : actor.substring(0, 127) + "…";
    }
}
