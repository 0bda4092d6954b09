package org.pouch.gateway.soap;

import jakarta.activation.DataHandler;
import jakarta.annotation.Resource;
import jakarta.jws.WebService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.pouch.exchange.RejectionReason;
import org.pouch.gateway.soap.wsdl.PouchExchange;
import org.pouch.gateway.soap.wsdl.SubmitFault;
import org.pouch.gateway.soap.wsdl.SubmitRequest;
import org.pouch.gateway.soap.wsdl.SubmitResponse;
import org.pouch.intake.Channel;
import org.pouch.intake.Intake;
import org.pouch.intake.IntakeOutcome;
import org.pouch.intake.Submission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code submit} operation: reads the envelope and the TLS client certificate, hands both to the
 * intake and answers with its receipt or its rejection. Anything that goes wrong here becomes a
 * rejection with an incident id, so CXF never puts an exception's own message on the wire.
 */
@WebService(
        serviceName = "PouchExchangeService",
        portName = "PouchExchangeSoap11",
        targetNamespace = "urn:pouch:exchange:v1",
        endpointInterface = "org.pouch.gateway.soap.wsdl.PouchExchange",
        wsdlLocation = SoapEdgeConfiguration.WSDL_LOCATION)
final class SoapIntakeEndpoint implements PouchExchange {

    /** Where a servlet container puts the client's certificate chain after a TLS handshake. */
    static final String CLIENT_CERTIFICATES_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

    private static final Logger log = LoggerFactory.getLogger(SoapIntakeEndpoint.class);

    private final Intake intake;
    private final int maxEnvelopeBytes;

    // Injected by CXF when the endpoint is published; it reads the current request's context per thread.
    @Resource
    private WebServiceContext context;

    SoapIntakeEndpoint(Intake intake, int maxEnvelopeBytes) {
        this.intake = intake;
        this.maxEnvelopeBytes = maxEnvelopeBytes;
    }

    @Override
    public SubmitResponse submit(SubmitRequest request) throws SubmitFault {
        // The partner port already demands a client certificate; checked again so that a listener
        // configured without client authentication refuses submissions instead of accepting anonymous ones.
        X509Certificate client = clientCertificate()
                .orElseThrow(() -> refused(RejectionReason.CLIENT_NOT_SIGNER, "no TLS client certificate", null));
        byte[] envelope = envelope(request);
        IntakeOutcome outcome;
        try {
            outcome = intake.submit(new Submission(envelope, Channel.SOAP, client));
        } catch (RuntimeException e) {
            throw refused(RejectionReason.INTERNAL_ERROR, "the intake failed", e);
        }
        if (outcome instanceof IntakeOutcome.Rejected rejected) {
            throw SoapRejections.fault(rejected.reason(), rejected.incidentId());
        }
        IntakeOutcome.Accepted accepted = (IntakeOutcome.Accepted) outcome;
        SubmitResponse response = new SubmitResponse();
        response.setExchangeId(accepted.exchangeId());
        response.setReceipt(new DataHandler(new DerDataSource("receipt", accepted.receipt())));
        response.setRepeated(accepted.repeated());
        return response;
    }

    private Optional<X509Certificate> clientCertificate() {
        Object request = context.getMessageContext().get(MessageContext.SERVLET_REQUEST);
        if (request instanceof HttpServletRequest http
                && http.getAttribute(CLIENT_CERTIFICATES_ATTRIBUTE) instanceof X509Certificate[] chain
                && chain.length > 0) {
            return Optional.of(chain[0]);
        }
        return Optional.empty();
    }

    private byte[] envelope(SubmitRequest request) throws SubmitFault {
        DataHandler envelope = request == null ? null : request.getEnvelope();
        if (envelope == null) {
            throw refused(RejectionReason.MALFORMED_ENVELOPE, "no envelope element", null);
        }
        // One byte past the limit is enough to know; an MTOM attachment is streamed, so a huge one is
        // never read to its end.
        try (InputStream in = envelope.getInputStream()) {
            byte[] bytes = in.readNBytes(maxEnvelopeBytes + 1);
            if (bytes.length > maxEnvelopeBytes) {
                throw refused(RejectionReason.TOO_LARGE, "envelope larger than " + maxEnvelopeBytes + " bytes", null);
            }
            return bytes;
        } catch (IOException e) {
            RejectionReason reason =
                    RequestSizeLimit.exceededIn(e) ? RejectionReason.TOO_LARGE : RejectionReason.MALFORMED_ENVELOPE;
            throw refused(reason, "the envelope could not be read", e);
        }
    }

    private static SubmitFault refused(RejectionReason reason, String detail, Exception cause) {
        String incidentId = SoapRejections.newIncidentId();
        if (reason.faultSide() == RejectionReason.FaultSide.RECEIVER) {
            log.error("SOAP submission failed in the edge: incident {}: {}", incidentId, detail, cause);
        } else {
            log.warn(
                    "SOAP submission refused by the edge: {}, incident {}: {}",
                    reason.code(),
                    incidentId,
                    detail,
                    cause);
        }
        return SoapRejections.fault(reason, incidentId);
    }
}
