package org.pouch.gateway.audittrail;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pouch.audit.AuditEntry;
import org.pouch.audit.AuditEventType;
import org.pouch.audit.AuditLog;
import org.pouch.audit.LogDamagedException;
import org.pouch.audit.checkpoint.Checkpoint;
import org.pouch.audit.checkpoint.SignedCheckpoint;
import org.pouch.audit.export.AuditExport;
import org.pouch.audit.merkle.ConsistencyProof;
import org.pouch.audit.merkle.InclusionProof;
import org.pouch.gateway.access.ManagementApi;
import org.pouch.gateway.access.RequiresRole;
import org.pouch.gateway.access.StaffRole;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The auditor's API on the management port: search, export, checkpoints and proofs. Read only: the one
 * write, signing a checkpoint on demand, adds a statement about the log and changes no entry. Hashes are
 * hex, signed checkpoints base64 DER; {@code docs/auditor-guide.md} shows each call.
 */
@ManagementApi
@RequiresRole(StaffRole.AUDITOR)
class AuditorController {

    static final String BASE = "/api/v1/audit";
    static final MediaType JSON_LINES = MediaType.parseMediaType("application/jsonl");
    private static final MediaType PKCS7 = MediaType.parseMediaType("application/pkcs7-mime");
    private static final int MAX_PAGE_SIZE = 500;
    private static final HexFormat HEX = HexFormat.of();

    private final JdbcAuditTrail trail;
    private final AuditLog log;

    AuditorController(JdbcAuditTrail trail, AuditLog log) {
        this.trail = trail;
        this.log = log;
    }

