package org.pouch.formats.pilgrims;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pouch.exchange.Payload;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;
import org.pouch.formats.JsonInput;
import org.pouch.formats.JsonSchemaCheck;
import org.pouch.formats.RuleViolation;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a pilgrim list's canonical JSON form as a stream, one pilgrim at a time, so that a list of
 * 250,000 pilgrims costs the memory of one pilgrim and a set of passport numbers: the same schema, the
 * same rules, the same rejection codes and field paths as checking the whole tree.
 *
 * <p>Two passes over the payload, which can be read more than once: the first reads everything but the
 * pilgrims and checks it, with the first pilgrim, against the whole schema (members may come in any
 * order, and the rules on a pilgrim need the group); the second checks each pilgrim against the schema's
 * pilgrim definition and the rules.
 */
final class PilgrimListJsonCheck {

    private static final String SCHEMA = "/schemas/pilgrim-list-1.0.schema.json";
    private static final JsonSchemaCheck LIST = JsonSchemaCheck.fromResource(SCHEMA);
    private static final JsonSchemaCheck PILGRIM = JsonSchemaCheck.definitionFromResource(SCHEMA, "pilgrim");
    /** The schema's maxItems for pilgrims, checked by counting as the shell holds only the first. */
    static final int MAX_PILGRIMS = 250_000;
    /** A rejection names this many violations at most, and counts the rest. */
    private static final int VIOLATIONS_NAMED = 100;

    /** Reads the value at the parser; what follows it is this class's to read. */
    private static final ObjectReader TREE =
            JsonInput.mapper().readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final ObjectReader GROUP = JsonInput.mapper().readerFor(Group.class);
    private static final ObjectReader ONE_PILGRIM = JsonInput.mapper().readerFor(Pilgrim.class);

    private PilgrimListJsonCheck() {}

    /**
     * @throws RejectedException {@link RejectionReason#SCHEMA_INVALID} at the first pilgrim (or group
     *     field) the schema refuses, else {@link RejectionReason#BUSINESS_RULE_VIOLATED} naming the first
     *     violations and counting them all
     */
    static void check(Payload payload) {
        Group group = checkShell(payload);
        List<RuleViolation> named = new ArrayList<>(PilgrimListRules.checkGroup(group));
        long violations = named.size();
        Set<String> passportNumbers = new HashSet<>();
        try (InputStream in = payload.openStream();
                JsonParser parser = JsonInput.mapper().createParser(in)) {
            toPilgrims(parser);
            int i = 0;
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonNode item = TREE.readValue(parser);
                String at = "$.pilgrims[" + i + "]";
                PILGRIM.check(item, at);
                for (RuleViolation violation :
                        PilgrimListRules.checkPilgrim(group, bind(ONE_PILGRIM, item, at), i, passportNumbers)) {
                    violations++;
                    if (named.size() < VIOLATIONS_NAMED) {
                        named.add(violation);
                    }
                }
                i++;
            }
        } catch (JacksonException e) {
            throw JsonInput.rejection(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RuleViolation.rejectIfAny(named, violations);
    }

    /**
     * Everything but the pilgrims after the first, checked against the whole schema, and the number of
     * pilgrims against its limit; the group, bound.
     */
    private static Group checkShell(Payload payload) {
        ObjectNode shell = JsonInput.mapper().createObjectNode();
        long pilgrims = 0;
        try (InputStream in = payload.openStream();
                JsonParser parser = JsonInput.mapper().createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new RejectedException(RejectionReason.SCHEMA_INVALID, "$: empty payload");
            }
            if (first != JsonToken.START_OBJECT) {
                LIST.check(TREE.readValue(parser));
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                if ("pilgrims".equals(name) && parser.nextToken() == JsonToken.START_ARRAY) {
                    ArrayNode firstOnly = shell.putArray(name);
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        if (pilgrims++ == 0) {
                            firstOnly.add(TREE.<JsonNode>readValue(parser));
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else {
                    if (!"pilgrims".equals(name)) {
                        parser.nextToken();
                    }
                    shell.set(name, TREE.<JsonNode>readValue(parser));
                }
            }
            if (parser.nextToken() != null) {
                throw new RejectedException(
                        RejectionReason.SCHEMA_INVALID,
                        "$: not well-formed JSON at line "
                                + parser.currentTokenLocation().getLineNr() + ", column "
                                + parser.currentTokenLocation().getColumnNr());
            }
        } catch (JacksonException e) {
            throw JsonInput.rejection(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Counted first, so that an oversized list is refused whatever its pilgrims look like.
        if (pilgrims > MAX_PILGRIMS) {
            throw new RejectedException(RejectionReason.SCHEMA_INVALID, "$.pilgrims: maxItems");
        }
        LIST.check(shell);
        return bind(GROUP, shell.get("group"), "$.group");
    }

    /** Moves the parser to the start of the pilgrims array, which the shell check proved is there. */
    static void toPilgrims(JsonParser parser) {
        parser.nextToken();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            boolean pilgrims = "pilgrims".equals(parser.currentName());
            parser.nextToken();
            if (pilgrims) {
                return;
            }
            parser.skipChildren();
        }
        throw new IllegalStateException("the pilgrims array went missing between two reads");
    }

    private static <T> T bind(ObjectReader reader, JsonNode tree, String at) {
        try {
            return reader.readValue(tree);
        } catch (JacksonException e) {
            // What the schema's patterns admit but the model cannot hold, such as a 30th of February.
            throw new RejectedException(RejectionReason.SCHEMA_INVALID, at + ": does not bind to the model", e);
        }
    }
}
