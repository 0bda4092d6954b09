package org.pouch.formats.movements;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pouch.formats.RuleViolation;

/**
 * The rules the home ministry needs of a movements report before it counts overstays, run after the
 * schema. Field paths are JSON paths into the canonical JSON form; docs/formats/pilgrim-movements.md
 * lists every rule. Whether each passport is on the answered pilgrim list needs the gateway's stored
 * lists, so the guard checks it, not this class.
 */
final class PilgrimMovementsRules {

    /** Border posts' clocks drift; a movement a few minutes ahead of the gateway is not a forgery. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private static final Set<String> ISO_ALPHA3 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);

    private final Clock clock;

    PilgrimMovementsRules(Clock clock) {
        this.clock = clock;
    }

    List<RuleViolation> check(PilgrimMovements report) {
        List<Movement> movements = report.movements();
        Set<Integer> outOfTurn = outOfTurn(movements);
        Instant latest = clock.instant().plus(CLOCK_SKEW);
        Set<String> ids = new HashSet<>();
        List<RuleViolation> violations = new ArrayList<>();
        for (int i = 0; i < movements.size(); i++) {
            Movement movement = movements.get(i);
            String at = "$.movements[" + i + "]";
            if (!ids.add(movement.id())) {
                violations.add(new RuleViolation(at + ".id", "movement-id-unique"));
            }
            if (!ISO_ALPHA3.contains(movement.traveller().nationality())) {
                violations.add(new RuleViolation(at + ".traveller.nationality", "iso-3166-alpha-3"));
            }
            if (movement.instant().isAfter(latest)) {
                violations.add(new RuleViolation(at + ".time", "time-not-in-future"));
            }
            if (outOfTurn.contains(i)) {
                violations.add(new RuleViolation(at + ".direction", "entry-exit-alternate"));
            }
        }
        return violations;
    }

    /**
     * The indices of movements whose direction repeats the previous one for the same passport, in time
     * order. The first movement of a passport may be either: an EXIT first means its entry was reported
     * in an earlier document. Movements at the same instant keep their document order.
     */
    private static Set<Integer> outOfTurn(List<Movement> movements) {
        Map<String, List<Integer>> byPassport = new LinkedHashMap<>();
        for (int i = 0; i < movements.size(); i++) {
            byPassport
                    .computeIfAbsent(movements.get(i).traveller().passportNumber(), passport -> new ArrayList<>())
                    .add(i);
        }
        Set<Integer> outOfTurn = new HashSet<>();
        for (List<Integer> indices : byPassport.values()) {
            indices.sort(Comparator.comparing(i -> movements.get(i).instant()));
            for (int k = 1; k < indices.size(); k++) {
                Direction previous = movements.get(indices.get(k - 1)).direction();
                if (movements.get(indices.get(k)).direction() == previous) {
                    outOfTurn.add(indices.get(k));
                }
            }
        }
        return outOfTurn;
    }
}
