package org.pouch.gateway.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.pouch.exchange.RejectedException;
import org.pouch.intake.Channel;
import org.pouch.intake.Intake;
import org.pouch.intake.IntakeOutcome;
import org.pouch.intake.Submission;

/**
 * Stands in for the intake in the edges' own tests: records what an edge handed over or refused, and
 * answers a submission with what the test tells it to. Those tests check an edge's mapping of requests and
 * outcomes; the intake route and its audit trail are tested against the running gateway.
 */
public final class RecordingIntake implements Intake {

    public static final String EXCHANGE_ID = "01J9ZK3V7Q8X2R4T6Y8A0C2E4G";
    public static final byte[] RECEIPT = "a signed receipt, DER in real life".getBytes(StandardCharsets.US_ASCII);

    private static final Function<Submission, IntakeOutcome> ACCEPT =
            submission -> new IntakeOutcome.Accepted(EXCHANGE_ID, RECEIPT.clone(), false);

    /** A refusal an edge reported, and the incident id it was given. */
    public record Refusal(
            Channel channel, Optional<X509Certificate> client, RejectedException refusal, String incidentId) {}

    private final List<Submission> submissions = new CopyOnWriteArrayList<>();
    private final List<Refusal> refusals = new CopyOnWriteArrayList<>();
    private volatile Function<Submission, IntakeOutcome> answer = ACCEPT;

    @Override
    public IntakeOutcome submit(Submission submission) {
        // A copy (spooled past 1 MiB, like the edge's): the edge deletes its spool once the intake has
        // answered; reset() deletes the copies.
        submissions.add(Submission.of(bytes(submission), submission.channel(), submission.tlsClientCertificate()));
        return answer.apply(submission);
    }

    /** The envelope a submission carries. */
    public static byte[] bytes(Submission submission) {
        try (InputStream envelope = submission.envelope().openStream()) {
            return envelope.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public IntakeOutcome.Rejected refuse(Channel channel, Optional<X509Certificate> client, RejectedException refusal) {
        String incidentId = "edge-incident-" + (refusals.size() + 1);
        refusals.add(new Refusal(channel, client, refusal, incidentId));
        return new IntakeOutcome.Rejected(refusal.reason(), incidentId);
    }

    public void answerWith(Function<Submission, IntakeOutcome> answer) {
        this.answer = answer;
    }

    public void reset() {
        submissions.forEach(Submission::close);
        submissions.clear();
        refusals.clear();
        answer = ACCEPT;
    }

    public List<Submission> submissions() {
        return List.copyOf(submissions);
    }

    public List<Refusal> refusals() {
        return List.copyOf(refusals);
    }
}
