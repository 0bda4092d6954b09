package org.pouch.overstay;

import java.util.Objects;
import org.pouch.formats.pilgrims.Pilgrim;

/**
 * A pilgrim as a list named them: the passport, and the Latin names so that the home ministry's answer
 * says whom it is about. Nothing else of the list is kept.
 *
 * @param nationality ISO 3166-1 alpha-3, as in passports
 */
public record ListedPilgrim(String passportNumber, String nationality, String surname, String givenNames) {

    public ListedPilgrim {
        Objects.requireNonNull(passportNumber);
        Objects.requireNonNull(nationality);
        Objects.requireNonNull(surname);
        Objects.requireNonNull(givenNames);
    }

    /** What is kept of a listed pilgrim. */
    public static ListedPilgrim of(Pilgrim pilgrim) {
        return new ListedPilgrim(
                pilgrim.passport().number(), pilgrim.nationality(), pilgrim.surname(), pilgrim.givenNames());
    }
}
