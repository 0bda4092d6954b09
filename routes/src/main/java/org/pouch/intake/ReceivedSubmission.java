package org.pouch.intake;

import java.time.Instant;
import java.util.Optional;
import org.pouch.exchange.ParticipantId;

/**
 * A submission as the intake first sees it.
 *
 * @param envelopeSha256 lower-case hex SHA-256 of the envelope bytes as received
 * @param client the participant the TLS client certificate belongs to, if any
 */
record ReceivedSubmission(
        Submission submission, String envelopeSha256, Optional<ParticipantId> client, Instant receivedAt) {}
