package org.pouch.keys;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a key is in its life. The allowed moves are the one table below; everything else is refused.
 *
 * <pre>
 * pending --promote--> primary --(another is promoted)--> secondary --retire--> retired --destroy--> destroyed
 *                         ^                                   |
 *                         +------------promote (roll back)----+
 * </pre>
 */
public enum KeyState {
    /** Generated, its CSR issued; its certificate may have been imported. Never used yet. */
    PENDING,
    /** The one key that signs and that partners seal to. */
    PRIMARY,
    /** The previous primary during its grace period: still opens and verifies, never signs or is sealed to. */
    SECONDARY,
    /** Out of service: kept only to verify old signatures and log checkpoints; envelopes sealed to it are refused. */
    RETIRED,
    /** Its private key is erased; its certificate stays on record. */
    DESTROYED;

    private static final Map<KeyState, Set<KeyState>> NEXT = Map.of(
            PENDING, Set.of(PRIMARY),
            PRIMARY, Set.of(SECONDARY),
            SECONDARY, Set.of(PRIMARY, RETIRED),
            RETIRED, Set.of(DESTROYED),
            DESTROYED, Set.of());

    /** Whether a key may move from this state straight to {@code next}. */
    public boolean mayBecome(KeyState next) {
        return NEXT.get(this).contains(next);
    }

    /** Primary or secondary: the key opens envelopes and its signatures are accepted. */
    public boolean live() {
        return this == PRIMARY || this == SECONDARY;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
