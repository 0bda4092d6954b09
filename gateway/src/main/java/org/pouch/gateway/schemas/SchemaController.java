package org.pouch.gateway.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.pouch.formats.MessageType;
import org.pouch.formats.catalog.MessageTypes;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the schemas of every message type the gateway accepts, at stable URLs on the partner port:
 * {@code /api/v1/schemas/{type}/{version}.schema.json} (JSON Schema 2020-12) and {@code .xsd}. They are
 * the very files the guard validates against.
 */
@RestController
class SchemaController {

    static final String PATH = "/api/v1/schemas";
    private static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json");

    /** The catalog: each type and version with its two schema URLs. */
    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    List<PublishedSchema> catalog() {
        return MessageTypes.all().stream().map(PublishedSchema::of).toList();
    }

    @GetMapping(PATH + "/{type}/{version}.schema.json")
    ResponseEntity<byte[]> jsonSchema(@PathVariable String type, @PathVariable String version) throws IOException {
        return schema(type, version, ".schema.json", SCHEMA_JSON);
    }

    @GetMapping(PATH + "/{type}/{version}.xsd")
    ResponseEntity<byte[]> xmlSchema(@PathVariable String type, @PathVariable String version) throws IOException {
        return schema(type, version, ".xsd", MediaType.APPLICATION_XML);
    }

    private static ResponseEntity<byte[]> schema(String type, String version, String suffix, MediaType mediaType)
            throws IOException {
        // Only names the catalog knows reach the class path lookup: no path from the request is trusted.
        MessageType<?> known = MessageTypes.all().stream()
                .filter(t -> t.name().equals(type) && t.schemaVersion().equals(version))
                .findFirst()
                .orElse(null);
        if (known == null) {
            return ResponseEntity.notFound().build();
        }
        try (InputStream in = SchemaController.class.getResourceAsStream(
                "/schemas/" + known.name() + "-" + known.schemaVersion() + suffix)) {
            if (in == null) {
                return ResponseEntity.notFound().build();
            }
            return ResponseEntity.ok().contentType(mediaType).body(in.readAllBytes());
        }
    }

    /** One entry of the catalog. */
    record PublishedSchema(String type, String version, String jsonSchema, String xmlSchema) {
        static PublishedSchema of(MessageType<?> type) {
            String base = PATH + "/" + type.name() + "/" + type.schemaVersion();
            return new PublishedSchema(type.name(), type.schemaVersion(), base + ".schema.json", base + ".xsd");
        }
    }
}
