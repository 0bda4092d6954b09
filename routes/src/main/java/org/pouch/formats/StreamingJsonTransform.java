package org.pouch.formats;

import java.util.Set;
import org.pouch.exchange.Payload;
import tools.jackson.core.JsonGenerator;

/**
 * Turns a payload into a message type's JSON form without the fields a recipient is denied, reading the
 * payload and writing the form as streams, so that a message of any size costs the memory of one of its
 * parts. See {@link MessageType#streamingTransform}.
 */
@FunctionalInterface
public interface StreamingJsonTransform {

    /**
     * Writes the minimised JSON form of {@code payload} into {@code json} as one JSON object. Reads, does
     * not validate: the payload passed its checks when it was accepted.
     *
     * @param stripped paths among the type's {@link MessageType#strippableFields()}
     * @throws IllegalArgumentException when a path is not strippable, or the payload does not read as the
     *     type (it cannot have been accepted)
     */
    void write(Payload payload, Set<String> stripped, JsonGenerator json);
}
