package org.pouch.formats;

import java.io.IOException;
import java.io.InputStream;
import org.pouch.exchange.Payload;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads untrusted JSON. The limits stop a payload from costing the gateway more than a message type can
 * need: no message type nests deeper than a few levels, holds a text longer than a postal address, or a
 * number longer than a date. Duplicate keys are refused, because two parsers could each pick a
 * different one.
 */
public final class JsonInput {

    public static final int MAX_NESTING_DEPTH = 16;
    public static final int MAX_STRING_LENGTH = 4_096;
    public static final int MAX_NUMBER_LENGTH = 20;

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxStringLength(MAX_STRING_LENGTH)
                            .maxNumberLength(MAX_NUMBER_LENGTH)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonInput() {}

    /** The mapper with these limits, for turning a checked tree into the model. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /**
     * @throws RejectedException {@link RejectionReason#SCHEMA_INVALID} naming the limit or the position
     *     where the text stops being JSON
     */
    public static JsonNode readTree(Payload payload) {
        try (InputStream in = payload.openStream()) {
            JsonNode tree = MAPPER.readTree(in);
            if (tree == null || tree.isMissingNode()) {
                throw new RejectedException(RejectionReason.SCHEMA_INVALID, "$: empty payload");
            }
            return tree;
        } catch (JacksonException e) {
            throw rejection(e);
        } catch (IOException e) {
            throw new IllegalStateException("reading an in-memory payload", e);
        }
    }

    /**
     * What a payload that is not JSON, or breaks a limit, is rejected with: {@link
     * RejectionReason#SCHEMA_INVALID} naming the limit or the position, never the input.
     */
    public static RejectedException rejection(JacksonException e) {
        if (e instanceof StreamConstraintsException limit) {
            return new RejectedException(RejectionReason.SCHEMA_INVALID, "$: " + limitBroken(limit), e);
        }
        return new RejectedException(
                RejectionReason.SCHEMA_INVALID, "$: not well-formed JSON " + where(e.getLocation()), e);
    }

    // Jackson names the limit only in its message; the detail names it in our words and never echoes input.
    private static String limitBroken(StreamConstraintsException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("nesting depth")) {
            return "nesting deeper than " + MAX_NESTING_DEPTH;
        }
        if (message.contains("String value length")) {
            return "string longer than " + MAX_STRING_LENGTH;
        }
        if (message.contains("Number value length")) {
            return "number longer than " + MAX_NUMBER_LENGTH + " digits";
        }
        return "JSON input limit exceeded";
    }

    private static String where(tools.jackson.core.TokenStreamLocation location) {
        return location == null ? "" : "at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
