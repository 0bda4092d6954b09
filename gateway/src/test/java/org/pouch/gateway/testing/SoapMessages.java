package org.pouch.gateway.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.pouch.gateway.bench.SoapSubmitter;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * SOAP 1.1 messages of the exchange service as a partner without a toolkit writes and reads them: submit
 * requests built by hand, inline or as MTOM, and answers parsed with the JDK's DOM parser, DTDs refused.
 */
public final class SoapMessages {

    public static final String SOAP_ACTION = SoapSubmitter.SOAP_ACTION;
    public static final String XML_CONTENT_TYPE = "text/xml; charset=utf-8";

    /** A submit request as a partner's stack writes it, the envelope inline as base64. */
    public static final String INLINE_REQUEST = SoapSubmitter.INLINE_REQUEST;

    static final String BOUNDARY = "uuid:pouch-test-boundary";
    public static final String MTOM_CONTENT_TYPE = "multipart/related; type=\"application/xop+xml\"; boundary=\""
            + BOUNDARY + "\"; start=\"<root.message@pouch.test>\"; start-info=\"text/xml\"";

    /** The root part of an MTOM submit request: the envelope element points at the attachment. */
    static final String MTOM_ROOT = """
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"
                           xmlns:px="urn:pouch:exchange:v1">
              <soap:Body>
                <px:submitRequest>
                  <px:envelope><xop:Include xmlns:xop="http://www.w3.org/2004/08/xop/include"
                      href="cid:envelope@pouch.test"/></px:envelope>
                </px:submitRequest>
              </soap:Body>
            </soap:Envelope>
            """;

    // Any prefix: what matters is the SOAP envelope, wherever a MIME part puts it.
    private static final Pattern SOAP_ENVELOPE =
            Pattern.compile("<(\\w+:)?Envelope[\\s>].*</\\1Envelope>", Pattern.DOTALL);

    private SoapMessages() {}

    /** {@link #INLINE_REQUEST} with the envelope as one line of base64. */
    public static String inlineRequest(byte[] envelope) {
        return INLINE_REQUEST.formatted(Base64.getEncoder().encodeToString(envelope));
    }

    /** A multipart/related XOP package: {@link #MTOM_ROOT}, then the envelope as a binary part. */
    public static byte[] mtomRequest(byte[] envelope) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            body.write(("--" + BOUNDARY + "\r\n"
                            + "Content-Type: application/xop+xml; charset=UTF-8; type=\"text/xml\"\r\n"
                            + "Content-Transfer-Encoding: 8bit\r\n"
                            + "Content-ID: <root.message@pouch.test>\r\n"
                            + "\r\n"
                            + MTOM_ROOT
                            + "\r\n--" + BOUNDARY + "\r\n"
                            + "Content-Type: application/pkcs7-mime\r\n"
                            + "Content-Transfer-Encoding: binary\r\n"
                            + "Content-ID: <envelope@pouch.test>\r\n"
                            + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(envelope);
            body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return body.toByteArray();
    }

    /** The SOAP envelope in a response body, plain or the root part of a multipart one. */
    public static Document parse(String body) {
        Matcher envelope = SOAP_ENVELOPE.matcher(body);
        if (!envelope.find()) {
            throw new AssertionError("no SOAP envelope in: " + body);
        }
        return xml(envelope.group());
    }

    /** Any XML document, namespace aware, DTDs refused. */
    public static Document xml(String text) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
        } catch (Exception e) {
            throw new AssertionError("cannot parse: " + text, e);
        }
    }

    /** The text of the only element with this local name, in any namespace. */
    public static String text(Document document, String localName) {
        NodeList nodes = document.getElementsByTagNameNS("*", localName);
        if (nodes.getLength() != 1) {
            throw new AssertionError(nodes.getLength() + " elements named " + localName);
        }
        return nodes.item(0).getTextContent();
    }

    /** The local part of a QName-valued element such as faultcode: {@code Client} of {@code soap:Client}. */
    public static String localPart(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.indexOf(':') + 1);
    }
}
