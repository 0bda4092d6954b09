package org.pouch.gateway.soap;

import java.util.UUID;
import org.pouch.exchange.RejectionReason;
import org.pouch.gateway.soap.wsdl.Rejection;
import org.pouch.gateway.soap.wsdl.SubmitFault;

/**
 * Turns a rejection into the fault the WSDL declares: the reason's code, the incident id and whether a
 * retry can help in the detail, and a fault string that says nothing the code does not already say.
 */
final class SoapRejections {

    private SoapRejections() {}

    static SubmitFault fault(RejectionReason reason, String incidentId) {
        Rejection rejection = new Rejection();
        rejection.setCode(reason.code());
        rejection.setIncidentId(incidentId);
        rejection.setRetryable(reason.retryable());
        return new SubmitFault(
                "Rejected: " + reason.code() + ". Quote incident " + incidentId + " to the gateway operators.",
                rejection);
    }

    /**
     * An incident id for a rejection the edge makes itself, before the intake sees the request. Random, so
     * that it tells an outsider nothing about the gateway's traffic.
     */
    static String newIncidentId() {
        return UUID.randomUUID().toString();
    }
}
