package org.pouch.formats.training;

/** Where a session stands in the programme's life; an updated session keeps its id. */
public enum SessionStatus {
    SCHEDULED,
    UPDATED,
    CANCELLED
}
