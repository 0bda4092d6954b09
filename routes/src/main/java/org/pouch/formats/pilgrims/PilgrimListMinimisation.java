package org.pouch.formats.pilgrims;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Data minimisation: a copy of a pilgrim list without the fields a recipient may not see. Pure functions;
 * the input is never changed. A path that names no {@link StrippableField} is refused rather than ignored,
 * so that a misspelt policy fails before delivery instead of sending what it meant to hold back.
 */
public final class PilgrimListMinimisation {

    private PilgrimListMinimisation() {}

    /** The list without the given fields. */
    public static PilgrimList without(PilgrimList list, Set<StrippableField> fields) {
        return new PilgrimList(
                without(list.group(), fields),
                list.pilgrims().stream().map(p -> without(p, fields)).toList());
    }

    /** The group without the given fields: what a list streamed a pilgrim at a time strips from its group. */
    static Group without(Group g, Set<StrippableField> fields) {
        GroupLeader l = g.leader();
        GroupLeader leader = new GroupLeader(
                l.name(),
                fields.contains(StrippableField.GROUP_LEADER_NAME_NATIVE) ? null : l.nameNative(),
                fields.contains(StrippableField.GROUP_LEADER_PHONE) ? null : l.phone());
        return new Group(
                g.reference(),
                g.organiser(),
                leader,
                g.portOfEntry(),
                g.arrival(),
                g.departure(),
                g.permittedStayDays());
    }

    /** One pilgrim without the given fields. */
    static Pilgrim without(Pilgrim p, Set<StrippableField> fields) {
        return new Pilgrim(
                p.surname(),
                p.givenNames(),
                fields.contains(StrippableField.PILGRIMS_NAME_NATIVE) ? null : p.nameNative(),
                p.sex(),
                p.dateOfBirth(),
                p.nationality(),
                p.passport(),
                fields.contains(StrippableField.PILGRIMS_NATIONAL_ID) ? null : p.nationalId(),
                fields.contains(StrippableField.PILGRIMS_MRZ) ? null : p.mrz(),
                fields.contains(StrippableField.PILGRIMS_VISA_NUMBER) ? null : p.visaNumber());
    }

    /**
     * The list without the fields at the given paths ({@code pilgrims[*].nationalId}).
     *
     * @throws IllegalArgumentException when a path is not one of the {@link StrippableField}s
     */
    public static PilgrimList withoutPaths(PilgrimList list, Collection<String> paths) {
        return without(list, fields(paths));
    }

    /**
     * The fields at the given paths.
     *
     * @throws IllegalArgumentException when a path is not one of the {@link StrippableField}s
     */
    static Set<StrippableField> fields(Collection<String> paths) {
        Set<StrippableField> fields = EnumSet.noneOf(StrippableField.class);
        for (String path : paths) {
            fields.add(StrippableField.byPath(path)
                    .orElseThrow(() -> new IllegalArgumentException("not a field that can be stripped: " + path)));
        }
        return fields;
    }
}
