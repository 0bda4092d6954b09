package org.pouch.intake;

import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import org.apache.camel.ProducerTemplate;
import org.pouch.exchange.RejectedException;

/**
 * The {@link Intake} the edges call: hands each submission to the {@code intake} route and waits, and
 * records an edge's own refusals with the routes' rejection step, since there is nothing to open or guard.
 */
public final class CamelIntake implements Intake {

    private final ProducerTemplate template;
    private final IntakeRoutes routes;

    /**
     * @param template a template of the Camel context that runs {@code routes}
     * @param routes the intake routes
     */
    public CamelIntake(ProducerTemplate template, IntakeRoutes routes) {
        this.template = Objects.requireNonNull(template);
        this.routes = Objects.requireNonNull(routes);
    }

    @Override
    public IntakeOutcome submit(Submission submission) {
        return template.requestBody(IntakeRoutes.entry().getRawUri(), submission, IntakeOutcome.class);
    }

    @Override
    public IntakeOutcome.Rejected refuse(Channel channel, Optional<X509Certificate> client, RejectedException refusal) {
        return routes.refuseAtEdge(
                Objects.requireNonNull(channel), Objects.requireNonNull(client), Objects.requireNonNull(refusal));
    }
}
