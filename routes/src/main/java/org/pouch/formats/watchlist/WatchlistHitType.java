package org.pouch.formats.watchlist;

import com.fasterxml.jackson.annotation.JsonInclude;
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
import tools.jackson.databind.cfg.DateTimeFeature;

/**
 * {@code watchlist-hit} version 1.0: JSON and XML in; JSON, XML and CSV out. Agencies' matchers send
 * structured data, so no spreadsheet is accepted; analysts receive one.
 */
public final class WatchlistHitType implements MessageType<WatchlistHit> {

    /** The canonical JSON form, checked against the type's JSON Schema. */
    static final JsonForm<WatchlistHit> JSON = JsonForm.of(
            "/schemas/watchlist-hit-1.0.schema.json",
            WatchlistHit.class,
            // The encounter's offset is evidence of local time at the post; Jackson would move it to UTC.
            reader -> reader.without(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE),
            // Empty lists are left out, as absent ones are: the XML form cannot tell them apart either.
            JsonInclude.Include.NON_EMPTY);

    @Override
    public String name() {
        return WatchlistHit.TYPE;
    }

    @Override
    public String schemaVersion() {
        return WatchlistHit.SCHEMA_VERSION;
    }

    @Override
    public Set<PayloadType> inboundFormats() {
        return EnumSet.of(PayloadType.JSON, PayloadType.XML);
    }

    @Override
    public Set<PayloadType> outboundFormats() {
        return EnumSet.of(PayloadType.JSON, PayloadType.XML, PayloadType.CSV);
    }

    @Override
    public WatchlistHit read(Payload payload) {
        return switch (payload.type()) {
            case JSON -> JSON.read(payload);
            case XML -> WatchlistHitXml.read(payload);
            case CSV, CALENDAR ->
                throw new RejectedException(
                        RejectionReason.SCHEMA_INVALID, "$: watchlist-hit is not accepted as " + payload.type());
        };
    }

    @Override
    public Payload write(WatchlistHit hit, PayloadType format) {
        return switch (format) {
            case JSON -> JSON.write(hit);
            case XML -> WatchlistHitXml.write(hit);
            case CSV -> WatchlistHitCsv.write(hit);
            case CALENDAR -> throw new IllegalArgumentException("watchlist-hit has no iCalendar form");
        };
    }

    @Override
    public Set<String> strippableFields() {
        return Arrays.stream(StrippableField.values())
                .map(StrippableField::path)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public WatchlistHit minimise(WatchlistHit hit, Set<String> paths) {
        return WatchlistHitMinimisation.withoutPaths(hit, paths);
    }

    @Override
    public List<RuleViolation> check(WatchlistHit hit) {
        return WatchlistHitRules.check(hit);
    }
}
