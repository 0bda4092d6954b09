package org.pouch.formats.watchlist;

/**
 * What the receiving agency may do with the hit and what it is asked to do.
 *
 * @param handlingCode the reporting agency's handling instruction code, or null
 */
public record Handling(Classification classification, String handlingCode, RequestedAction requestedAction) {}
