package org.pouch.formats.pilgrims;

import java.util.List;

/**
 * A pilgrim list, canonical model version 1.0: one group travelling together and its pilgrims. The
 * JSON and XML forms are this record's properties in this order; the schemas are
 * {@code schemas/pilgrim-list-1.0.schema.json} and {@code schemas/pilgrim-list-1.0.xsd}.
 */
public record PilgrimList(Group group, List<Pilgrim> pilgrims) {

    public static final String TYPE = "pilgrim-list";
    public static final String SCHEMA_VERSION = "1.0";
    public static final String XML_NAMESPACE = "urn:pouch:pilgrim-list:1";

    public PilgrimList {
        pilgrims = List.copyOf(pilgrims);
    }
}
