package org.pouch.formats.training;

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
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The canonical JSON form: read against the JSON Schema, written in the model's property order. */
final class TrainingScheduleJson {

    static final String SCHEMA = "/schemas/training-schedule-1.0.schema.json";

    private static final JsonSchemaCheck SCHEMA_CHECK = JsonSchemaCheck.fromResource(SCHEMA);

    // "\n" whatever the platform, so that the bytes written are the same everywhere.
    private static final JsonMapper WRITER = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .defaultPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private TrainingScheduleJson() {}

    static TrainingSchedule read(Payload payload) {
        JsonNode tree = JsonInput.readTree(payload);
        SCHEMA_CHECK.check(tree);
        try {
            return JsonInput.mapper().treeToValue(tree, TrainingSchedule.class);
        } catch (JacksonException e) {
            // The schema's patterns admit a 30th of February; the model does not.
            throw new RejectedException(RejectionReason.SCHEMA_INVALID, "$: does not bind to the model", e);
        }
    }

    static Payload write(TrainingSchedule schedule) {
        return Payload.of(PayloadType.JSON, WRITER.writeValueAsString(schedule) + "\n");
    }
}
