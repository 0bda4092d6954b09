package org.pouch.gateway.soap;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.jaxws.interceptors.WebFaultOutInterceptor;
import org.apache.cxf.message.FaultMode;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.pouch.exchange.RejectionReason;
import org.pouch.gateway.soap.wsdl.SubmitFault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every fault of the exchange service the shape the WSDL promises: a {@code rejection} detail, a
 * generic fault string, and the faultcode of the reason's side ({@code soap:Client} or
 * {@code soap:Server}; CXF would otherwise send {@code soap:Server} for every declared fault).
 *
 * <p>Faults that CXF raises itself, before the endpoint runs, carry parser messages and sometimes the
 * names of Java methods and their arguments. They become rejections here: {@code too-large} when the
 * request passed its size limit, {@code malformed-envelope} for any other request the service cannot
 * read (not XML, a DTD, an unknown operation, past the XML limits), {@code internal-error} when the
 * endpoint itself failed. Their cause goes to the log under the incident id, never onto the wire.
 */
final class RejectionFaults extends AbstractPhaseInterceptor<Message> {

    private static final Logger log = LoggerFactory.getLogger(RejectionFaults.class);

    RejectionFaults() {
        super(Phase.PRE_PROTOCOL);
        // The JAX-WS interceptor writes a declared fault's detail; it must see the rejection made here.
        addBefore(WebFaultOutInterceptor.class.getName());
    }

    @Override
    public void handleMessage(Message message) {
        Exception thrown = message.getContent(Exception.class);
        if (thrown == null) {
            return;
        }
        SubmitFault rejection =
                thrown.getCause() instanceof SubmitFault declared ? declared : translate(thrown, message);
        RejectionReason reason =
                RejectionReason.fromCode(rejection.getFaultInfo().getCode());
        Fault fault = new Fault(rejection);
        fault.setFaultCode(
                reason.faultSide() == RejectionReason.FaultSide.SENDER
                        ? Fault.FAULT_CODE_CLIENT
                        : Fault.FAULT_CODE_SERVER);
        message.setContent(Exception.class, fault);
    }

    private static SubmitFault translate(Exception thrown, Message message) {
        RejectionReason reason;
        if (RequestSizeLimit.exceededIn(thrown)) {
            reason = RejectionReason.TOO_LARGE;
        } else if (message.get(FaultMode.class) == FaultMode.UNCHECKED_APPLICATION_FAULT) {
            reason = RejectionReason.INTERNAL_ERROR;
        } else {
            reason = RejectionReason.MALFORMED_ENVELOPE;
        }
        String incidentId = SoapRejections.newIncidentId();
        if (reason == RejectionReason.INTERNAL_ERROR) {
            log.error("SOAP request failed in the edge: incident {}", incidentId, thrown);
        } else {
            log.warn("SOAP request refused: {}, incident {}: {}", reason.code(), incidentId, thrown.toString());
        }
        return SoapRejections.fault(reason, incidentId);
    }
}
