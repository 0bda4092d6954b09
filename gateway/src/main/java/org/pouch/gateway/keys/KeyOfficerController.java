package org.pouch.gateway.keys;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.pouch.certificates.KeySuite;
import org.pouch.exchange.ParticipantId;
import org.pouch.gateway.access.ManagementApi;
import org.pouch.gateway.access.RequiresRole;
import org.pouch.gateway.access.StaffMember;
import org.pouch.gateway.access.StaffRole;
import org.pouch.keys.KeyPurpose;
import org.pouch.keys.KeyRingRefusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The security officers' API on the management port: the gateway's key rings and the partners'
 * certificate rings. Officers only; every step is audited by {@link KeyOffice} with the caller's name.
 * A refused step is a 409 problem detail whose {@code code} says why (see {@link KeyRingRefusal.Reason}).
 */
@ManagementApi
@RequiresRole(StaffRole.OFFICER)
class KeyOfficerController {

    private static final String PROBLEM_TYPE = "urn:pouch:management:keys:";

    record GenerateRequest(String purpose, String suite, String subject) {}

    record CertificateRequest(String certificate) {}

    record RetireRequest(Boolean early) {}

    record PartnerCertificateRequest(String purpose, String certificate) {}

    private final KeyOffice office;

    KeyOfficerController(KeyOffice office) {
        this.office = office;
    }

    @GetMapping("/api/v1/keys")
    List<KeyView> list(@RequestParam(required = false) String owner) {
        return office.list(Optional.ofNullable(owner).map(KeyOfficerController::participant));
    }

    @GetMapping("/api/v1/keys/{id}")
    KeyView find(@PathVariable String id) {
        return office.find(id);
    }

    @PostMapping("/api/v1/keys")
    ResponseEntity<KeyOffice.GeneratedKey> generate(@RequestBody GenerateRequest request, StaffMember caller) {
        if (request.purpose() == null) {
            throw new IllegalArgumentException(
                    "purpose is required: signing, encryption, tls-server or audit-checkpoint");
        }
        KeyOffice.GeneratedKey generated = office.generate(
                caller.name(),
                KeyPurpose.fromWireName(request.purpose()),
                KeySuite.fromShortName(request.suite() == null ? "ec" : request.suite()),
                Optional.ofNullable(request.subject()));
        return ResponseEntity.created(
                        URI.create("/api/v1/keys/" + generated.key().id()))
                .body(generated);
    }

    @GetMapping("/api/v1/keys/{id}/csr")
    java.util.Map<String, String> csr(@PathVariable String id) {
        return java.util.Map.of("key", id, "csr", office.csr(id));
    }

    @PostMapping("/api/v1/keys/{id}/certificate")
    KeyView importCertificate(@PathVariable String id, @RequestBody CertificateRequest request, StaffMember caller) {
        return office.importCertificate(caller.name(), id, required(request.certificate(), "certificate"));
    }

    @PostMapping("/api/v1/keys/{id}/promote")
    KeyOffice.Promotion promote(@PathVariable String id, StaffMember caller) {
        return office.promote(caller.name(), id);
    }

    @PostMapping("/api/v1/keys/{id}/retire")
    KeyView retire(@PathVariable String id, @RequestBody(required = false) RetireRequest request, StaffMember caller) {
        return office.retire(caller.name(), id, request != null && Boolean.TRUE.equals(request.early()));
    }

    @PostMapping("/api/v1/keys/{id}/destroy")
    KeyView destroy(@PathVariable String id, StaffMember caller) {
        return office.destroy(caller.name(), id);
    }

    @GetMapping("/api/v1/partners/{participant}/certificates")
    List<KeyView> partnerCertificates(@PathVariable String participant) {
        return office.list(Optional.of(participant(participant)));
    }

    @PostMapping("/api/v1/partners/{participant}/certificates")
    ResponseEntity<KeyView> register(
            @PathVariable String participant, @RequestBody PartnerCertificateRequest request, StaffMember caller) {
        KeyView registered = office.registerPartnerCertificate(
                caller.name(),
                participant(participant),
                KeyPurpose.fromWireName(required(request.purpose(), "purpose")),
                required(request.certificate(), "certificate"));
        return ResponseEntity.created(URI.create("/api/v1/keys/" + registered.id()))
                .body(registered);
    }

    @ExceptionHandler(KeyRingRefusal.class)
    ResponseEntity<ProblemDetail> refused(KeyRingRefusal refusal) {
        HttpStatus status =
                refusal.reason() == KeyRingRefusal.Reason.UNKNOWN_KEY ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
        return problem(status, refusal.reason().code(), refusal.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException bad) {
        return problem(HttpStatus.BAD_REQUEST, "bad-request", bad.getMessage());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(PROBLEM_TYPE + code));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private static ParticipantId participant(String value) {
        try {
            return ParticipantId.of(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not a participant id");
        }
    }
}
