package org.pouch.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.Header;
import org.pouch.exchange.ParticipantId;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;

/** Small exchange documents for tests, each with a fresh message id. */
public final class TestDocuments {

    /** Compact, as the canonical document form carries a JSON payload, so documents compare equal after a round trip. */
    private static final byte[] VALID_PILGRIM_LIST = compact(resource("/formats/pilgrim-list/valid.json"));

    private TestDocuments() {}

    /** A pilgrim list that passes its schema and business rules, as {@code formats/pilgrim-list/valid.json}. */
    public static ExchangeDocument json(ParticipantId from, ParticipantId to) {
        return document(from, to, Payload.of(PayloadType.JSON, VALID_PILGRIM_LIST));
    }

    public static ExchangeDocument document(ParticipantId from, ParticipantId to, Payload payload) {
        return document(from, to, Instant.now(), payload);
    }

    /** A document of any type, at schema version 1.0, created now. */
    public static ExchangeDocument document(ParticipantId from, ParticipantId to, String type, Payload payload) {
        return document(from, to, type, Instant.now(), payload);
    }

    /** A small JSON document created at the given time, for the tests of the creation-time window. */
    public static ExchangeDocument createdAt(ParticipantId from, ParticipantId to, Instant createdAt) {
        return document(from, to, createdAt, Payload.of(PayloadType.JSON, "{}"));
    }

    private static ExchangeDocument document(ParticipantId from, ParticipantId to, Instant createdAt, Payload payload) {
        return document(from, to, "pilgrim-list", createdAt, payload);
    }

    private static ExchangeDocument document(
            ParticipantId from, ParticipantId to, String type, Instant createdAt, Payload payload) {
        return new ExchangeDocument(
                new Header(
                        UUID.randomUUID().toString(), type, "1.0", from, to, createdAt.truncatedTo(ChronoUnit.MILLIS)),
                payload);
    }

    private static byte[] compact(byte[] json) {
        tools.jackson.databind.json.JsonMapper mapper =
                tools.jackson.databind.json.JsonMapper.builder().build();
        return mapper.writeValueAsBytes(mapper.readTree(json));
    }

    private static byte[] resource(String name) {
        try (java.io.InputStream in = TestDocuments.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing");
            }
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A JSON document whose payload is about {@code bytes} long. */
    public static ExchangeDocument ofSize(ParticipantId from, ParticipantId to, int bytes) {
        StringBuilder pilgrims = new StringBuilder();
        int i = 0;
        while (pilgrims.length() < bytes) {
            if (i > 0) {
                pilgrims.append(',');
            }
            pilgrims.append("{\"surname\":\"Khan\",\"givenNames\":\"Ayesha\",\"passport\":\"AB")
                    .append(String.format("%07d", i++))
                    .append("\",\"nationality\":\"PAK\",\"dateOfBirth\":\"1980-01-01\"}");
        }
        return document(from, to, Payload.of(PayloadType.JSON, "{\"pilgrims\":[" + pilgrims + "]}"));
    }
}
