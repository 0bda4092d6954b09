package org.pouch.formats.pilgrims;

import java.time.LocalDate;

/**
 * One traveller.
 *
 * @param surname in Latin script, as in the passport
 * @param givenNames in Latin script, as in the passport
 * @param nameNative the full name in the traveller's own script (Arabic, Urdu), or null
 * @param nationality ISO 3166-1 alpha-3, as printed in passports
 * @param nationalId the national identity number, for Pakistanis the CNIC ({@code #####-#######-#}); null
 *     in a list minimised for a recipient that may not see it
 * @param mrz the passport's machine-readable zone, or null
 * @param visaNumber the host country's visa number, or null before it is issued
 */
public record Pilgrim(
        String surname,
        String givenNames,
        String nameNative,
        Sex sex,
        LocalDate dateOfBirth,
        String nationality,
        Passport passport,
        String nationalId,
        Mrz mrz,
        String visaNumber) {}
