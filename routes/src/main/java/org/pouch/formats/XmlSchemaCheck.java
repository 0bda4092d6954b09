package org.pouch.formats;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;
import org.pouch.exchange.Payload;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * One XSD from the class path, checking untrusted XML. The parser refuses any document type declaration
 * outright, so no entity (external or a billion laughs) is ever expanded and nothing is fetched; the
 * schema itself may not reach outside the class path either.
 */
public final class XmlSchemaCheck {

    private final Schema schema;

    private XmlSchemaCheck(Schema schema) {
        this.schema = schema;
    }

    /** Loads a schema shipped with the gateway, for example {@code /schemas/pilgrim-list-1.0.xsd}. */
    public static XmlSchemaCheck fromResource(String resource) {
        URL url = XmlSchemaCheck.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("schema " + resource + " is not on the class path");
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return new XmlSchemaCheck(factory.newSchema(new StreamSource(url.toExternalForm())));
        } catch (SAXException e) {
            throw new IllegalStateException("schema " + resource + " does not compile", e);
        }
    }

    /**
     * @throws RejectedException {@link RejectionReason#SCHEMA_INVALID}: the element path and the XSD rule
     *     (for example {@code /pilgrimList/group[1]/arrival[1]: cvc-datatype-valid.1.2.1}), or where the text
     *     stops being acceptable XML; never the offending value
     */
    public void check(Payload payload) {
        ElementPath path = new ElementPath();
        try (InputStream in = payload.openStream()) {
            ValidatorHandler validator = schema.newValidatorHandler();
            validator.setErrorHandler(new Rejecting(path));
            path.setContentHandler(validator);
            path.setParent(hardenedReader());
            path.setErrorHandler(new Rejecting(path));
            path.parse(new InputSource(in));
        } catch (SAXException e) {
            throw new RejectedException(RejectionReason.SCHEMA_INVALID, "$: not acceptable XML", e);
        } catch (IOException e) {
            throw new IllegalStateException("reading an in-memory payload", e);
        }
    }

    private static XMLReader hardenedReader() throws SAXException {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory.newSAXParser().getXMLReader();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's SAX parser lacks a hardening feature", e);
        }
    }

    /** Turns the first error into a rejection; the parser's own message may quote the input, so it is dropped. */
    private record Rejecting(ElementPath path) implements ErrorHandler {

        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) {
            throw rejection(e);
        }

        @Override
        public void fatalError(SAXParseException e) {
            throw rejection(e);
        }

        private RejectedException rejection(SAXParseException e) {
            String message = String.valueOf(e.getMessage());
            int colon = message.indexOf(':');
            if (message.startsWith("cvc-") && colon > 0) {
                return new RejectedException(
                        RejectionReason.SCHEMA_INVALID, path.current() + ": " + message.substring(0, colon), e);
            }
            return new RejectedException(
                    RejectionReason.SCHEMA_INVALID,
                    "$: not acceptable XML (document type declarations and entities are refused) at line "
                            + e.getLineNumber() + ", column " + e.getColumnNumber(),
                    e);
        }
    }
}
