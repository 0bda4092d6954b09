package org.pouch.formats.movements;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Data minimisation: a copy of a movements report without the fields a recipient may not see. Pure
 * functions; the input is never changed. An unknown path is refused, not ignored.
 */
public final class PilgrimMovementsMinimisation {

    private PilgrimMovementsMinimisation() {}

    /** The report without the given fields. */
    public static PilgrimMovements without(PilgrimMovements report, Set<StrippableField> fields) {
        boolean nameNative = fields.contains(StrippableField.MOVEMENTS_TRAVELLER_NAME_NATIVE);
        return new PilgrimMovements(
                report.answers(),
                report.reportedBy(),
                report.movements().stream()
                        .map(m -> {
                            Traveller t = m.traveller();
                            Traveller traveller = new Traveller(
                                    t.passportNumber(),
                                    t.nationality(),
                                    t.surname(),
                                    t.givenNames(),
                                    nameNative ? null : t.nameNative());
                            return new Movement(m.id(), traveller, m.direction(), m.time(), m.borderPost());
                        })
                        .toList());
    }

    /**
     * The report without the fields at the given paths ({@code movements[*].traveller.nameNative}).
     *
     * @throws IllegalArgumentException when a path is not one of the {@link StrippableField}s
     */
    public static PilgrimMovements withoutPaths(PilgrimMovements report, Collection<String> paths) {
        Set<StrippableField> fields = EnumSet.noneOf(StrippableField.class);
        for (String path : paths) {
            fields.add(StrippableField.byPath(path)
                    .orElseThrow(() -> new IllegalArgumentException("not a field that can be stripped: " + path)));
        }
        return without(report, fields);
    }
}
