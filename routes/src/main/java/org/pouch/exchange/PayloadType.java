package org.pouch.exchange;

/** The forms a payload can take inside an exchange document. */
public enum PayloadType {
    JSON("application/json"),
    XML("application/xml"),
    CSV("text/csv"),
    /** iCalendar (RFC 5545): delivered only, for training schedules; no sender submits a calendar. */
    CALENDAR("text/calendar");

    private final String mediaType;

    PayloadType(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The media type written in the document's {@code contentType} field. */
    public String mediaType() {
        return mediaType;
    }

    public static PayloadType fromMediaType(String mediaType) {
        for (PayloadType type : values()) {
            if (type.mediaType.equals(mediaType)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unsupported content type " + mediaType);
    }
}
