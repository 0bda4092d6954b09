package org.pouch.gateway.soap;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.soap.MTOMFeature;
import java.net.URL;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.transport.http.HTTPConduitConfigurer;
import org.pouch.gateway.soap.wsdl.PouchExchange;

/**
 * A partner system's client of the exchange service, built the way a partner builds one: from the WSDL the
 * gateway serves, fetched at run time over mutual TLS as PK-MOI, with the SEI generated from the same
 * contract. MTOM on.
 */
final class PartnerClient implements AutoCloseable {

    static final QName SERVICE = new QName("urn:pouch:exchange:v1", "PouchExchangeService");
    static final QName PORT = new QName("urn:pouch:exchange:v1", "PouchExchangeSoap11");

    private final Bus bus;
    private final PouchExchange port;

    private PartnerClient(Bus bus, PouchExchange port) {
        this.bus = bus;
        this.port = port;
    }

    static PartnerClient fromServedWsdl(URL wsdl) {
        Bus bus = BusFactory.newInstance().createBus();
        TLSClientParameters tls = new TLSClientParameters();
        tls.setSslContext(PartnerTls.pkMoi());
        // Every HTTP conduit of this bus speaks TLS as PK-MOI: the one that fetches the WSDL, and the port's.
        bus.setExtension(
                (HTTPConduitConfigurer) (name, address, conduit) -> conduit.setTlsClientParameters(tls),
                HTTPConduitConfigurer.class);
        // JAX-WS has no parameter for CXF's bus: Service.create takes the thread's default one.
        Bus previous = BusFactory.getAndSetThreadDefaultBus(bus);
        try {
            Service service = Service.create(wsdl, SERVICE);
            return new PartnerClient(bus, service.getPort(PORT, PouchExchange.class, new MTOMFeature(true)));
        } finally {
            BusFactory.setThreadDefaultBus(previous);
        }
    }

    PouchExchange port() {
        return port;
    }

    /** The Content-Type of the last response, to tell MTOM from plain SOAP. */
    String lastResponseContentType() {
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
