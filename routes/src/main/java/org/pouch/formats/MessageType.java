package org.pouch.formats;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;

/**
 * One message type at one schema version: how its payloads are read into the canonical model, checked
 * against the schema and the business rules, and written in each outbound format.
 *
 * @param <T> the canonical model
 */
public interface MessageType<T> {

    /** The type as the exchange header names it, for example {@code pilgrim-list}. */
    String name();

    /** The schema version as the exchange header names it, for example {@code 1.0}. */
    String schemaVersion();

    /** The payload forms a sender may submit. */
    Set<PayloadType> inboundFormats();

    /** The payload forms the gateway can deliver. */
    Set<PayloadType> outboundFormats();

    /**
     * Reads a payload into the canonical model after checking it against the schema of its format.
     *
     * @throws RejectedException {@link RejectionReason#SCHEMA_INVALID} naming the field path
     */
    T read(Payload payload);

    /** Writes the canonical model in one of the {@link #outboundFormats()}. */
    Payload write(T message, PayloadType format);

    /** Every business rule the message breaks, in document order; empty when it keeps them all. */
    List<RuleViolation> check(T message);

    /**
     * Schema, then business rules: what the guard runs on a submission.
     *
     * @throws RejectedException {@link RejectionReason#SCHEMA_INVALID} or {@link
     *     RejectionReason#BUSINESS_RULE_VIOLATED}, the detail naming the field path and the rule
     */
    default T validate(Payload payload) {
        T message = read(payload);
        RuleViolation.rejectIfAny(check(message));
        return message;
    }

    /**
     * What the guard runs: {@link #validate}, except that a type that checks a payload as a stream returns
     * no model rather than bind a message of any length; whoever needs its facts reads them from the payload
     * again, as a stream.
     *
     * @return the validated model, or empty when the payload was checked as a stream
     */
    default Optional<T> validateStreamed(Payload payload) {
        return Optional.of(validate(payload));
    }

    /**
     * The fields a recipient may be denied, by their path in the canonical JSON form without the leading
     * {@code $.} (for example {@code subject.documents}); only optional fields, so that what is left is
     * still a valid message. Empty for a type that allows no stripping.
     */
    default Set<String> strippableFields() {
        return Set.of();
    }

    /**
     * Data minimisation: a copy of the message without the fields at these paths. Pure; the input is
     * never changed.
     *
     * @throws IllegalArgumentException when a path is not one of {@link #strippableFields()}, so that a
     *     misspelt policy fails loudly instead of sending what it meant to hold back
     */
    default T minimise(T message, Set<String> paths) {
        if (!paths.isEmpty()) {
            throw new IllegalArgumentException(name() + " has no fields that can be stripped: " + paths);
        }
        return message;
    }

    /**
     * A transform from payloads in {@code from} into the JSON form, read and written as a stream, when this
     * type has one: how delivery turns a message of any size into the recipient's form without holding it.
     * Its tokens are exactly those of {@code write(minimise(read(payload), stripped), JSON)}; the pairs it
     * does not cover (empty) go through the model.
     */
    default Optional<StreamingJsonTransform> streamingTransform(PayloadType from, PayloadType to) {
        return Optional.empty();
    }

    /** Validates a payload and writes it in the recipient's format: what delivery runs. */
    default Payload transform(Payload payload, PayloadType format) {
        return write(validate(payload), format);
    }
}
