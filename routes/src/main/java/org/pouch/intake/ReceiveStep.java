package org.pouch.intake;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Optional;
import org.pouch.exchange.ParticipantId;
import org.pouch.partners.ParticipantDirectory;

/**
 * Step {@code intake}: notes who delivered what. The note (a {@code RECEIVED} entry) goes into the audit log
 * with the intake's outcome, in the same append, rather than on its own before the work starts: a request
 * then waits for the log once, not twice. Every submission that is answered is in the log with its
 * outcome; one the gateway dies working on is not, and its sender, who got no answer, sends it again.
 */
final class ReceiveStep {

    /** The audit log keeps at most this many characters of an actor. */
    static final int MAX_ACTOR_LENGTH = 128;

    private final ParticipantDirectory directory;
    private final Clock clock;

    ReceiveStep(ParticipantDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    ReceivedSubmission receive(Submission submission) {
        Optional<ParticipantId> client = directory.participantAuthenticatedBy(submission.tlsClientCertificate());
        return new ReceivedSubmission(submission, submission.envelopeSha256(), client, clock.instant());
    }

    /** Who to name as the actor of an intake event: the TLS client's participant, or its subject. */
    static String actor(ReceivedSubmission received) {
        return actor(received.client(), received.submission().tlsClientCertificate());
    }

    /**
     * The participant the TLS client certificate belongs to, or the certificate's subject, cut to what
     * the audit log's actor column holds: a long subject must not make the audit entry fail.
     */
    static String actor(Optional<ParticipantId> participant, X509Certificate tlsClientCertificate) {
        String actor = participant
                .map(ParticipantId::value)
                .orElse("unregistered client "
                        + tlsClientCertificate.getSubjectX500Principal().getName());
        return actor.length() <= MAX_ACTOR_LENGTH ? actor : actor.substring(0, MAX_ACTOR_LENGTH - 1) + "…";
    }
}
