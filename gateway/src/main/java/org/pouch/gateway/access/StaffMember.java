package org.pouch.gateway.access;

import java.util.Objects;
import java.util.Set;

/**
 * A member of staff as the management port knows them: the name audit events record as the actor, and
 * their roles.
 */
public record StaffMember(String name, Set<StaffRole> roles) {

    public StaffMember {
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
    }

    public boolean hasAnyOf(Set<StaffRole> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }
}
