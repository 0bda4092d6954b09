package org.pouch.formats.pilgrims;

import com.fasterxml.jackson.annotation.JsonInclude;
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
final class PilgrimListXml {

    static final String SCHEMA = "/schemas/pilgrim-list-1.0.xsd";

    private static final XmlSchemaCheck SCHEMA_CHECK = XmlSchemaCheck.fromResource(SCHEMA);

    private static final XmlMapper MAPPER = XmlInput.mapperBuilder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private PilgrimListXml() {}

    static PilgrimList read(Payload payload) {
        SCHEMA_CHECK.check(payload);
        try (InputStream in = payload.openStream()) {
            XmlForm form = MAPPER.readValue(in, XmlForm.class);
            return new PilgrimList(form.group, form.pilgrims);
        } catch (JacksonException e) {
            throw new RejectedException(RejectionReason.SCHEMA_INVALID, "$: does not bind to the model", e);
        } catch (IOException e) {
            throw new IllegalStateException("reading an in-memory payload", e);
        }
    }

    static Payload write(PilgrimList list) {
        return Payload.of(PayloadType.XML, MAPPER.writeValueAsString(new XmlForm(list)));
    }

    /**
     * Where the XML form differs from the JSON one: the root's name and namespace, and one
     * {@code <pilgrim>} element per list item inside {@code <pilgrims>}. A plain class rather than a
     * record, because Jackson cannot match a renamed, wrapped list to a record's constructor.
     */
    @JacksonXmlRootElement(localName = "pilgrimList", namespace = PilgrimList.XML_NAMESPACE)
    static final class XmlForm {
        public Group group;

        @JacksonXmlElementWrapper(localName = "pilgrims")
        @JacksonXmlProperty(localName = "pilgrim")
        public List<Pilgrim> pilgrims;

        XmlForm() {}

        XmlForm(PilgrimList list) {
            this.group = list.group();
            this.pilgrims = list.pilgrims();
        }
    }
}
