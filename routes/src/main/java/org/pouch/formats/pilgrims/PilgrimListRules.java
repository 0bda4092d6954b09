package org.pouch.formats.pilgrims;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.pouch.formats.RuleViolation;

/**
 * The rules a border authority expects of a pilgrim list, run after the schema. Field paths are JSON
 * paths into the canonical JSON form; docs/formats/pilgrim-list.md lists every rule.
 */
final class PilgrimListRules {

    private static final Set<String> ISO_ALPHA3 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);
    private static final Pattern CNIC = Pattern.compile("[0-9]{5}-[0-9]{7}-[0-9]");
    private static final String PAKISTAN = "PAK";

    private PilgrimListRules() {}

    static List<RuleViolation> check(PilgrimList list) {
        List<RuleViolation> violations = new ArrayList<>(checkGroup(list.group()));
        Set<String> passportNumbers = new HashSet<>();
        for (int i = 0; i < list.pilgrims().size(); i++) {
            violations.addAll(checkPilgrim(list.group(), list.pilgrims().get(i), i, passportNumbers));
        }
        return violations;
    }

    /** The rules on the group alone. */
    static List<RuleViolation> checkGroup(Group group) {
        List<RuleViolation> violations = new ArrayList<>();
        if (!group.arrival().isBefore(group.departure())) {
            violations.add(new RuleViolation("$.group.departure", "departure-after-arrival"));
        } else if (ChronoUnit.DAYS.between(group.arrival(), group.departure()) > group.permittedStayDays()) {
            violations.add(new RuleViolation("$.group.departure", "stay-within-permitted-period"));
        }
        return violations;
    }

    /**
     * The rules on the {@code i}th pilgrim, one at a time, so that a list of any length can be checked as
     * it is read.
     *
     * @param passportNumbers the passport numbers of the pilgrims before it; this one's is added
     */
    static List<RuleViolation> checkPilgrim(Group group, Pilgrim pilgrim, int i, Set<String> passportNumbers) {
        List<RuleViolation> violations = new ArrayList<>();
        String at = "$.pilgrims[" + i + "]";
        if (!pilgrim.dateOfBirth().isBefore(group.arrival())) {
            violations.add(new RuleViolation(at + ".dateOfBirth", "born-before-arrival"));
        }
        if (!ISO_ALPHA3.contains(pilgrim.nationality())) {
            violations.add(new RuleViolation(at + ".nationality", "iso-3166-alpha-3"));
        }
        if (!pilgrim.passport().expiry().isAfter(group.departure())) {
            violations.add(new RuleViolation(at + ".passport.expiry", "passport-valid-past-departure"));
        }
        if (!passportNumbers.add(pilgrim.passport().number())) {
            violations.add(new RuleViolation(at + ".passport.number", "passport-number-unique-in-list"));
        }
        // Where given: a list minimised for a foreign recipient has none.
        if (PAKISTAN.equals(pilgrim.nationality())
                && pilgrim.nationalId() != null
                && !CNIC.matcher(pilgrim.nationalId()).matches()) {
            violations.add(new RuleViolation(at + ".nationalId", "cnic-format"));
        }
        if (pilgrim.mrz() != null) {
            violations.addAll(MrzRules.check(pilgrim, at));
        }
        return violations;
    }
}
