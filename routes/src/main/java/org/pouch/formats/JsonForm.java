package org.pouch.formats;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.function.UnaryOperator;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A message type's canonical JSON form: read through the hardened {@link JsonInput}, checked against
 * the type's JSON Schema, bound to the model; written in the model's property order, indented, with
 * "\n" line ends whatever the platform, so the bytes written are the same everywhere.
 */
public final class JsonForm<T> {

    private final JsonSchemaCheck schema;
    private final ObjectReader reader;
    private final JsonMapper writer;
    private final ObjectWriter partWriter;

    private JsonForm(String schemaResource, ObjectReader reader, JsonInclude.Include omitted) {
        this.schema = JsonSchemaCheck.fromResource(schemaResource);
        this.reader = reader;
        this.writer = JsonMapper.builder()
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(omitted))
                .defaultPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")))
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
        // A part goes into a generator someone else owns: its layout is that generator's, and it is
        // flushed when that generator's owner says.
        this.partWriter = writer.writer()
                .without(SerializationFeature.INDENT_OUTPUT)
                .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    /** The form of {@code model} checked against {@code schemaResource}; null members are left out. */
    public static <T> JsonForm<T> of(String schemaResource, Class<T> model) {
        return new JsonForm<>(schemaResource, JsonInput.mapper().readerFor(model), JsonInclude.Include.NON_NULL);
    }

    /**
     * As {@link #of}, with the reader adjusted and another rule for which members are left out, for a
     * type whose model needs it.
     */
    public static <T> JsonForm<T> of(
            String schemaResource,
            Class<T> model,
            UnaryOperator<ObjectReader> readerSettings,
            JsonInclude.Include omitted) {
        return new JsonForm<>(
                schemaResource, readerSettings.apply(JsonInput.mapper().readerFor(model)), omitted);
    }

    public T read(Payload payload) {
        return fromTree(JsonInput.readTree(payload));
    }

    /** Every inbound form ends here: a JSON tree, checked against the schema, then bound to the model. */
    public T fromTree(JsonNode tree) {
        schema.check(tree);
        try {
            return reader.readValue(tree);
        } catch (JacksonException e) {
            // What the schema's patterns admit but the model cannot hold, such as a 30th of February.
            throw new RejectedException(RejectionReason.SCHEMA_INVALID, "$: does not bind to the model", e);
        }
    }

    public Payload write(T message) {
        return Payload.of(PayloadType.JSON, writer.writeValueAsString(message) + "\n");
    }

    /**
     * Writes one part of the model (a member's value, an element of a list) into {@code json} with the
     * same rules for which members are left out as {@link #write}: the tokens {@link #write} would give
     * for that part, for a form written a part at a time.
     */
    public void writePart(JsonGenerator json, Object part) {
        partWriter.writeValue(json, part);
    }

    /** A value as the writer renders it, for forms (CSV) that reuse the JSON rendering of a member. */
    public <V> V convert(Object value, Class<V> type) {
        return writer.convertValue(value, type);
    }
}
