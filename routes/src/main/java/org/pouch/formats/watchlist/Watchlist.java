package org.pouch.formats.watchlist;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The lists a hit can come from; the wire values are kebab-case. */
public enum Watchlist {
    @JsonProperty("terrorism")
    TERRORISM,
    @JsonProperty("human-trafficking")
    HUMAN_TRAFFICKING,
    @JsonProperty("migrant-smuggling")
    MIGRANT_SMUGGLING,
    @JsonProperty("narcotics")
    NARCOTICS
}
