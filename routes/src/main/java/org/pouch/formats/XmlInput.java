package org.pouch.formats;

import javax.xml.stream.XMLInputFactory;
import tools.jackson.dataformat.xml.XmlFactory;
import tools.jackson.dataformat.xml.XmlMapper;
import tools.jackson.dataformat.xml.XmlWriteFeature;

/**
 * The XML mapper for the message types. Documents reach it only after {@link XmlSchemaCheck} has
 * refused document type declarations; its own parser refuses them too, so that it stays safe if it is
 * ever called first.
 */
public final class XmlInput {

    private XmlInput() {}

    /** A mapper that reads without DTDs or external entities and writes with an XML declaration. */
    public static XmlMapper.Builder mapperBuilder() {
        XMLInputFactory input = XMLInputFactory.newFactory();
        input.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        input.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return XmlMapper.builder(XmlFactory.builder().xmlInputFactory(input).build())
                .enable(XmlWriteFeature.WRITE_XML_DECLARATION);
    }
}
