package org.pouch.formats.pilgrims;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One row of an organiser's spreadsheet: one pilgrim, with the group's columns repeated on every row
 * (docs/formats/pilgrim-list-csv.md). Every cell is text here; types are the schema's business.
 */
// Without the explicit order Jackson CSV would sort the columns alphabetically.
@JsonPropertyOrder({
    "group_reference",
    "organiser_name",
    "organiser_licence",
    "leader_name",
    "leader_name_native",
    "leader_phone",
    "port_of_entry",
    "arrival",
    "departure",
    "permitted_stay_days",
    "surname",
    "given_names",
    "name_native",
    "sex",
    "date_of_birth",
    "nationality",
    "passport_number",
    "passport_expiry",
    "national_id",
    "mrz_line1",
    "mrz_line2",
    "visa_number"
})
record PilgrimCsvRow(
        @JsonProperty("group_reference") String groupReference,
        @JsonProperty("organiser_name") String organiserName,
        @JsonProperty("organiser_licence") String organiserLicence,
        @JsonProperty("leader_name") String leaderName,
        @JsonProperty("leader_name_native") String leaderNameNative,
        @JsonProperty("leader_phone") String leaderPhone,
        @JsonProperty("port_of_entry") String portOfEntry,
        @JsonProperty("arrival") String arrival,
        @JsonProperty("departure") String departure,
        @JsonProperty("permitted_stay_days") String permittedStayDays,
        @JsonProperty("surname") String surname,
        @JsonProperty("given_names") String givenNames,
        @JsonProperty("name_native") String nameNative,
        @JsonProperty("sex") String sex,
        @JsonProperty("date_of_birth") String dateOfBirth,
        @JsonProperty("nationality") String nationality,
        @JsonProperty("passport_number") String passportNumber,
        @JsonProperty("passport_expiry") String passportExpiry,
        @JsonProperty("national_id") String nationalId,
        @JsonProperty("mrz_line1") String mrzLine1,
        @JsonProperty("mrz_line2") String mrzLine2,
        @JsonProperty("visa_number") String visaNumber) {

    /** The group's columns, which must be the same on every row. */
    java.util.List<String> groupColumns() {
        return java.util.Arrays.asList(
                groupReference,
                organiserName,
                organiserLicence,
                leaderName,
                leaderNameNative,
                leaderPhone,
                portOfEntry,
                arrival,
                departure,
                permittedStayDays);
    }
}
