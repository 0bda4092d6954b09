package org.pouch.formats.pilgrims;

/**
 * The two 44-character lines of a passport's machine-readable zone (ICAO 9303 part 4, TD3).
 *
 * @param line1 document code, issuing state, name
 * @param line2 document number, nationality, birth date, sex, expiry, optional data, check digits
 */
public record Mrz(String line1, String line2) {}
