package org.pouch.formats.watchlist;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the match was made; the wire values are kebab-case. */
public enum MatchMethod {
    @JsonProperty("exact")
    EXACT,
    @JsonProperty("fuzzy")
    FUZZY,
    @JsonProperty("biometric")
    BIOMETRIC
}