    @GetMapping(BASE + "/entries")
    Map<String, Object> search(
            @RequestParam Optional<Instant> since,
            @RequestParam Optional<Instant> until,
            @RequestParam Optional<String> participant,
            @RequestParam Optional<AuditEventType> type,
            @RequestParam Optional<String> status,
            @RequestParam Optional<String> exchangeId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw problem(HttpStatus.BAD_REQUEST, "bad-request", "page is 0 or more, size 1 to " + MAX_PAGE_SIZE);
        }
        List<AuditEntry> entries =
                trail.search(new AuditQuery(since, until, participant, type, status, exchangeId), page, size + 1);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("page", page);
        answer.put("size", size);
        answer.put("hasMore", entries.size() > size);
        answer.put(
                "entries",
                entries.stream().limit(size).map(AuditExport::entryJson).toList());
        return answer;
    }

    /** Entries {@code from} to {@code to} (default: the whole log) as JSON Lines with covering checkpoints. */
    @GetMapping(BASE + "/export")
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(defaultValue = "0") long from, @RequestParam Optional<Long> to) {
        long end = to.orElseGet(log::size);
        if (from < 0 || end < from || end > log.size()) {
            throw problem(HttpStatus.BAD_REQUEST, "bad-request", "the range must lie within 0.." + log.size());
        }
        // Sign now, before the answer starts, so that a damaged log is a 409 and not a broken stream.
        if (log.checkpointOfSize(end).isEmpty()
                && log.latestCheckpoint().map(c -> c.checkpoint().size() < end).orElse(true)) {
            checkpointOrConflict();
        }
        StreamingResponseBody body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            log.export(from, end, writer);
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(JSON_LINES)
                .header("Content-Disposition", "attachment; filename=\"audit-" + from + "-" + end + ".jsonl\"")
                .body(body);
    }

    @GetMapping(BASE + "/checkpoints/latest")
    Map<String, Object> latest() {
        return checkpointJson(log.latestCheckpoint().orElseThrow(() -> notFound("no checkpoint is signed yet")));
    }

    @GetMapping(BASE + "/checkpoints/{size}")
    Map<String, Object> ofSize(@PathVariable long size) {
        return checkpointJson(bySize(size));
    }

    /** The signed checkpoint alone, DER, for {@code pouch audit verify --previous-checkpoint} or OpenSSL. */
    @GetMapping(BASE + "/checkpoints/{size}/signed")
    ResponseEntity<byte[]> signedOfSize(@PathVariable long size) {
        return ResponseEntity.ok().contentType(PKCS7).body(bySize(size).signed());
    }

    @PostMapping(BASE + "/checkpoints")
    ResponseEntity<Map<String, Object>> checkpointNow() {
        SignedCheckpoint signed = checkpointOrConflict();
        return ResponseEntity.created(
                        URI.create(BASE + "/checkpoints/" + signed.checkpoint().size()))
                .body(checkpointJson(signed));
    }

    /** Inclusion of one entry, or of every entry of an exchange, in the log at a checkpoint's size. */
    @GetMapping(BASE + "/proofs/inclusion")
    Map<String, Object> inclusion(
            @RequestParam Optional<Long> index,
            @RequestParam Optional<String> exchangeId,
            @RequestParam Optional<Long> treeSize) {
        if (index.isPresent() == exchangeId.isPresent()) {
            throw problem(HttpStatus.BAD_REQUEST, "bad-request", "give either index or exchangeId");
        }
        long size = treeSize.orElseGet(this::latestSize);
        List<Long> indexes = index.map(List::of)
                .orElseGet(() -> trail.entriesOfExchange(exchangeId.get()).stream()
                        .map(AuditEntry::index)
                        .filter(i -> i < size)
                        .toList());
        if (indexes.isEmpty()) {
            throw notFound("no entry of that exchange is in the log of size " + size);
        }
        List<Map<String, Object>> proofs = indexes.stream()
                .map(i -> {
                    InclusionProof proof = proveInclusion(i, size);
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("index", proof.index());
                    json.put("leafHash", HEX.formatHex(proof.leafHash()));
                    json.put("path", proof.path().stream().map(HEX::formatHex).toList());
                    json.put("rootHash", HEX.formatHex(proof.rootHash()));
                    return json;
                })
                .toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("treeSize", size);
        answer.put("proofs", proofs);
        return answer;
    }

    @GetMapping(BASE + "/proofs/consistency")
    Map<String, Object> consistency(@RequestParam long from, @RequestParam Optional<Long> to) {
        long end = to.orElseGet(this::latestSize);
        ConsistencyProof proof;
        try {
            proof = log.proveConsistency(from, end);
        } catch (IllegalArgumentException e) {
            throw problem(HttpStatus.BAD_REQUEST, "bad-request", e.getMessage());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("fromSize", proof.fromSize());
        answer.put("toSize", proof.toSize());
        answer.put("fromRoot", HEX.formatHex(proof.fromRoot()));
        answer.put("toRoot", HEX.formatHex(proof.toRoot()));
        answer.put("path", proof.path().stream().map(HEX::formatHex).toList());
        return answer;
    }

    private InclusionProof proveInclusion(long index, long size) {
        try {
            return log.proveInclusion(index, size);
        } catch (IllegalArgumentException e) {
            throw problem(HttpStatus.BAD_REQUEST, "bad-request", e.getMessage());
        }
    }

    private long latestSize() {
        return log.latestCheckpoint()
                .map(signed -> signed.checkpoint().size())
                .orElseThrow(() -> notFound("no checkpoint is signed yet; give a tree size"));
    }

    private SignedCheckpoint bySize(long size) {
        return log.checkpointOfSize(size).orElseThrow(() -> notFound("no checkpoint of size " + size));
    }

    private SignedCheckpoint checkpointOrConflict() {
        try {
            return log.checkpoint();
        } catch (LogDamagedException e) {
            throw problem(HttpStatus.CONFLICT, "log-damaged", "The gateway will not sign this log: " + e.getMessage());
        }
    }

    private static Map<String, Object> checkpointJson(SignedCheckpoint signed) {
        Checkpoint checkpoint = signed.checkpoint();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("origin", checkpoint.origin());
        json.put("size", checkpoint.size());
        json.put("rootHash", checkpoint.rootHashHex());
        json.put("time", checkpoint.time().toString());
        json.put("text", new String(checkpoint.encode(), StandardCharsets.UTF_8));
        json.put("signed", Base64.getEncoder().encodeToString(signed.signed()));
        return json;
    }

    private static ErrorResponseException notFound(String detail) {
        return problem(HttpStatus.NOT_FOUND, "not-found", detail);
    }

    private static ErrorResponseException problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:pouch:management:" + type));
        return new ErrorResponseException(status, problem, null);
    }
}
