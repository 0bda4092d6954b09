package org.pouch.formats.watchlist;

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
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.dataformat.xml.XmlMapper;
import tools.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * The XML form: checked against the XSD before Jackson reads a byte of it. A JSON array is one repeated
 * element per item under the array's own name ({@code <names>} twice for two names), so that the records
 * bind to both forms without an XML-only shape.
 */
final class WatchlistHitXml {

    static final String SCHEMA = "/schemas/watchlist-hit-1.0.xsd";

    private static final XmlSchemaCheck SCHEMA_CHECK = XmlSchemaCheck.fromResource(SCHEMA);

    private static final XmlMapper MAPPER = XmlInput.mapperBuilder()
            .defaultUseWrapper(false)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_EMPTY))
            .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .addMixIn(WatchlistHit.class, Root.class)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private WatchlistHitXml() {}

    static WatchlistHit read(Payload payload) {
        SCHEMA_CHECK.check(payload);
        try (InputStream in = payload.openStream()) {
            return MAPPER.readValue(in, WatchlistHit.class);
        } catch (JacksonException e) {
            throw new RejectedException(RejectionReason.SCHEMA_INVALID, "$: does not bind to the model", e);
        } catch (IOException e) {
            throw new IllegalStateException("reading an in-memory payload", e);
        }
    }

    static Payload write(WatchlistHit hit) {
        return Payload.of(PayloadType.XML, MAPPER.writeValueAsString(hit));
    }

    /** The root element's name and namespace, kept out of the model so that it stays format-neutral. */
    @JacksonXmlRootElement(localName = "watchlistHit", namespace = WatchlistHit.XML_NAMESPACE)
    private interface Root {}
}
