package org.pouch.exchange;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The header of an exchange document. It travels inside the signature, so nobody can re-address,
 * retype or replay a signed message as something else.
 *
 * @param messageId the sender's id for this message, unique per sender
 * @param type the message type, for example {@code pilgrim-list}
 * @param schemaVersion the version of the type's schema the payload follows, for example {@code 1.0}
 * @param from the sending participant; must be the signer
 * @param to the participant the message is for
 * @param createdAt when the sender created the message, to the millisecond
 * @param inReplyTo the message id this one answers, if any
 * @param origin on a document a gateway delivers: the original sender and its message id; absent on
 *     what a participant sends
 */
public record Header(
        String messageId,
        String type,
        String schemaVersion,
        ParticipantId from,
        ParticipantId to,
        Instant createdAt,
        Optional<String> inReplyTo,
        Optional<Origin> origin) {

    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]{1,63}");
    private static final Pattern SCHEMA_VERSION = Pattern.compile("[0-9]{1,4}(\\.[0-9]{1,4}){0,2}");

    public Header {
        require(messageId, MESSAGE_ID, "messageId");
        require(type, TYPE, "type");
        require(schemaVersion, SCHEMA_VERSION, "schemaVersion");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(createdAt, "createdAt");
        createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
        inReplyTo = Objects.requireNonNullElse(inReplyTo, Optional.empty());
        inReplyTo.ifPresent(id -> require(id, MESSAGE_ID, "inReplyTo"));
        origin = Objects.requireNonNullElse(origin, Optional.empty());
        origin.ifPresent(o -> require(o.messageId(), MESSAGE_ID, "origin.messageId"));
    }

    public Header(
            String messageId,
            String type,
            String schemaVersion,
            ParticipantId from,
            ParticipantId to,
            Instant createdAt,
            Optional<String> inReplyTo) {
        this(messageId, type, schemaVersion, from, to, createdAt, inReplyTo, Optional.empty());
    }

    public Header(
            String messageId,
            String type,
            String schemaVersion,
            ParticipantId from,
            ParticipantId to,
            Instant createdAt) {
        this(messageId, type, schemaVersion, from, to, createdAt, Optional.empty(), Optional.empty());
    }

    private static void require(String value, Pattern pattern, String field) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("header field " + field + " is missing or badly formed");
        }
    }
}
