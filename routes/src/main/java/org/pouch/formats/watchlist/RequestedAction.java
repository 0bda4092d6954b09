package org.pouch.formats.watchlist;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the reporting agency asks the list's owner to do; the wire values are kebab-case. */
public enum RequestedAction {
    @JsonProperty("notify")
    NOTIFY,
    @JsonProperty("monitor")
    MONITOR,
    @JsonProperty("detain")
    DETAIN
}
