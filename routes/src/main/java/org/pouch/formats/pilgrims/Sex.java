package org.pouch.formats.pilgrims;

/** As in ICAO 9303: female, male, or unspecified ({@code <} in the machine-readable zone). */
public enum Sex {
    F,
    M,
    X;

    /** The character the machine-readable zone uses. */
    char mrz() {
        return this == X ? '<' : name().charAt(0);
    }
}
