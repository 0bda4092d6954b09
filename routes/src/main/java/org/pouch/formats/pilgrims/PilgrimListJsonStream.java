package org.pouch.formats.pilgrims;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import org.pouch.exchange.Payload;
import org.pouch.formats.JsonInput;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;

/**
 * Delivery's transform of a pilgrim list in the canonical JSON form into the same form, minimised, one
 * pilgrim at a time: the group and each pilgrim are bound to the model, stripped and written into the
 * generator, so memory holds one pilgrim whatever the list's length. Binding each part, rather than
 * copying tokens, writes the members in the model's order and renders values (dates) as the model does:
 * the tokens are exactly those of {@code write(minimise(read(payload)))}, whatever order the sender wrote.
 */
final class PilgrimListJsonStream {

    /** Reads one part from a parser positioned on it; the parts after it are the loop's. */
    private static final ObjectReader GROUP =
            JsonInput.mapper().readerFor(Group.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final ObjectReader PILGRIM =
            JsonInput.mapper().readerFor(Pilgrim.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private PilgrimListJsonStream() {}

    static void write(Payload payload, Set<String> paths, JsonGenerator json) {
        Set<StrippableField> stripped = PilgrimListMinimisation.fields(paths);
        // The model writes the group first; a sender may have put it after the pilgrims, so it is read in
        // a pass of its own (which stops at the group, normally the first member).
        Group group = PilgrimListMinimisation.without(group(payload), stripped);
        json.writeStartObject();
        json.writeName("group");
        PilgrimListType.JSON.writePart(json, group);
        json.writeName("pilgrims");
        json.writeStartArray();
        try (InputStream in = payload.openStream();
                JsonParser parser = JsonInput.mapper().createParser(in)) {
            toMember(parser, "pilgrims");
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException("pilgrims is not an array");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                Pilgrim pilgrim = PILGRIM.readValue(parser);
                PilgrimListType.JSON.writePart(json, PilgrimListMinimisation.without(pilgrim, stripped));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JacksonException e) {
            // An accepted list reads; one that does not cannot be delivered, and retrying will not help.
            throw new IllegalArgumentException("the pilgrim list does not read: " + e.getOriginalMessage(), e);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static Group group(Payload payload) {
        try (InputStream in = payload.openStream();
                JsonParser parser = JsonInput.mapper().createParser(in)) {
            toMember(parser, "group");
            parser.nextToken();
            return GROUP.readValue(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the pilgrim list's group does not read: " + e.getOriginalMessage(), e);
        }
    }

    /** Moves the parser to the name of the root object's member {@code name}, skipping the others. */
    private static void toMember(JsonParser parser, String name) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("a pilgrim list is a JSON object");
        }
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            if (name.equals(parser.currentName())) {
                return;
            }
            parser.nextToken();
            parser.skipChildren();
        }
        throw new IllegalArgumentException("the pilgrim list has no " + name);
    }
}
