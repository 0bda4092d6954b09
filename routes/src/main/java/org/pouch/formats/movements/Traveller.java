package org.pouch.formats.movements;

/**
 * Who crossed, as the border post read the passport.
 *
 * @param passportNumber the number of the passport presented
 * @param nationality ISO 3166-1 alpha-3, as printed in passports
 * @param surname in Latin script, as in the passport
 * @param givenNames in Latin script, as in the passport
 * @param nameNative the full name in the host country's or the traveller's own script, or null
 */
public record Traveller(
        String passportNumber, String nationality, String surname, String givenNames, String nameNative) {}
