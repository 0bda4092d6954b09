package org.pouch.audit.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.pouch.audit.AuditEntry;
import org.pouch.audit.AuditEvent;
import org.pouch.audit.AuditEventType;
import org.pouch.audit.checkpoint.SignedCheckpoint;
import org.pouch.exchange.ParticipantId;
import org.pouch.exchange.RejectionReason;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The lines of an export, JSON Lines (one JSON object per line, UTF-8), as {@code docs/audit-log.md}
 * specifies them: a header, the signed checkpoints, then the entries in index order. The JSON is for
 * reading; what is verified is always the entry's binary encoding, rebuilt from these fields.
 *
 * <pre>
 * {"kind":"export","format":"pouch-audit-export/v1","origin":"PK-GW/audit","from":0,"to":12}
 * {"kind":"checkpoint","size":12,"signed":"MIAGCSqGSIb3DQEHAqCAMIAC..."}
 * {"kind":"entry","index":0,"time":"2026-11-27T18:40:00.123456Z","type":"RECEIVED",...,"leafHash":"..."}
 * </pre>
 */
public final class AuditExport {

    public static final String FORMAT = "pouch-audit-export/v1";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HexFormat HEX = HexFormat.of();

    private AuditExport() {}

    /** The first line: what the export holds, entries {@code from} (inclusive) to {@code to} (exclusive). */
    public record Header(String origin, long from, long to) {}

    /**
     * An entry line: the entry, the leaf hash the gateway recorded when it was appended and, when the
     * export does not hold the whole log up to its checkpoint, the entry's inclusion proof in it.
     */
    public record EntryLine(AuditEntry entry, byte[] recordedLeafHash, List<byte[]> inclusionProof) {

        public EntryLine {
            recordedLeafHash = recordedLeafHash.clone();
            inclusionProof = List.copyOf(inclusionProof);
        }
    }

    public static String header(Header header) {
        ObjectNode line = JSON.createObjectNode();
        line.put("kind", "export");
        line.put("format", FORMAT);
        line.put("origin", header.origin());
        line.put("from", header.from());
        line.put("to", header.to());
        return JSON.writeValueAsString(line);
    }

    public static String checkpoint(SignedCheckpoint checkpoint) {
        ObjectNode line = JSON.createObjectNode();
        line.put("kind", "checkpoint");
        line.put("size", checkpoint.checkpoint().size());
        line.put("signed", Base64.getEncoder().encodeToString(checkpoint.signed()));
        return JSON.writeValueAsString(line);
    }

    public static String entry(EntryLine entryLine) {
        ObjectNode line = JSON.createObjectNode();
        line.put("kind", "entry");
        line.setAll(entryJson(entryLine.entry()));
        line.put("leafHash", HEX.formatHex(entryLine.recordedLeafHash()));
        if (!entryLine.inclusionProof().isEmpty()) {
            ArrayNode proof = line.putArray("inclusionProof");
            entryLine.inclusionProof().forEach(hash -> proof.add(HEX.formatHex(hash)));
        }
        return JSON.writeValueAsString(line);
    }

    /** An entry's fields as JSON, absent fields left out; also the form the auditor API answers with. */
    public static ObjectNode entryJson(AuditEntry entry) {
        AuditEvent event = entry.event();
        ObjectNode json = JSON.createObjectNode();
        json.put("index", entry.index());
        json.put("time", event.at().toString());
        json.put("type", event.type().name());
        json.put("step", event.step());
        json.put("actor", event.actor());
        event.exchangeId().ifPresent(value -> json.put("exchangeId", value));
        event.messageId().ifPresent(value -> json.put("messageId", value));
        event.sender().ifPresent(value -> json.put("sender", value.value()));
        event.recipient().ifPresent(value -> json.put("recipient", value.value()));
        event.messageType().ifPresent(value -> json.put("messageType", value));
        event.envelopeSha256().ifPresent(value -> json.put("envelopeSha256", value));
        event.reason().ifPresent(value -> json.put("reason", value.code()));
        event.incidentId().ifPresent(value -> json.put("incidentId", value));
        ObjectNode details = json.putObject("details");
        new java.util.TreeMap<>(event.details()).forEach(details::put);
        return json;
    }

    /** What one line holds. */
    public sealed interface Line {
        record HeaderLine(Header header) implements Line {}

        record CheckpointLine(long size, byte[] signed) implements Line {}

        record Entry(EntryLine line) implements Line {}
    }

    /**
     * Reads one line.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static Line parse(String text) {
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String kind = text(json, "kind");
        return switch (kind) {
            case "export" -> {
                if (!FORMAT.equals(text(json, "format"))) {
                    throw new IllegalArgumentException("the format is not " + FORMAT);
                }
                yield new Line.HeaderLine(new Header(text(json, "origin"), number(json, "from"), number(json, "to")));
            }
            case "checkpoint" -> new Line.CheckpointLine(number(json, "size"), base64(text(json, "signed")));
            case "entry" -> new Line.Entry(entryLine(json));
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
    }

    private static EntryLine entryLine(JsonNode json) {
        AuditEvent event = new AuditEvent(
                instant(text(json, "time")),
                enumValue(json, "type"),
                text(json, "step"),
                text(json, "actor"),
                optional(json, "exchangeId", Function.identity()),
                optional(json, "messageId", Function.identity()),
                optional(json, "sender", ParticipantId::of),
                optional(json, "recipient", ParticipantId::of),
                optional(json, "messageType", Function.identity()),
                optional(json, "envelopeSha256", Function.identity()),
                optional(json, "reason", RejectionReason::fromCode),
                optional(json, "incidentId", Function.identity()),
                details(json.get("details")));
        List<byte[]> proof = new ArrayList<>();
        JsonNode proofJson = json.get("inclusionProof");
        if (proofJson != null) {
            if (!proofJson.isArray()) {
                throw new IllegalArgumentException("inclusionProof is not an array");
            }
            for (JsonNode hash : proofJson) {
                proof.add(hex(hash.isString() ? hash.asString() : ""));
            }
        }
        return new EntryLine(new AuditEntry(number(json, "index"), event), hex(text(json, "leafHash")), proof);
    }

    private static Map<String, String> details(JsonNode json) {
        if (json == null) {
            throw new IllegalArgumentException("details are missing");
        }
        if (!json.isObject()) {
            throw new IllegalArgumentException("details are not an object");
        }
        Map<String, String> details = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> detail : json.properties()) {
            if (!detail.getValue().isString()) {
                throw new IllegalArgumentException("detail " + detail.getKey() + " is not a string");
            }
            details.put(detail.getKey(), detail.getValue().asString());
        }
        return details;
    }

    private static AuditEventType enumValue(JsonNode json, String field) {
        String name = text(json, field);
        try {
            return AuditEventType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown " + field + " " + name);
        }
    }

    private static <T> Optional<T> optional(JsonNode json, String field, Function<String, T> parse) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw new IllegalArgumentException(field + " is not a string");
        }
        return Optional.of(parse.apply(value.asString()));
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isString()) {
            throw new IllegalArgumentException(field + " is missing or not a string");
        }
        return value.asString();
    }

    private static long number(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException(field + " is missing or not a whole number");
        }
        return value.asLong();
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("time does not parse: " + text);
        }
    }

    private static byte[] hex(String text) {
        try {
            return HEX.parseHex(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not hexadecimal: " + text);
        }
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64");
        }
    }
}
