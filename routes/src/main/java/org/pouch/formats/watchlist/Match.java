package org.pouch.formats.watchlist;

import java.util.List;

/**
 * How sure the reporting agency is.
 *
 * @param score 0 to 100, the matcher's confidence
 * @param matchedFields which of the subject's fields matched the entry, as field paths ({@code
 *     subject.names}); empty when not given
 */
public record Match(int score, List<String> matchedFields, MatchMethod method) {

    public Match {
        matchedFields = matchedFields == null ? List.of() : List.copyOf(matchedFields);
    }
}
