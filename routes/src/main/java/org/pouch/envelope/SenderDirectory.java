package org.pouch.envelope;

import java.security.cert.X509Certificate;
import java.util.Optional;
import org.pouch.exchange.ParticipantId;

/** What the opener needs to know about senders, answered by the participant directory. */
public interface SenderDirectory {

    /** The participant that registered this certificate as one of its live signing certificates. */
    Optional<ParticipantId> participantSigningWith(X509Certificate certificate);

    /**
     * Whether the participant may still send legacy EnvelopedData (AES-256-CBC) instead of
     * AuthEnvelopedData. Off unless its configuration says so.
     */
    boolean allowsLegacyEncryption(ParticipantId participant);
}
