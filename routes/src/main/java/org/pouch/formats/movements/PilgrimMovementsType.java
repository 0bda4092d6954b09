package org.pouch.formats.movements;

import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;
import org.pouch.formats.JsonForm;
import org.pouch.formats.MessageType;
import org.pouch.formats.RuleViolation;

/** {@code pilgrim-movements} version 1.0: JSON and XML in and out. */
public final class PilgrimMovementsType implements MessageType<PilgrimMovements> {

    /** The canonical JSON form, checked against the type's JSON Schema. */
    static final JsonForm<PilgrimMovements> JSON =
            JsonForm.of("/schemas/pilgrim-movements-1.0.schema.json", PilgrimMovements.class);

    private final PilgrimMovementsRules rules;

    /** Checks movement times against the system clock. */
    public PilgrimMovementsType() {
        this(Clock.systemUTC());
    }

    /** @param clock what "now" is when a movement's time is checked for being in the future */
    public PilgrimMovementsType(Clock clock) {
        this.rules = new PilgrimMovementsRules(clock);
    }

    @Override
    public String name() {
        return PilgrimMovements.TYPE;
    }

    @Override
    public String schemaVersion() {
        return PilgrimMovements.SCHEMA_VERSION;
    }

    @Override
    public Set<PayloadType> inboundFormats() {
        return EnumSet.of(PayloadType.JSON, PayloadType.XML);
    }

    @Override
    public Set<PayloadType> outboundFormats() {
        return EnumSet.of(PayloadType.JSON, PayloadType.XML);
    }

    /** @throws RejectedException schema-invalid, also for a CSV payload */
    @Override
    public PilgrimMovements read(Payload payload) {
        return switch (payload.type()) {
            case JSON -> JSON.read(payload);
            case XML -> PilgrimMovementsXml.read(payload);
            case CSV, CALENDAR ->
                throw new RejectedException(
                        RejectionReason.SCHEMA_INVALID, "$: " + PilgrimMovements.TYPE + " has no CSV form");
        };
    }

    /** @throws IllegalArgumentException for CSV, which is not one of the {@link #outboundFormats()} */
    @Override
    public Payload write(PilgrimMovements movements, PayloadType format) {
        return switch (format) {
            case JSON -> JSON.write(movements);
            case XML -> PilgrimMovementsXml.write(movements);
            case CSV, CALENDAR ->
                throw new IllegalArgumentException(PilgrimMovements.TYPE + " has no " + format + " form");
        };
    }

    @Override
    public Set<String> strippableFields() {
        return Arrays.stream(StrippableField.values())
                .map(StrippableField::path)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public PilgrimMovements minimise(PilgrimMovements report, Set<String> paths) {
        return PilgrimMovementsMinimisation.withoutPaths(report, paths);
    }

    @Override
    public List<RuleViolation> check(PilgrimMovements movements) {
        return rules.check(movements);
    }
}
