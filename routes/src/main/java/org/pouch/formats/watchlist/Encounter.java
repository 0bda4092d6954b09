package org.pouch.formats.watchlist;

import java.time.OffsetDateTime;

/** Where and when the subject was seen; the time keeps the offset it was reported with (RFC 3339). */
public record Encounter(Place place, OffsetDateTime time) {}
