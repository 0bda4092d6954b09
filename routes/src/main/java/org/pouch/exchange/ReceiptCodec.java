package org.pouch.exchange;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON a receipt signature covers, version 1:
 *
 * <pre>{"version":1,"type":"receipt","gateway":…,"exchangeId":…,"messageId":…,"from":…,"to":…,
 * "envelopeSha256":…,"acceptedAt":…,"status":"accepted"}</pre>
 *
 * Written in that order without white space; read in any order.
 */
public final class ReceiptCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ReceiptCodec() {}

    public static byte[] encode(Receipt receipt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = MAPPER.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberProperty("version", 1);
            json.writeStringProperty("type", "receipt");
            json.writeStringProperty("gateway", receipt.gateway().value());
            json.writeStringProperty("exchangeId", receipt.exchangeId());
            json.writeStringProperty("messageId", receipt.messageId());
            json.writeStringProperty("from", receipt.from().value());
            json.writeStringProperty("to", receipt.to().value());
            json.writeStringProperty("envelopeSha256", receipt.envelopeSha256());
            json.writeStringProperty("acceptedAt", DateTimeFormatter.ISO_INSTANT.format(receipt.acceptedAt()));
            json.writeStringProperty("status", receipt.status().wire());
            json.writeEndObject();
        }
        return out.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not a version 1 receipt */
    public static Receipt decode(byte[] utf8) {
        try {
            JsonNode root = MAPPER.readTree(utf8);
            if (root == null
                    || !root.isObject()
                    || root.path("version").asInt() != 1
                    || !"receipt".equals(root.path("type").asString())) {
                throw new IllegalArgumentException("not a version 1 receipt");
            }
            return new Receipt(
                    ParticipantId.of(text(root, "gateway")),
                    text(root, "exchangeId"),
                    text(root, "messageId"),
                    ParticipantId.of(text(root, "from")),
                    ParticipantId.of(text(root, "to")),
                    text(root, "envelopeSha256"),
                    Instant.parse(text(root, "acceptedAt")),
                    Receipt.Status.fromWire(text(root, "status")));
        } catch (JacksonException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a well-formed receipt", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString()) {
            throw new IllegalArgumentException("receipt field " + field + " is missing");
        }
        return value.stringValue();
    }
}
