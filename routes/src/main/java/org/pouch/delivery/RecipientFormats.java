package org.pouch.delivery;

import java.util.Locale;
import org.pouch.exchange.PayloadType;
import org.pouch.formats.MessageType;
import org.pouch.formats.catalog.MessageTypes;
import org.pouch.partners.Participant;
import org.pouch.partners.ParticipantDirectory;
import org.pouch.partners.PolicyRule;

/** The payload form an endpoint's {@code format} names, and the start-up check that every one can be delivered. */
public final class RecipientFormats {

    private RecipientFormats() {}

    /** {@code json}, {@code xml}, {@code csv} or {@code calendar} (iCalendar, for training schedules). */
    public static PayloadType of(String format) {
        try {
            return PayloadType.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("format '" + format + "' is not json, xml, csv or calendar", e);
        }
    }

    /**
     * Checks that every participant's endpoint format is known and that every message type the policy
     * lets reach it can be written in that format.
     *
     * @throws IllegalArgumentException naming the participant and the problem
     */
    public static void check(ParticipantDirectory directory) {
        for (Participant participant : directory.participants()) {
            participant.endpoint().ifPresent(endpoint -> {
                PayloadType format;
                try {
                    format = of(endpoint.format());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(participant.id() + ".endpoint: " + e.getMessage());
                }
                for (PolicyRule rule : directory.policy()) {
                    if (!rule.to().equals(participant.id())) {
                        continue;
                    }
                    for (MessageType<?> type : MessageTypes.all()) {
                        if (type.name().equals(rule.type())
                                && !type.outboundFormats().contains(format)) {
                            throw new IllegalArgumentException(participant.id() + ".endpoint: " + rule.type() + " "
                                    + type.schemaVersion() + " cannot be delivered as " + endpoint.format());
                        }
                    }
                }
            });
        }
    }
}
