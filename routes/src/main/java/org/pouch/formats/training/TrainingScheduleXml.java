package org.pouch.formats.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.InputStream;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;
import org.pouch.formats.XmlInput;
import org.pouch.formats.XmlSchemaCheck;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.dataformat.xml.XmlMapper;

/** The XML form: checked against the XSD before Jackson reads a byte of it. */
final class TrainingScheduleXml {

    static final String SCHEMA = "/schemas/training-schedule-1.0.xsd";

    private static final XmlSchemaCheck SCHEMA_CHECK = XmlSchemaCheck.fromResource(SCHEMA);

    private static final XmlMapper MAPPER = XmlInput.mapperBuilder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private TrainingScheduleXml() {}

    static TrainingSchedule read(Payload payload) {
        SCHEMA_CHECK.check(payload);
        try (InputStream in = payload.openStream()) {
            return MAPPER.readValue(in, TrainingScheduleXmlForm.class).toModel();
        } catch (JacksonException e) {
            throw new RejectedException(RejectionReason.SCHEMA_INVALID, "$: does not bind to the model", e);
        } catch (IOException e) {
            throw new IllegalStateException("reading an in-memory payload", e);
        }
    }

    static Payload write(TrainingSchedule schedule) {
        return Payload.of(PayloadType.XML, MAPPER.writeValueAsString(TrainingScheduleXmlForm.of(schedule)));
    }
}
