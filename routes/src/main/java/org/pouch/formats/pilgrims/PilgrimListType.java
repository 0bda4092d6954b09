package org.pouch.formats.pilgrims;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;
import org.pouch.formats.JsonForm;
import org.pouch.formats.JsonInput;
import org.pouch.formats.MessageType;
import org.pouch.formats.RuleViolation;
import org.pouch.formats.StreamingJsonTransform;
import tools.jackson.core.JacksonException;

/** {@code pilgrim-list} version 1.0: JSON, XML and CSV in and out. */
public final class PilgrimListType implements MessageType<PilgrimList> {

    /** The canonical JSON form, checked against the type's JSON Schema. */
    static final JsonForm<PilgrimList> JSON = JsonForm.of("/schemas/pilgrim-list-1.0.schema.json", PilgrimList.class);

    @Override
    public String name() {
        return PilgrimList.TYPE;
    }

    @Override
    public String schemaVersion() {
        return PilgrimList.SCHEMA_VERSION;
    }

    @Override
    public Set<PayloadType> inboundFormats() {
        return EnumSet.of(PayloadType.JSON, PayloadType.XML, PayloadType.CSV);
    }

    @Override
    public Set<PayloadType> outboundFormats() {
        return EnumSet.of(PayloadType.JSON, PayloadType.XML, PayloadType.CSV);
    }

    @Override
    public PilgrimList read(Payload payload) {
        return switch (payload.type()) {
            case JSON -> JSON.read(payload);
            case XML -> PilgrimListXml.read(payload);
            case CSV -> PilgrimListCsv.read(payload);
            case CALENDAR ->
                throw new RejectedException(
                        RejectionReason.SCHEMA_INVALID, "$: pilgrim-list is not accepted as iCalendar");
        };
    }

    /**
     * The canonical JSON form is checked as a stream, one pilgrim at a time (see {@link
     * PilgrimListJsonCheck}), then bound without building a tree; XML and CSV as the other types are.
     */
    @Override
    public PilgrimList validate(Payload payload) {
        if (payload.type() != PayloadType.JSON) {
            return MessageType.super.validate(payload);
        }
        PilgrimListJsonCheck.check(payload);
        try (InputStream in = payload.openStream()) {
            return JsonInput.mapper().readValue(in, PilgrimList.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JacksonException e) {
            throw new RejectedException(RejectionReason.SCHEMA_INVALID, "$: does not bind to the model", e);
        }
    }

    /**
     * The canonical JSON form is checked as a stream (see {@link PilgrimListJsonCheck}) and not bound: a
     * list of 250,000 pilgrims is about 1 KB of heap a pilgrim as a model. {@link PilgrimListStream} reads
     * its facts again as a stream. XML and CSV are validated and bound as the other types are.
     */
    @Override
    public Optional<PilgrimList> validateStreamed(Payload payload) {
        if (!PilgrimListStream.reads(payload)) {
            return Optional.of(validate(payload));
        }
        PilgrimListJsonCheck.check(payload);
        return Optional.empty();
    }

    @Override
    public Payload write(PilgrimList list, PayloadType format) {
        return switch (format) {
            case JSON -> JSON.write(list);
            case XML -> PilgrimListXml.write(list);
            case CSV -> PilgrimListCsv.write(list);
            case CALENDAR -> throw new IllegalArgumentException("pilgrim-list has no iCalendar form");
        };
    }

    @Override
    public Set<String> strippableFields() {
        return Arrays.stream(StrippableField.values())
                .map(StrippableField::path)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public PilgrimList minimise(PilgrimList list, Set<String> paths) {
        return PilgrimListMinimisation.withoutPaths(list, paths);
    }

    /** The canonical JSON form delivered as itself: the large case, a pilgrim at a time. */
    @Override
    public Optional<StreamingJsonTransform> streamingTransform(PayloadType from, PayloadType to) {
        return from == PayloadType.JSON && to == PayloadType.JSON
                ? Optional.of(PilgrimListJsonStream::write)
                : Optional.empty();
    }

    @Override
    public List<RuleViolation> check(PilgrimList list) {
        return PilgrimListRules.check(list);
    }
}
