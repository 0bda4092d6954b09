package org.pouch.gateway.testing;

import jakarta.activation.DataHandler;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.soap.MTOMFeature;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.attachment.ByteDataSource;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.transport.http.HTTPConduitConfigurer;
import org.pouch.certificates.Credential;
import org.pouch.gateway.soap.wsdl.PouchExchange;
import org.pouch.gateway.soap.wsdl.SubmitFault;
import org.pouch.gateway.soap.wsdl.SubmitRequest;
import org.pouch.gateway.soap.wsdl.SubmitResponse;

/**
 * A partner system's client of the exchange service, built the way a partner builds one: from the WSDL the
 * gateway serves, fetched at run time over mutual TLS, with the SEI generated from the same contract. MTOM
 * on. Its own CXF bus, so that nothing of it touches the gateway's.
 */
public final class WsdlClient implements AutoCloseable {

    static final QName SERVICE = new QName("urn:pouch:exchange:v1", "PouchExchangeService");
    static final QName PORT = new QName("urn:pouch:exchange:v1", "PouchExchangeSoap11");

    private final Bus bus;
    private final PouchExchange port;

    private WsdlClient(Bus bus, PouchExchange port) {
        this.bus = bus;
        this.port = port;
    }

    /** A client built from the WSDL at {@code wsdl}, speaking TLS with {@code tlsClient}'s certificate. */
    public static WsdlClient fromServedWsdl(URI wsdl, Credential tlsClient) {
        Bus bus = BusFactory.newInstance().createBus();
        TLSClientParameters tls = new TLSClientParameters();
        tls.setSslContext(ClientTls.presenting(tlsClient));
        // Every HTTP conduit of this bus speaks that TLS: the one that fetches the WSDL, and the port's.
        bus.setExtension(
                (HTTPConduitConfigurer) (name, address, conduit) -> conduit.setTlsClientParameters(tls),
                HTTPConduitConfigurer.class);
        // JAX-WS has no parameter for CXF's bus: Service.create takes the thread's default one.
        Bus previous = BusFactory.getAndSetThreadDefaultBus(bus);
        try {
            Service service = Service.create(wsdl.toURL(), SERVICE);
            return new WsdlClient(bus, service.getPort(PORT, PouchExchange.class, new MTOMFeature(true)));
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        } finally {
            BusFactory.setThreadDefaultBus(previous);
        }
    }

    public PouchExchange port() {
        return port;
    }

    /** Calls {@code submit} with the envelope's DER bytes. */
    public SubmitResponse submit(byte[] envelope) throws SubmitFault {
        SubmitRequest request = new SubmitRequest();
        request.setEnvelope(new DataHandler(new ByteDataSource(envelope, "application/pkcs7-mime")));
        return port.submit(request);
    }

    /** The Content-Type of the last response, to tell MTOM from plain SOAP. */
    public String lastResponseContentType() {
        @SuppressWarnings("unchecked")
        Map<String, List<String>> headers = (Map<String, List<String>>)
                ((BindingProvider) port).getResponseContext().get(MessageContext.HTTP_RESPONSE_HEADERS);
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Content-Type"))
                .flatMap(header -> header.getValue().stream())
                .findFirst()
                .orElseThrow();
    }

    @Override
    public void close() {
        bus.shutdown(true);
    }
}
