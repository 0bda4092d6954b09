package org.pouch.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExchangeDocumentCodecTest {

    private static final Header HEADER = new Header(
            "7d1c6a52-6b9e-4d0e-9a3e-2f1f4c1e8b11",
            "pilgrim-list",
            "1.0",
            ParticipantId.of("PK-MOI"),
            ParticipantId.of("IQ-MOI"),
            Instant.parse("2026-11-27T09:30:00.250Z"),
            Optional.of("b9a3-41"));

    @Test
    void canonicalFormIsPinnedToTheByte() {
        ExchangeDocument document =
                new ExchangeDocument(HEADER, Payload.of(PayloadType.JSON, "{ \"leader\" : \"علي\",\n \"n\": 2 }"));

        String encoded = new String(ExchangeDocumentCodec.encode(document), StandardCharsets.UTF_8);

        assertThat(encoded)
                .isEqualTo("{\"version\":1,\"header\":{\"messageId\":\"7d1c6a52-6b9e-4d0e-9a3e-2f1f4c1e8b11\","
                        + "\"type\":\"pilgrim-list\",\"schemaVersion\":\"1.0\",\"from\":\"PK-MOI\",\"to\":\"IQ-MOI\","
                        + "\"createdAt\":\"2026-11-27T09:30:00.250Z\",\"inReplyTo\":\"b9a3-41\"},"
                        + "\"contentType\":\"application/json\",\"payload\":{\"leader\":\"علي\",\"n\":2}}");
    }

    @Test
    void aGatewaysDeliveryNamesItsOriginAfterTheOtherHeaderFields() {
        Header delivered = new Header(
                "5b0f3c1e-2d4a-4c61-9e1f-0a7b3c2d1e0f",
                "pilgrim-list",
                "1.0",
                ParticipantId.of("PK-GW"),
                ParticipantId.of("IQ-MOI"),
                Instant.parse("2026-11-27T09:30:01Z"),
                Optional.empty(),
                Optional.of(new Origin(ParticipantId.of("PK-MOI"), "7d1c6a52")));
        ExchangeDocument document = new ExchangeDocument(delivered, Payload.of(PayloadType.JSON, "{\"n\":2}"));

        byte[] encoded = ExchangeDocumentCodec.encode(document);

        assertThat(new String(encoded, StandardCharsets.UTF_8))
                .isEqualTo("{\"version\":1,\"header\":{\"messageId\":\"5b0f3c1e-2d4a-4c61-9e1f-0a7b3c2d1e0f\","
                        + "\"type\":\"pilgrim-list\",\"schemaVersion\":\"1.0\",\"from\":\"PK-GW\",\"to\":\"IQ-MOI\","
                        + "\"createdAt\":\"2026-11-27T09:30:01Z\",\"origin\":{\"from\":\"PK-MOI\",\"messageId\":\"7d1c6a52\"}},"
                        + "\"contentType\":\"application/json\",\"payload\":{\"n\":2}}");
        assertThat(ExchangeDocumentCodec.decode(encoded)).isEqualTo(document);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"from\":\"PK-MOI\"}",
                "{\"from\":\"PK-MOI\",\"messageId\":\"m\",\"extra\":1}",
                "{\"from\":\"nobody\",\"messageId\":\"m\"}",
                "\"PK-MOI\""
            })
    void aMalformedOriginIsAMalformedEnvelope(String origin) {
        String document = "{\"version\":1,\"header\":{\"messageId\":\"m-1\",\"type\":\"pilgrim-list\","
                + "\"schemaVersion\":\"1.0\",\"from\":\"PK-GW\",\"to\":\"IQ-MOI\","
                + "\"createdAt\":\"2026-11-27T09:30:00Z\",\"origin\":" + origin + "},"
                + "\"contentType\":\"application/json\",\"payload\":{}}";

        assertThatThrownBy(() -> ExchangeDocumentCodec.decode(document.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        RejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.MALFORMED_ENVELOPE));
    }

    @Test
    void textPayloadsTravelAsJsonStrings() {
        String csv = "surname,passport\nKhan,AB1234567\n";
        ExchangeDocument document = new ExchangeDocument(HEADER, Payload.of(PayloadType.CSV, csv));

        String encoded = new String(ExchangeDocumentCodec.encode(document), StandardCharsets.UTF_8);

        assertThat(encoded)
                .endsWith("\"contentType\":\"text/csv\",\"payload\":\"surname,passport\\nKhan,AB1234567\\n\"}");
        assertThat(ExchangeDocumentCodec.decode(encoded.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(document);
    }

    @Test
    void decodingAcceptsAnyMemberOrder() {
        String reordered = "{\"payload\":{\"a\":1},\"contentType\":\"application/json\",\"header\":{\"to\":\"IQ-MOI\","
                + "\"from\":\"PK-MOI\",\"createdAt\":\"2026-11-27T09:30:00Z\",\"schemaVersion\":\"1.0\","
                + "\"type\":\"pilgrim-list\",\"messageId\":\"m-1\"},\"version\":1}";

        ExchangeDocument document = ExchangeDocumentCodec.decode(reordered.getBytes(StandardCharsets.UTF_8));

        assertThat(document.header().messageId()).isEqualTo("m-1");
        assertThat(document.header().inReplyTo()).isEmpty();
        assertThat(document.payload().text()).isEqualTo("{\"a\":1}");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "not json",
                "[]",
                "{\"version\":2,\"header\":{},\"contentType\":\"application/json\",\"payload\":{}}",
                // duplicate member
                "{\"version\":1,\"version\":1,\"header\":{\"messageId\":\"m\",\"type\":\"pilgrim-list\",\"schemaVersion\":\"1.0\",\"from\":\"PK-MOI\",\"to\":\"IQ-MOI\",\"createdAt\":\"2026-11-27T09:30:00Z\"},\"contentType\":\"application/json\",\"payload\":{}}",
                // unknown member in the header
                "{\"version\":1,\"header\":{\"messageId\":\"m\",\"type\":\"pilgrim-list\",\"schemaVersion\":\"1.0\",\"from\":\"PK-MOI\",\"to\":\"IQ-MOI\",\"createdAt\":\"2026-11-27T09:30:00Z\",\"cc\":\"BE-IBZ\"},\"contentType\":\"application/json\",\"payload\":{}}",
                // participant id of the wrong shape
                "{\"version\":1,\"header\":{\"messageId\":\"m\",\"type\":\"pilgrim-list\",\"schemaVersion\":\"1.0\",\"from\":\"pakistan\",\"to\":\"IQ-MOI\",\"createdAt\":\"2026-11-27T09:30:00Z\"},\"contentType\":\"application/json\",\"payload\":{}}",
                // time with an offset rather than Z
                "{\"version\":1,\"header\":{\"messageId\":\"m\",\"type\":\"pilgrim-list\",\"schemaVersion\":\"1.0\",\"from\":\"PK-MOI\",\"to\":\"IQ-MOI\",\"createdAt\":\"2026-11-27T09:30:00+05:00\"},\"contentType\":\"application/json\",\"payload\":{}}",
                // time without a zone
                "{\"version\":1,\"header\":{\"messageId\":\"m\",\"type\":\"pilgrim-list\",\"schemaVersion\":\"1.0\",\"from\":\"PK-MOI\",\"to\":\"IQ-MOI\",\"createdAt\":\"2026-11-27T09:30:00\"},\"contentType\":\"application/json\",\"payload\":{}}",
                // JSON payload that is not an object
                "{\"version\":1,\"header\":{\"messageId\":\"m\",\"type\":\"pilgrim-list\",\"schemaVersion\":\"1.0\",\"from\":\"PK-MOI\",\"to\":\"IQ-MOI\",\"createdAt\":\"2026-11-27T09:30:00Z\"},\"contentType\":\"application/json\",\"payload\":[1]}",
                // unsupported content type
                "{\"version\":1,\"header\":{\"messageId\":\"m\",\"type\":\"pilgrim-list\",\"schemaVersion\":\"1.0\",\"from\":\"PK-MOI\",\"to\":\"IQ-MOI\",\"createdAt\":\"2026-11-27T09:30:00Z\"},\"contentType\":\"application/pdf\",\"payload\":\"x\"}",
                // trailing data
                "{\"version\":1,\"header\":{\"messageId\":\"m\",\"type\":\"pilgrim-list\",\"schemaVersion\":\"1.0\",\"from\":\"PK-MOI\",\"to\":\"IQ-MOI\",\"createdAt\":\"2026-11-27T09:30:00Z\"},\"contentType\":\"application/json\",\"payload\":{}} {}"
            })
    void malformedDocumentsAreRejectedAsMalformed(String json) {
        assertThatThrownBy(() -> ExchangeDocumentCodec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        RejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.MALFORMED_ENVELOPE));
    }

    @Test
    void deeplyNestedPayloadIsRejected() {
        String deep = "[".repeat(200) + "]".repeat(200);
        String json =
                "{\"version\":1,\"header\":{\"messageId\":\"m\",\"type\":\"pilgrim-list\",\"schemaVersion\":\"1.0\","
                        + "\"from\":\"PK-MOI\",\"to\":\"IQ-MOI\",\"createdAt\":\"2026-11-27T09:30:00Z\"},"
                        + "\"contentType\":\"application/json\",\"payload\":{\"x\":" + deep + "}}";
        assertThatThrownBy(() -> ExchangeDocumentCodec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        RejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.MALFORMED_ENVELOPE));
    }

    @Test
    void rejectionCodesAreUniqueAndRoundTrip() {
        for (RejectionReason reason : RejectionReason.values()) {
            assertThat(RejectionReason.fromCode(reason.code())).isSameAs(reason);
            assertThat(reason.code()).matches("[a-z]+(-[a-z]+)*");
        }
    }
}
