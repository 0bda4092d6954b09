package org.pouch.gateway.soap;

import jakarta.xml.ws.Endpoint;
import java.util.HashMap;
import java.util.Map;
import org.apache.cxf.Bus;
import org.apache.cxf.attachment.AttachmentDeserializer;
import org.apache.cxf.bus.spring.SpringBus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.message.Message;
import org.apache.cxf.staxutils.StaxUtils;
import org.apache.cxf.transport.servlet.CXFServlet;
import org.pouch.gateway.PouchProperties;
import org.pouch.intake.Intake;
import org.pouch.intake.Submission;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SOAP edge on Apache CXF: its own servlet under {@value #SERVLET_PATH}, the exchange service at
 * {@value #SERVLET_PREFIX}{@value #ENDPOINT_PATH} and its WSDL at the same address with {@code ?wsdl}.
 * Needs an {@link Intake} bean.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SoapEdgeProperties.class, PouchProperties.class})
public class SoapEdgeConfiguration {

    static final String SERVLET_PATH = "/soap/*";
    static final String SERVLET_PREFIX = "/soap";
    static final String ENDPOINT_PATH = "/exchange";

    /** The contract as written, served as is rather than as CXF would derive it from the classes. */
    static final String WSDL_LOCATION = "classpath:wsdl/pouch-exchange-v1.wsdl";

    /** Room for the SOAP envelope around the envelope element, its headers and the MIME part headers. */
    private static final long MARKUP_ALLOWANCE = 64 * 1024;

    @Bean(name = Bus.DEFAULT_BUS_ID)
    SpringBus cxf() {
        return new SpringBus();
    }

    @Bean
    ServletRegistrationBean<CXFServlet> soapServlet(SpringBus cxf) {
        CXFServlet servlet = new CXFServlet();
        // Handed over rather than looked up by bean name, which would also make the servlet hook itself
        // into the application context by reflection.
        servlet.setBus(cxf);
        ServletRegistrationBean<CXFServlet> registration = new ServletRegistrationBean<>(servlet, SERVLET_PATH);
        registration.setName("soap");
        // The listing of every endpoint at /soap/ tells a scanner what runs here and helps nobody else.
        registration.addInitParameter("hide-service-list-page", "true");
        return registration;
    }

    @Bean(destroyMethod = "stop")
    Endpoint soapExchangeEndpoint(SpringBus cxf, Intake intake, SoapEdgeProperties properties, PouchProperties pouch) {
        long maxEnvelopeBytes = properties.maxEnvelopeBytes(pouch);
        long maxRequestBytes = maxRequestBytes(maxEnvelopeBytes);
        EndpointImpl endpoint = new EndpointImpl(cxf, new SoapIntakeEndpoint(intake, maxEnvelopeBytes));
        endpoint.setWsdlLocation(WSDL_LOCATION);
        endpoint.setProperties(endpointProperties(maxRequestBytes));
        endpoint.getInInterceptors().add(new RequestSizeLimit(maxRequestBytes));
        endpoint.getOutInterceptors().add(new MtomLikeTheRequest());
        endpoint.getOutFaultInterceptors().add(new MtomLikeTheRequest());
        endpoint.getOutFaultInterceptors().add(new RejectionFaults(intake));
        endpoint.publish(ENDPOINT_PATH);
        return endpoint;
    }

    /**
     * The largest request that can carry an envelope of the given size: inline base64 is the larger form,
     * four characters per three bytes, plus a line break every 76 characters if the client folds lines.
     */
    static long maxRequestBytes(long maxEnvelopeBytes) {
        long base64 = (maxEnvelopeBytes + 2L) / 3 * 4;
        return base64 + base64 / 38 + MARKUP_ALLOWANCE;
    }

    /**
     * MTOM on, and CXF's limits tightened from defaults meant for any service to what a submit request
     * needs: a shallow document with one element of text (and a SOAP header a client stack may add), one
     * attachment. DTDs and external entities are off in CXF's parser already.
     */
    private static Map<String, Object> endpointProperties(long maxRequestBytes) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(Message.MTOM_ENABLED, Boolean.TRUE);
        properties.put(StaxUtils.MAX_ELEMENT_DEPTH, 32);
        properties.put(StaxUtils.MAX_CHILD_ELEMENTS, 64);
        properties.put(StaxUtils.MAX_ELEMENT_COUNT, 1_000L);
        properties.put(StaxUtils.MAX_ATTRIBUTE_COUNT, 64);
        properties.put(StaxUtils.MAX_ATTRIBUTE_SIZE, 16 * 1024);
        properties.put(StaxUtils.MAX_TEXT_LENGTH, (int) Math.min(maxRequestBytes, Integer.MAX_VALUE));
        properties.put(StaxUtils.MAX_XML_CHARACTERS, maxRequestBytes);
        // Two, not one: CXF 4.2 counts the line break that may follow the closing MIME boundary as a
        // further, empty part.
        properties.put(AttachmentDeserializer.ATTACHMENT_MAX_COUNT, 2);
        properties.put(AttachmentDeserializer.ATTACHMENT_MAX_SIZE, maxRequestBytes);
        // An attachment past this size waits in a temporary file rather than on the heap (it is ciphertext),
        // at the threshold the intake spools at; CXF deletes the file when the exchange is done.
        properties.put(AttachmentDeserializer.ATTACHMENT_MEMORY_THRESHOLD, (long) Submission.MEMORY_BYTES);
        return properties;
    }
}
