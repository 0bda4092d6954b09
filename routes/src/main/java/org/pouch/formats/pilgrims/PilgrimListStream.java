package org.pouch.formats.pilgrims;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;
import org.pouch.formats.JsonInput;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;

/**
 * Reads a pilgrim list's canonical JSON form as a stream: its group, or its pilgrims one at a time, so that
 * what needs the facts of a list of any length (the overstay records) never binds the whole list. For
 * payloads the guard has checked ({@link PilgrimListType#validateStreamed}); a payload that does not read
 * fails with an unchecked exception rather than a rejection.
 */
public final class PilgrimListStream {

    /** Each reads the value at the parser; what follows it is this class's to read. */
    private static final ObjectReader GROUP =
            JsonInput.mapper().readerFor(Group.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final ObjectReader ONE_PILGRIM =
            JsonInput.mapper().readerFor(Pilgrim.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private PilgrimListStream() {}

    /** Whether the payload is in the form this class reads. */
    public static boolean reads(Payload payload) {
        return payload.type() == PayloadType.JSON;
    }

    /** The list's group. */
    public static Group group(Payload payload) {
        try (InputStream in = payload.openStream();
                JsonParser parser = JsonInput.mapper().createParser(in)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                boolean group = "group".equals(parser.currentName());
                parser.nextToken();
                if (group) {
                    return GROUP.readValue(parser);
                }
                parser.skipChildren();
            }
            throw new IllegalArgumentException("the pilgrim list has no group");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The list's pilgrims in list order, each bound when it is reached; close the stream when done. */
    public static Stream<Pilgrim> pilgrims(Payload payload) {
        InputStream in = payload.openStream();
        JsonParser parser = JsonInput.mapper().createParser(in);
        PilgrimListJsonCheck.toPilgrims(parser);
        Spliterator<Pilgrim> pilgrims =
                new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
                    @Override
                    public boolean tryAdvance(Consumer<? super Pilgrim> action) {
                        if (parser.nextToken() != JsonToken.START_OBJECT) {
                            return false;
                        }
                        action.accept(ONE_PILGRIM.readValue(parser));
                        return true;
                    }
                };
        return StreamSupport.stream(pilgrims, false).onClose(() -> {
            try (InputStream closing = in) {
                parser.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
