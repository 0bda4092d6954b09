package org.pouch.intake;

import java.security.cert.X509Certificate;
import java.util.Optional;
import org.pouch.exchange.RejectedException;

/**
 * The one door into the gateway for partner submissions. The REST and SOAP edges call it and map the
 * outcome to their wire: a 202 with the receipt or RFC 9457 problem details; a SOAP response or fault.
 * Every rejection goes through it, also those an edge makes on its own, so that every one is audited.
 */
public interface Intake {

    /** Opens, guards and accepts the submission; never throws for anything the sender did. */
    IntakeOutcome submit(Submission submission);

    /**
     * Records a request the edge refused on its own, before it had a submission to hand over: no TLS client
     * certificate, a request it cannot read, one past its size limit, a failure of the edge itself. Audited
     * as a rejection at step {@link IntakeRoutes#EDGE_REST} or {@link IntakeRoutes#EDGE_SOAP}, with the TLS
     * client's participant (or the certificate's subject) as the actor; the detail goes to the log only.
     * Never throws, so that the edge can always answer.
     *
     * @param client the TLS client certificate the request came with, if any
     * @param refusal the reason, and the detail for the gateway's log
     * @return the reason and the incident id to put on the wire
     */
    IntakeOutcome.Rejected refuse(Channel channel, Optional<X509Certificate> client, RejectedException refusal);
}
