package org.pouch.gateway.soap;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.pouch.intake.Intake;
import org.pouch.intake.IntakeOutcome;
import org.pouch.intake.Submission;

/**
 * Stands in for the intake route in the edge tests: records what the edge handed over and answers what
 * the test tells it to. The edge tests check the edge's mapping of requests and outcomes, not the route.
 */
public final class RecordingIntake implements Intake {

    static final String EXCHANGE_ID = "01J9ZK3V7Q8X2R4T6Y8A0C2E4G";
    static final byte[] RECEIPT = "a signed receipt, DER in real life".getBytes(StandardCharsets.US_ASCII);

    private static final Function<Submission, IntakeOutcome> ACCEPT =
            submission -> new IntakeOutcome.Accepted(EXCHANGE_ID, RECEIPT.clone(), false);

    private final List<Submission> submissions = new CopyOnWriteArrayList<>();
    private volatile Function<Submission, IntakeOutcome> answer = ACCEPT;

    @Override
    public IntakeOutcome submit(Submission submission) {
        submissions.add(submission);
        return answer.apply(submission);
    }

    void answerWith(Function<Submission, IntakeOutcome> answer) {
        this.answer = answer;
    }

    void reset() {
        submissions.clear();
        answer = ACCEPT;
    }

    List<Submission> submissions() {
        return List.copyOf(submissions);
    }
}
