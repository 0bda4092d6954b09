package org.pouch.formats.watchlist;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

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
     * A copy of a hit's canonical JSON tree without the fields at the given paths ({@code subject.documents}).
     *
     * @throws IllegalArgumentException when a path is not one of the {@link StrippableField}s
     */
    public static JsonNode without(JsonNode hit, Collection<String> paths) {
        Set<StrippableField> fields = EnumSet.noneOf(StrippableField.class);
        for (String path : paths) {
            fields.add(StrippableField.byPath(path)
                    .orElseThrow(() -> new IllegalArgumentException("not a field that can be stripped: " + path)));
        }
        JsonNode copy = hit.deepCopy();
        for (StrippableField field : fields) {
            String[] steps = field.path().split("\\.");
            JsonNode parent = copy;
            for (int i = 0; i < steps.length - 1 && parent != null; i++) {
                parent = parent.get(steps[i]);
            }
            if (parent instanceof ObjectNode object) {
                object.remove(steps[steps.length - 1]);
            }
        }
        return copy;
    }
}
