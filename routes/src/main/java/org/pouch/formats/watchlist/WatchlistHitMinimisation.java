package org.pouch.formats.watchlist;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Data minimisation: a copy of a hit without the fields a recipient may not see. Pure functions; the
 * input is never changed. A path that names no {@link StrippableField} is refused rather than ignored,
 * so that a misspelt policy fails before delivery instead of sending what it meant to hold back.
 */
public final class WatchlistHitMinimisation {

    private WatchlistHitMinimisation() {}

    /** The hit without the given fields. */
    public static WatchlistHit without(WatchlistHit hit, Set<StrippableField> fields) {
        Subject s = hit.subject();
        Subject subject = new Subject(
                s.names(),
                fields.contains(StrippableField.SUBJECT_ALIASES) ? null : s.aliases(),
                fields.contains(StrippableField.SUBJECT_NAME_NATIVE) ? null : s.nameNative(),
                fields.contains(StrippableField.SUBJECT_DATE_OF_BIRTH) ? null : s.dateOfBirth(),
                fields.contains(StrippableField.SUBJECT_NATIONALITY) ? null : s.nationality(),
                fields.contains(StrippableField.SUBJECT_DOCUMENTS) ? null : s.documents());
        Match m = hit.match();
        Match match = new Match(
                m.score(),
                fields.contains(StrippableField.MATCH_MATCHED_FIELDS) ? null : m.matchedFields(),
                m.method());
        Handling h = hit.handling();
        Handling handling = new Handling(
                h.classification(),
                fields.contains(StrippableField.HANDLING_HANDLING_CODE) ? null : h.handlingCode(),
                h.requestedAction());
        return new WatchlistHit(hit.listEntry(), subject, match, hit.encounter(), hit.reportingAgency(), handling);
    }

    /**
     * The hit without the fields at the given paths ({@code subject.documents}).
     *
     * @throws IllegalArgumentException when a path is not one of the {@link StrippableField}s
     */
    public static WatchlistHit withoutPaths(WatchlistHit hit, Collection<String> paths) {
        Set<StrippableField> fields = EnumSet.noneOf(StrippableField.class);
        for (String path : paths) {
            fields.add(StrippableField.byPath(path)
                    .orElseThrow(() -> new IllegalArgumentException("not a field that can be stripped: " + path)));
        }
        return without(hit, fields);
    }
}
