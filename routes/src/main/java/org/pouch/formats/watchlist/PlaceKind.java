package org.pouch.formats.watchlist;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A border post or a city; the wire values are kebab-case. */
public enum PlaceKind {
    @JsonProperty("border-post")
    BORDER_POST,
    @JsonProperty("city")
    CITY
}
