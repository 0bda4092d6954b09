package org.pouch.formats.watchlist;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.pouch.exchange.ParticipantId;
import org.pouch.formats.RuleViolation;

/**
 * The rules a receiving agency expects of a watchlist hit, run after the schema. Field paths are JSON
 * paths into the canonical JSON form; docs/formats/watchlist-hit.md lists every rule.
 */
final class WatchlistHitRules {

    private static final Set<String> ISO_ALPHA2 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);
    private static final Set<String> ISO_ALPHA3 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);
    private static final int MAX_SCORE = 100;

    private WatchlistHitRules() {}

    static List<RuleViolation> check(WatchlistHit hit) {
        List<RuleViolation> violations = new ArrayList<>();
        Subject subject = hit.subject();
        if (subject.dateOfBirth() != null) {
            checkDateOfBirth(subject.dateOfBirth(), hit.encounter(), violations);
        }
        if (subject.nationality() != null && !ISO_ALPHA3.contains(subject.nationality())) {
            violations.add(new RuleViolation("$.subject.nationality", "iso-3166-alpha-3"));
        }
        for (int i = 0; i < subject.documents().size(); i++) {
            if (!ISO_ALPHA3.contains(subject.documents().get(i).issuingCountry())) {
                violations.add(new RuleViolation("$.subject.documents[" + i + "].issuingCountry", "iso-3166-alpha-3"));
            }
        }
        int score = hit.match().score();
        if (score < 0 || score > MAX_SCORE) {
            violations.add(new RuleViolation("$.match.score", "score-in-range"));
        }
        if (!ISO_ALPHA3.contains(hit.encounter().place().country())) {
            violations.add(new RuleViolation("$.encounter.place.country", "iso-3166-alpha-3"));
        }
        if (!isParticipantId(hit.reportingAgency())) {
            violations.add(new RuleViolation("$.reportingAgency", "participant-id"));
        }
        return violations;
    }

    private static void checkDateOfBirth(String text, Encounter encounter, List<RuleViolation> violations) {
        try {
            partialDate(text);
        } catch (DateTimeException e) {
            // The schema's pattern lets 1984-02-30 through; only the calendar knows.
            violations.add(new RuleViolation("$.subject.dateOfBirth", "real-date"));
            return;
        }
        // Compared at the precision given (born in 2026 and seen on 2026-01-05 is possible); ISO 8601 text
        // of one length sorts as the dates do.
        String seen = encounter.time().toLocalDate().toString().substring(0, text.length());
        if (text.compareTo(seen) > 0) {
            violations.add(new RuleViolation("$.subject.dateOfBirth", "born-before-encounter"));
        }
    }

    /** {@code 1984}, {@code 1984-07} or {@code 1984-07-15}, as the schema's pattern admits them. */
    static Temporal partialDate(String text) {
        return switch (text.length()) {
            case 4 -> Year.parse(text);
            case 7 -> YearMonth.parse(text);
            default -> LocalDate.parse(text);
        };
    }

    private static boolean isParticipantId(String value) {
        try {
            return ISO_ALPHA2.contains(ParticipantId.of(value).country());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
