package org.pouch.formats.movements;

import java.util.List;

/**
 * Pilgrim movements, canonical model version 1.0: the entries and exits the host country recorded for
 * the pilgrims of one listed group, sent back to the home ministry so that it can see who overstays. The
 * JSON and XML forms are this record's properties in this order; the schemas are
 * {@code schemas/pilgrim-movements-1.0.schema.json} and {@code schemas/pilgrim-movements-1.0.xsd}.
 *
 * @param answers the pilgrim list these movements report on
 * @param reportedBy the host-country authority that recorded them
 */
public record PilgrimMovements(ListReference answers, ReportingAuthority reportedBy, List<Movement> movements) {

    public static final String TYPE = "pilgrim-movements";
    public static final String SCHEMA_VERSION = "1.0";
    public static final String XML_NAMESPACE = "urn:pouch:pilgrim-movements:1";

    public PilgrimMovements {
        movements = List.copyOf(movements);
    }
}
