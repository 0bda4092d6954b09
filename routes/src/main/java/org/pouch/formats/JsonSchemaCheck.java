package org.pouch.formats;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One JSON Schema (2020-12) from the class path, checking trees read by {@link JsonInput}. */
public final class JsonSchemaCheck {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .pathType(PathType.JSON_PATH)
                    // 2020-12 makes "format" an annotation; "date" must be a real date here.
                    .formatAssertionsEnabled(true)
                    .build()));

    private final Schema schema;

    private JsonSchemaCheck(Schema schema) {
        this.schema = schema;
    }

    /** Loads a schema shipped with the gateway, for example {@code /schemas/pilgrim-list-1.0.schema.json}. */
    public static JsonSchemaCheck fromResource(String resource) {
        try (InputStream in = JsonSchemaCheck.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema " + resource + " is not on the class path");
            }
            Schema schema = REGISTRY.getSchema(in);
            schema.initializeValidators();
            return new JsonSchemaCheck(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One definition of a schema shipped with the gateway, for checking one item of a document at a time:
     * {@code definition} names a member of its {@code $defs}, for example {@code pilgrim}.
     */
    public static JsonSchemaCheck definitionFromResource(String resource, String definition) {
        try (InputStream in = JsonSchemaCheck.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema " + resource + " is not on the class path");
            }
            JsonNode whole = JsonInput.mapper().readTree(in);
            ObjectNode item = JsonInput.mapper().createObjectNode();
            item.set("$schema", whole.get("$schema"));
            item.put("$id", whole.get("$id").stringValue() + ":" + definition);
            item.set("$defs", whole.get("$defs"));
            item.put("$ref", "#/$defs/" + definition);
            Schema schema = REGISTRY.getSchema(item);
            schema.initializeValidators();
            return new JsonSchemaCheck(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @throws RejectedException {@link RejectionReason#SCHEMA_INVALID}: the first error's field path and
     *     schema keyword, and how many more there are; never the offending value
     */
    public void check(JsonNode tree) {
        check(tree, "$");
    }

    /**
     * Checks a part of a document, naming fields by their path in the whole document.
     *
     * @param at the JSON path of {@code tree} in its document, for example {@code $.pilgrims[41]}
     */
    public void check(JsonNode tree, String at) {
        List<Error> errors = schema.validate(tree);
        if (errors.isEmpty()) {
            return;
        }
        String detail = at + describe(errors.get(0)).substring(1);
        if (errors.size() > 1) {
            detail += " (and " + (errors.size() - 1) + " more)";
        }
        throw new RejectedException(RejectionReason.SCHEMA_INVALID, detail);
    }

    private static String describe(Error error) {
        String path = error.getInstanceLocation().toString();
        // "required" and "additionalProperties" report the parent object; name the field itself.
        if (error.getProperty() != null) {
            path += "." + error.getProperty();
        }
        return path + ": " + error.getKeyword();
    }
}
