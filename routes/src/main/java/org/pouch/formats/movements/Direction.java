package org.pouch.formats.movements;

/** Into or out of the host country. */
public enum Direction {
    ENTRY,
    EXIT
}
