package org.pouch.gateway.soap;

import org.pouch.exchange.RejectionReason;
import org.pouch.gateway.soap.wsdl.Rejection;
import org.pouch.gateway.soap.wsdl.SubmitFault;
import org.pouch.intake.IntakeOutcome;

/**
 * Turns a rejection into the fault the WSDL declares: the reason's code, the incident id and whether a
 * retry can help in the detail, and a fault string that says nothing the code does not already say.
 */
final class SoapRejections {

    private SoapRejections() {}

    static SubmitFault fault(IntakeOutcome.Rejected rejected) {
        RejectionReason reason = rejected.reason();
        String incidentId = rejected.incidentId();
        Rejection rejection = new Rejection();
        rejection.setCode(reason.code());
        rejection.setIncidentId(incidentId);
        rejection.setRetryable(reason.retryable());
        return new SubmitFault(
                "Rejected: " + reason.code() + ". Quote incident " + incidentId + " to the gateway operators.",
                rejection);
    }
}
