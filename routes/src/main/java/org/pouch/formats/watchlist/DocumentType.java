package org.pouch.formats.watchlist;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Kinds of identity document; the wire values are kebab-case. */
public enum DocumentType {
    @JsonProperty("passport")
    PASSPORT,
    @JsonProperty("national-id")
    NATIONAL_ID,
    @JsonProperty("residence-permit")
    RESIDENCE_PERMIT,
    @JsonProperty("travel-document")
    TRAVEL_DOCUMENT
}
