package org.pouch.gateway.soap;

import java.security.cert.X509Certificate;
import java.util.Optional;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.jaxws.interceptors.WebFaultOutInterceptor;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.FaultMode;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;
import org.pouch.gateway.soap.wsdl.SubmitFault;
import org.pouch.intake.Channel;
import org.pouch.intake.Intake;

/**
 * Gives every fault of the exchange service the shape the WSDL promises: a {@code rejection} detail, a
 * generic fault string, and the faultcode of the reason's side ({@code soap:Client} or
 * {@code soap:Server}; CXF would otherwise send {@code soap:Server} for every declared fault).
 *
 * <p>Faults that CXF raises itself, before the endpoint runs, carry parser messages and sometimes the
 * names of Java methods and their arguments. They become rejections here, recorded (and audited) by the
 * intake as refusals of this edge: {@code too-large} when the request passed its size limit,
 * {@code malformed-envelope} for any other request the service cannot read (not XML, a DTD, an unknown
 * operation, past the XML limits), {@code internal-error} when the endpoint itself failed. Their cause
 * goes to the log under the incident id, never onto the wire.
 */
final class RejectionFaults extends AbstractPhaseInterceptor<Message> {

    private final Intake intake;

    RejectionFaults(Intake intake) {
        super(Phase.PRE_PROTOCOL);
        // The JAX-WS interceptor writes a declared fault's detail; it must see the rejection made here.
        addBefore(WebFaultOutInterceptor.class.getName());
        this.intake = intake;
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

    private SubmitFault translate(Exception thrown, Message message) {
        RejectionReason reason;
        String detail;
        if (RequestSizeLimit.exceededIn(thrown)) {
            reason = RejectionReason.TOO_LARGE;
            detail = "the request body passed its limit";
        } else if (message.get(FaultMode.class) == FaultMode.UNCHECKED_APPLICATION_FAULT) {
            reason = RejectionReason.INTERNAL_ERROR;
            detail = "the endpoint failed";
        } else {
            reason = RejectionReason.MALFORMED_ENVELOPE;
            detail = "the SOAP request cannot be read";
        }
        return SoapRejections.fault(
                intake.refuse(Channel.SOAP, clientCertificate(message), new RejectedException(reason, detail, thrown)));
    }

    /** The TLS client certificate of the request this fault answers, if it came with one. */
    private static Optional<X509Certificate> clientCertificate(Message fault) {
        Exchange exchange = fault.getExchange();
        Message request = exchange == null ? null : exchange.getInMessage();
        return SoapIntakeEndpoint.clientCertificate(
                request == null ? null : request.get(AbstractHTTPDestination.HTTP_REQUEST));
    }
}
