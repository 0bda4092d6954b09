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
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;
import org.pouch.gateway.soap.wsdl.PouchExchange;
import org.pouch.gateway.soap.wsdl.SubmitFault;
import org.pouch.gateway.soap.wsdl.SubmitRequest;
import org.pouch.gateway.soap.wsdl.SubmitResponse;
import org.pouch.intake.Channel;
import org.pouch.intake.Intake;
import org.pouch.intake.IntakeOutcome;
import org.pouch.intake.Submission;

/**
 * The {@code submit} operation: reads the envelope and the TLS client certificate, hands both to the
 * intake and answers with its receipt or its rejection. Anything that goes wrong here is refused through
 * {@link Intake#refuse}, which audits it and gives it an incident id, so CXF never puts an exception's own
 * message on the wire.
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

    private final Intake intake;
    private final long maxEnvelopeBytes;

    // Injected by CXF when the endpoint is published; it reads the current request's context per thread.
    @Resource
    private WebServiceContext context;

    SoapIntakeEndpoint(Intake intake, long maxEnvelopeBytes) {
        this.intake = intake;
        this.maxEnvelopeBytes = maxEnvelopeBytes;
    }

    @Override
    public SubmitResponse submit(SubmitRequest request) throws SubmitFault {
        Optional<X509Certificate> client =
                clientCertificate(context.getMessageContext().get(MessageContext.SERVLET_REQUEST));
        // The partner port already demands a client certificate; checked again so that a listener
        // configured without client authentication refuses submissions instead of accepting anonymous ones.
        if (client.isEmpty()) {
            throw refused(client, RejectionReason.CLIENT_NOT_SIGNER, "no TLS client certificate", null);
        }
        IntakeOutcome outcome;
        // Spooled past 1 MiB, and the spool deleted once the intake has answered, whatever the answer.
        try (Submission submission = envelope(request, client)) {
            outcome = intake.submit(submission);
        } catch (RuntimeException e) {
            throw refused(client, RejectionReason.INTERNAL_ERROR, "the intake failed", e);
        }
        if (outcome instanceof IntakeOutcome.Rejected rejected) {
            throw SoapRejections.fault(rejected);
        }
        IntakeOutcome.Accepted accepted = (IntakeOutcome.Accepted) outcome;
        SubmitResponse response = new SubmitResponse();
        response.setExchangeId(accepted.exchangeId());
        response.setReceipt(new DataHandler(new DerDataSource("receipt", accepted.receipt())));
        response.setRepeated(accepted.repeated());
        return response;
    }

    /** The TLS client certificate of a servlet request, if it is one and came with a certificate. */
    static Optional<X509Certificate> clientCertificate(Object servletRequest) {
        if (servletRequest instanceof HttpServletRequest http
                && http.getAttribute(CLIENT_CERTIFICATES_ATTRIBUTE) instanceof X509Certificate[] chain
                && chain.length > 0) {
            return Optional.of(chain[0]);
        }
        return Optional.empty();
    }

    private Submission envelope(SubmitRequest request, Optional<X509Certificate> client) throws SubmitFault {
        DataHandler envelope = request == null ? null : request.getEnvelope();
        if (envelope == null) {
            throw refused(client, RejectionReason.MALFORMED_ENVELOPE, "no envelope element", null);
        }
        // One byte past the limit is enough to know. An MTOM attachment is streamed (CXF keeps a large one
        // in a temporary file, not on the heap), so a huge one is never read to its end.
        Submission submission;
        try (InputStream in = envelope.getInputStream()) {
            submission = Submission.read(in, maxEnvelopeBytes, Channel.SOAP, client.get());
        } catch (IOException e) {
            RejectionReason reason =
                    RequestSizeLimit.exceededIn(e) ? RejectionReason.TOO_LARGE : RejectionReason.MALFORMED_ENVELOPE;
            throw refused(client, reason, "the envelope could not be read", e);
        }
        if (submission.envelope().size() > maxEnvelopeBytes) {
            submission.close();
            throw refused(
                    client, RejectionReason.TOO_LARGE, "envelope larger than " + maxEnvelopeBytes + " bytes", null);
        }
        return submission;
    }

    /** A refusal of the edge's own, recorded (and audited) by the intake, which gives it its incident id. */
    private SubmitFault refused(
            Optional<X509Certificate> client, RejectionReason reason, String detail, Exception cause) {
        return SoapRejections.fault(intake.refuse(Channel.SOAP, client, new RejectedException(reason, detail, cause)));
    }
}
