package org.pouch.gateway.delivery;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.pouch.delivery.PartnerTransport;
import org.pouch.exchange.Content;
import org.pouch.gateway.soap.wsdl.PouchExchange;
import org.pouch.gateway.soap.wsdl.SubmitFault;
import org.pouch.gateway.soap.wsdl.SubmitRequest;
import org.pouch.gateway.soap.wsdl.SubmitResponse;
import org.pouch.partners.Participant;

/**
 * SOAP delivery: an Apache CXF client of the exchange service WSDL the gateway's own SOAP edge serves,
 * so a partner that is another Pouch gateway takes it as it is. The envelope goes as an MTOM
 * attachment, over mutual TLS, with the same {@code Idempotency-Key} HTTP header as REST; the signed
 * receipt comes back in the response. A {@code submit} fault the partner marks retryable counts as 503,
 * any other fault as 400. Its own CXF bus, apart from the SOAP edge's.
 */
final class SoapPartnerTransport implements PartnerTransport, AutoCloseable {

    private static final int MAX_RECEIPT_BYTES = 64 * 1024;

    private final Bus bus = BusFactory.newInstance().createBus();
    private final SSLContext tls;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Map<URI, PouchExchange> ports = new ConcurrentHashMap<>();

    SoapPartnerTransport(SSLContext tls, Duration connectTimeout, Duration requestTimeout) {
        this.tls = tls;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
    }

    @Override
    public Result send(Participant partner, String idempotencyKey, Content envelope) {
        PouchExchange port =
                ports.computeIfAbsent(partner.endpoint().orElseThrow().url(), this::port);
        Map<String, Object> request = ((BindingProvider) port).getRequestContext();
        request.put(Message.PROTOCOL_HEADERS, Map.of(RestPartnerTransport.IDEMPOTENCY_KEY, List.of(idempotencyKey)));
        SubmitRequest submit = new SubmitRequest();
        submit.setEnvelope(new DataHandler(new EnvelopeDataSource(envelope)));
        try {
            SubmitResponse response = port.submit(submit);
            return new Answered(status(port, 200), receipt(response));
        } catch (SubmitFault fault) {
            boolean retryable =
                    fault.getFaultInfo() != null && fault.getFaultInfo().isRetryable();
            return new Answered(retryable ? 503 : 400, Optional.empty());
        } catch (SOAPFaultException fault) {
            return new Answered(status(port, 500), Optional.empty());
        } catch (WebServiceException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new NoAnswer(cause.getClass().getSimpleName());
        }
    }

    private PouchExchange port(URI url) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setBus(bus);
        factory.setServiceClass(PouchExchange.class);
        factory.setAddress(url.toString());
        factory.setProperties(Map.of("mtom-enabled", Boolean.TRUE));
        PouchExchange port = factory.create(PouchExchange.class);
        // Each delivery thread sets its own Idempotency-Key on the shared proxy.
        ((BindingProvider) port).getRequestContext().put("thread.local.request.context", "true");
        Client client = ClientProxy.getClient(port);
        HTTPConduit conduit = (HTTPConduit) client.getConduit();
        TLSClientParameters parameters = new TLSClientParameters();
        parameters.setSslContext(tls);
        conduit.setTlsClientParameters(parameters);
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(connectTimeout.toMillis());
        policy.setReceiveTimeout(requestTimeout.toMillis());
        policy.setAllowChunking(false);
        conduit.setClient(policy);
        return port;
    }

    private static int status(PouchExchange port, int otherwise) {
        Object code = ((BindingProvider) port).getResponseContext().get(MessageContext.HTTP_RESPONSE_CODE);
        return code instanceof Integer status ? status : otherwise;
    }

    private static Optional<byte[]> receipt(SubmitResponse response) {
        if (response == null || response.getReceipt() == null) {
            return Optional.empty();
        }
        try (InputStream in = response.getReceipt().getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_RECEIPT_BYTES + 1);
            return bytes.length == 0 || bytes.length > MAX_RECEIPT_BYTES ? Optional.empty() : Optional.of(bytes);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        bus.shutdown(true);
    }

    /**
     * The envelope as the MTOM attachment's source: each read opens a new stream over the spool or the
     * store, so the attachment is written as it is read. CXF still caches a request it may not chunk (the
     * conduit sends a Content-Length), in memory up to its threshold and in a temporary file beyond: the
     * envelope is ciphertext, so that file holds nothing readable.
     */
    private record EnvelopeDataSource(Content envelope) implements DataSource {
        @Override
        public InputStream getInputStream() {
            return envelope.openStream();
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            throw new IOException("the envelope is read-only");
        }

        @Override
        public String getContentType() {
            return RestPartnerTransport.PKCS7_MIME;
        }

        @Override
        public String getName() {
            return "envelope";
        }
    }
}
