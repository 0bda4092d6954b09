package org.pouch.formats.training;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.pouch.formats.RuleViolation;

/**
 * The rules a partner's calendar relies on, run after the schema. Field paths are JSON paths into the
 * canonical JSON form; docs/formats/training-schedule.md lists every rule.
 */
final class TrainingScheduleRules {

    private static final Set<String> ISO_ALPHA2 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    private TrainingScheduleRules() {}

    static List<RuleViolation> check(TrainingSchedule schedule) {
        List<RuleViolation> violations = new ArrayList<>();
        if (schedule.revision() < 1) {
            violations.add(new RuleViolation("$.revision", "revision-at-least-one"));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < schedule.sessions().size(); i++) {
            Session session = schedule.sessions().get(i);
            String at = "$.sessions[" + i + "]";
            if (!ids.add(session.id())) {
                violations.add(new RuleViolation(at + ".id", "session-id-unique-in-programme"));
            }
            if (!knownZone(session.timeZone())) {
                violations.add(new RuleViolation(at + ".timeZone", "iana-time-zone"));
            } else if (!session.zonedEnd().isAfter(session.zonedStart())) {
                // Compared as instants: a session may cross a daylight-saving change.
                violations.add(new RuleViolation(at + ".end", "end-after-start"));
            }
            if (!ISO_ALPHA2.contains(session.place().country())) {
                violations.add(new RuleViolation(at + ".place.country", "iso-3166-alpha-2"));
            }
            if (session.capacity() < 1) {
                violations.add(new RuleViolation(at + ".capacity", "capacity-positive"));
            }
        }
        return violations;
    }

    // ZoneId.of also takes offsets such as "+05:00" and "UTC+5"; a calendar needs a region whose rules
    // it can look up (a VTIMEZONE), so only the region ids the JDK lists count.
    private static boolean knownZone(String id) {
        try {
            return ZoneId.getAvailableZoneIds().contains(ZoneId.of(id).getId());
        } catch (DateTimeException e) {
            return false;
        }
    }
}
