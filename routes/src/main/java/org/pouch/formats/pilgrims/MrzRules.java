package org.pouch.formats.pilgrims;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.pouch.formats.IcaoCheckDigit;
import org.pouch.formats.RuleViolation;

/**
 * A passport's machine-readable zone (ICAO 9303 part 4, TD3) against its check digits and against the
 * fields of the list. The schema has already fixed both lines at 44 characters of {@code A-Z0-9<}.
 */
final class MrzRules {

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private MrzRules() {}

    static List<RuleViolation> check(Pilgrim pilgrim, String at) {
        List<RuleViolation> violations = new ArrayList<>();
        String line2 = pilgrim.mrz().line2();
        String mrz = at + ".mrz.line2";
        checkDigit(violations, line2, 0, 9, mrz, "mrz-passport-number-check-digit");
        checkDigit(violations, line2, 13, 19, mrz, "mrz-date-of-birth-check-digit");
        checkDigit(violations, line2, 21, 27, mrz, "mrz-expiry-check-digit");
        String optional = line2.substring(28, 42);
        // ICAO 9303 allows a filler instead of 0 when the optional data field is empty.
        if (!(optional.equals("<".repeat(14)) && line2.charAt(42) == '<')) {
            checkDigit(violations, line2, 28, 42, mrz, "mrz-optional-data-check-digit");
        }
        String composite = line2.substring(0, 10) + line2.substring(13, 20) + line2.substring(21, 43);
        if (IcaoCheckDigit.of(composite) != line2.charAt(43)) {
            violations.add(new RuleViolation(mrz, "mrz-composite-check-digit"));
        }
        agrees(violations, line2.substring(0, 9), padded(pilgrim.passport().number(), 9), at + ".passport.number");
        agrees(violations, line2.substring(10, 13), pilgrim.nationality(), at + ".nationality");
        agrees(violations, line2.substring(13, 19), yymmdd(pilgrim.dateOfBirth()), at + ".dateOfBirth");
        agrees(
                violations,
                String.valueOf(line2.charAt(20)),
                String.valueOf(pilgrim.sex().mrz()),
                at + ".sex");
        agrees(violations, line2.substring(21, 27), yymmdd(pilgrim.passport().expiry()), at + ".passport.expiry");
        return violations;
    }

    private static void checkDigit(
            List<RuleViolation> violations, String line, int from, int to, String field, String rule) {
        if (IcaoCheckDigit.of(line.substring(from, to)) != line.charAt(to)) {
            violations.add(new RuleViolation(field, rule));
        }
    }

    /** Names the list's field, not the zone: the zone is what the passport says, so the field is suspect. */
    private static void agrees(List<RuleViolation> violations, String inMrz, String inList, String field) {
        if (!inMrz.equals(inList)) {
            violations.add(new RuleViolation(field, "agrees-with-mrz"));
        }
    }

    private static String padded(String value, int length) {
        return value.length() >= length ? value : value + "<".repeat(length - value.length());
    }

    private static String yymmdd(LocalDate date) {
        return YYMMDD.format(date);
    }
}
