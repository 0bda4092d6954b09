package org.pouch.formats.pilgrims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.ExchangeDocumentCodec;
import org.pouch.exchange.Header;
import org.pouch.exchange.ParticipantId;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;
import org.pouch.formats.StreamingJsonTransform;
import org.pouch.testing.TestPilgrims;
import org.pouch.testing.TestPilgrims.Listed;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Delivery's streaming transform of a pilgrim list gives, byte for byte, the exchange document the model
 * path gives ({@code read}, {@code minimise}, {@code write}), whatever the list and whatever is stripped.
 */
class PilgrimListJsonStreamTest {

    private static final PilgrimListType TYPE = PilgrimListFixtures.TYPE;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Header HEADER = new Header(
            "9f1c1d52-5d7e-4c1e-9a55-0d3b0f3f6a10",
            PilgrimList.TYPE,
            PilgrimList.SCHEMA_VERSION,
            ParticipantId.of("PK-MOI"),
            ParticipantId.of("IQ-MOI"),
            Instant.parse("2027-01-10T08:00:00Z"));

    static Stream<Arguments> listsAndStrippedFields() {
        List<Set<String>> strips = List.of(
                Set.of(),
                Set.of("pilgrims[*].nationalId"),
                Set.of("pilgrims[*].mrz", "pilgrims[*].visaNumber", "group.leader.phone"),
                Set.of("pilgrims[*].nameNative", "group.leader.nameNative"),
                Arrays.stream(StrippableField.values())
                        .map(StrippableField::path)
                        .collect(Collectors.toSet()));
        List<Arguments> cases = new ArrayList<>();
        for (Set<String> stripped : strips) {
            cases.add(Arguments.of("the golden list", golden(), stripped));
            cases.add(Arguments.of("the golden list, members reordered", reordered(golden()), stripped));
            cases.add(Arguments.of("2,000 generated pilgrims", generated(2_000), stripped));
            cases.add(Arguments.of("one pilgrim", generated(1), stripped));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, stripping {2}")
    @MethodSource("listsAndStrippedFields")
    void theStreamedDocumentIsTheModelsByteForByte(String list, Payload payload, Set<String> stripped) {
        byte[] model = ExchangeDocumentCodec.encode(new ExchangeDocument(
                HEADER, TYPE.write(TYPE.minimise(TYPE.read(payload), stripped), PayloadType.JSON)));

        assertThat(streamed(payload, stripped)).isEqualTo(model);
    }

    @Test
    void strippedFieldsAreNotInTheStreamedDocument() {
        String document = new String(
                streamed(golden(), Set.of("pilgrims[*].nationalId", "group.leader.phone")), StandardCharsets.UTF_8);

        assertThat(document)
                .doesNotContain("nationalId")
                .doesNotContain("phone")
                .contains("\"passport\"");
    }

    @Test
    void onlyAJsonListDeliveredAsJsonStreams() {
        assertThat(TYPE.streamingTransform(PayloadType.JSON, PayloadType.JSON)).isPresent();
        assertThat(TYPE.streamingTransform(PayloadType.JSON, PayloadType.XML)).isEmpty();
        assertThat(TYPE.streamingTransform(PayloadType.XML, PayloadType.JSON)).isEmpty();
        assertThat(TYPE.streamingTransform(PayloadType.CSV, PayloadType.CSV)).isEmpty();
    }

    @Test
    void aPathThatIsNotStrippableIsRefused() {
        assertThatThrownBy(() -> streamed(golden(), Set.of("pilgrims[*].passport")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pilgrims[*].passport");
    }

    private static byte[] streamed(Payload payload, Set<String> stripped) {
        StreamingJsonTransform transform =
                TYPE.streamingTransform(PayloadType.JSON, PayloadType.JSON).orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExchangeDocumentCodec.encodeJson(HEADER, json -> transform.write(payload, stripped, json), out);
        return out.toByteArray();
    }

    private static Payload golden() {
        return Payload.of(PayloadType.JSON, PilgrimListFixtures.golden("valid.json"));
    }

    private static Payload generated(int count) {
        List<Listed> pilgrims = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pilgrims.add(new Listed(String.format("AB%07d", i), "Khan", "Ayesha " + i));
        }
        return TestPilgrims.list("SEASON-2027", LocalDate.of(2027, 2, 14), 20, pilgrims);
    }

    /** The same list with the pilgrims first and every object's members in reverse order. */
    private static Payload reordered(Payload payload) {
        JsonNode tree = JSON.readTree(payload.text());
        ObjectNode root = JSON.createObjectNode();
        root.set("pilgrims", reversed(tree.get("pilgrims")));
        root.set("group", reversed(tree.get("group")));
        return Payload.of(PayloadType.JSON, JSON.writeValueAsString(root));
    }

    private static JsonNode reversed(JsonNode node) {
        if (node.isArray()) {
            var array = JSON.createArrayNode();
            node.forEach(element -> array.add(reversed(element)));
            return array;
        }
        if (!node.isObject()) {
            return node;
        }
        List<String> names = new ArrayList<>(node.propertyNames());
        Collections.reverse(names);
        ObjectNode object = JSON.createObjectNode();
        names.forEach(name -> object.set(name, reversed(node.get(name))));
        return object;
    }
}
