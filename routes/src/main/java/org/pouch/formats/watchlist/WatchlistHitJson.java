package org.pouch.formats.watchlist;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;
import org.pouch.formats.JsonInput;
import org.pouch.formats.JsonSchemaCheck;
import tools.jackson.core.JacksonException;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/** The canonical JSON form: read against the JSON Schema, written in the model's property order. */
final class WatchlistHitJson {

    static final String SCHEMA = "/schemas/watchlist-hit-1.0.schema.json";

    private static final JsonSchemaCheck SCHEMA_CHECK = JsonSchemaCheck.fromResource(SCHEMA);

    // The encounter's offset is evidence of local time at the post; Jackson would otherwise move it to UTC.
    private static final ObjectReader READER =
            JsonInput.mapper().readerFor(WatchlistHit.class).without(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    // Empty lists are left out, as absent ones are: the XML form cannot tell them apart either.
    // "\n" whatever the platform, so that the bytes written are the same everywhere.
    static final JsonMapper WRITER = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_EMPTY))
            .defaultPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private WatchlistHitJson() {}

    static WatchlistHit read(Payload payload) {
        return fromTree(JsonInput.readTree(payload));
    }

    /** Every inbound form ends here: a JSON tree, checked against the schema, then bound to the model. */
    static WatchlistHit fromTree(JsonNode tree) {
        SCHEMA_CHECK.check(tree);
        try {
            return READER.readValue(tree);
        } catch (JacksonException e) {
            // The schema admits nothing the model cannot hold; this is a gap between the two.
            throw new RejectedException(RejectionReason.SCHEMA_INVALID, "$: does not bind to the model", e);
        }
    }

    static JsonNode toTree(WatchlistHit hit) {
        return WRITER.valueToTree(hit);
    }

    static Payload write(WatchlistHit hit) {
        return Payload.of(PayloadType.JSON, WRITER.writeValueAsString(hit) + "\n");
    }
}
