package org.pouch.formats.watchlist;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The spreadsheet's one row (docs/formats/watchlist-hit.md): every cell is text, already neutralised. */
// Without the explicit order Jackson CSV would sort the columns alphabetically.
@JsonPropertyOrder({
    "list",
    "entry_id",
    "names",
    "aliases",
    "name_native",
    "date_of_birth",
    "nationality",
    "documents",
    "score",
    "matched_fields",
    "method",
    "place_kind",
    "place_name",
    "place_country",
    "time",
    "reporting_agency",
    "classification",
    "handling_code",
    "requested_action"
})
record WatchlistHitCsvRow(
        @JsonProperty("list") String list,
        @JsonProperty("entry_id") String entryId,
        @JsonProperty("names") String names,
        @JsonProperty("aliases") String aliases,
        @JsonProperty("name_native") String nameNative,
        @JsonProperty("date_of_birth") String dateOfBirth,
        @JsonProperty("nationality") String nationality,
        @JsonProperty("documents") String documents,
        @JsonProperty("score") String score,
        @JsonProperty("matched_fields") String matchedFields,
        @JsonProperty("method") String method,
        @JsonProperty("place_kind") String placeKind,
        @JsonProperty("place_name") String placeName,
        @JsonProperty("place_country") String placeCountry,
        @JsonProperty("time") String time,
        @JsonProperty("reporting_agency") String reportingAgency,
        @JsonProperty("classification") String classification,
        @JsonProperty("handling_code") String handlingCode,
        @JsonProperty("requested_action") String requestedAction) {}
