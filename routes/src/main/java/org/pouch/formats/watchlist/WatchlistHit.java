package org.pouch.formats.watchlist;

/**
 * A watchlist hit, canonical model version 1.0: someone on a list was encountered, and the agency that
 * saw them tells the list's owners. The JSON and XML forms are this record's properties in this order;
 * the schemas are {@code schemas/watchlist-hit-1.0.schema.json} and {@code schemas/watchlist-hit-1.0.xsd}.
 *
 * @param reportingAgency the participant id ({@code CC-AGENCY}) of the agency that made the match
 */
public record WatchlistHit(
        ListEntry listEntry,
        Subject subject,
        Match match,
        Encounter encounter,
        String reportingAgency,
        Handling handling) {

    public static final String TYPE = "watchlist-hit";
    public static final String SCHEMA_VERSION = "1.0";
    public static final String XML_NAMESPACE = "urn:pouch:watchlist-hit:1";
}
