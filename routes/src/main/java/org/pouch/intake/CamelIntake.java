package org.pouch.intake;

import java.util.Objects;
import org.apache.camel.ProducerTemplate;

/** The {@link Intake} the edges call: hands each submission to the {@code intake} route and waits. */
public final class CamelIntake implements Intake {

    private final ProducerTemplate template;

    /** @param template a template of the Camel context that runs {@link IntakeRoutes} */
    public CamelIntake(ProducerTemplate template) {
        this.template = Objects.requireNonNull(template);
    }

    @Override
    public IntakeOutcome submit(Submission submission) {
        return template.requestBody(IntakeRoutes.entry().getRawUri(), submission, IntakeOutcome.class);
    }
}
