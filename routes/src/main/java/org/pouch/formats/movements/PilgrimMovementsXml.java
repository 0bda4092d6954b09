package org.pouch.formats.movements;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;
import org.pouch.formats.XmlInput;
import org.pouch.formats.XmlSchemaCheck;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.dataformat.xml.XmlMapper;
import tools.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import tools.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import tools.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** The XML form: checked against the XSD before Jackson reads a byte of it. */
final class PilgrimMovementsXml {

    static final String SCHEMA = "/schemas/pilgrim-movements-1.0.xsd";

    private static final XmlSchemaCheck SCHEMA_CHECK = XmlSchemaCheck.fromResource(SCHEMA);

    private static final XmlMapper MAPPER = XmlInput.mapperBuilder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private PilgrimMovementsXml() {}

    static PilgrimMovements read(Payload payload) {
        SCHEMA_CHECK.check(payload);
        try (InputStream in = payload.openStream()) {
            XmlForm form = MAPPER.readValue(in, XmlForm.class);
            return new PilgrimMovements(form.answers, form.reportedBy, form.movements);
        } catch (JacksonException e) {
            throw new RejectedException(RejectionReason.SCHEMA_INVALID, "$: does not bind to the model", e);
        } catch (IOException e) {
            throw new IllegalStateException("reading an in-memory payload", e);
        }
    }

    static Payload write(PilgrimMovements movements) {
        return Payload.of(PayloadType.XML, MAPPER.writeValueAsString(new XmlForm(movements)));
    }

    /**
     * Where the XML form differs from the JSON one: the root's name and namespace, and one
     * {@code <movement>} element per list item inside {@code <movements>}. A plain class rather than a
     * record, because Jackson cannot match a renamed, wrapped list to a record's constructor.
     */
    // Jackson would otherwise sort a plain class's fields alphabetically; the XSD fixes this order.
    @JsonPropertyOrder({"answers", "reportedBy", "movements"})
    @JacksonXmlRootElement(localName = "pilgrimMovements", namespace = PilgrimMovements.XML_NAMESPACE)
    static final class XmlForm {
        public ListReference answers;
        public ReportingAuthority reportedBy;

        @JacksonXmlElementWrapper(localName = "movements")
        @JacksonXmlProperty(localName = "movement")
        public List<Movement> movements;

        XmlForm() {}

        XmlForm(PilgrimMovements report) {
            this.answers = report.answers();
            this.reportedBy = report.reportedBy();
            this.movements = report.movements();
        }
    }
}
