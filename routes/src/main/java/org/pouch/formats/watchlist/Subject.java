package org.pouch.formats.watchlist;

import java.util.List;

/**
 * The person the hit is about.
 *
 * @param names the names as the list holds them, in Latin script, the primary one first
 * @param aliases other names the person is known by, in any script; empty when none are known
 * @param nameNative the full name in the person's own script (Arabic, Urdu), or null
 * @param dateOfBirth ISO 8601 at the precision known: {@code 1984}, {@code 1984-07} or {@code 1984-07-15};
 *     kept as text because lists often hold only the year, and a guessed day would be false precision
 * @param nationality ISO 3166-1 alpha-3, as printed in passports, or null when unknown
 * @param documents identity documents known to belong to the person; empty when none are known
 */
public record Subject(
        List<String> names,
        List<String> aliases,
        String nameNative,
        String dateOfBirth,
        String nationality,
        List<IdentityDocument> documents) {

    public Subject {
        names = List.copyOf(names);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
