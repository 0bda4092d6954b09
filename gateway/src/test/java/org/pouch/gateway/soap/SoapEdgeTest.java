package org.pouch.gateway.soap;

import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.pouch.gateway.testing.GatewayTestFiles;
import org.pouch.gateway.testing.PartnerClient;
import org.pouch.gateway.testing.RecordingIntake;
import org.pouch.testing.TestPki;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The SOAP edge alone on a random HTTPS port, with the gateway's test configuration and PKI and the
 * recording intake. Every edge test class extends this one, so they all share one application context.
 *
 * <p>The port asks for a client certificate ({@code want}) rather than demanding one, so that a request
 * without one reaches the edge and the tests can check that the edge refuses it on its own; the partner
 * port of the real application demands one.
 */
@SpringBootTest(
        classes = org.pouch.soapedge.SoapEdgeApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.ssl.client-auth=want",
            // Small, so that the size tests send kilobytes.
            "pouch.soap.max-envelope-size=" + SoapEdgeTest.MAX_ENVELOPE_BYTES + "B"
        })
@ActiveProfiles("test")
@ContextConfiguration(initializers = GatewayTestFiles.class)
abstract class SoapEdgeTest {

    static final int MAX_ENVELOPE_BYTES = 64 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    RecordingIntake intake;

    @BeforeEach
    void resetIntake() {
        intake.reset();
    }

    /** PK-MOI's system, the client of most edge tests. */
    PartnerClient pkMoi() {
        return PartnerClient.of(TestPki.PK_MOI, port);
    }

    URI endpoint() {
        return pkMoi().uri(PartnerClient.SOAP_PATH);
    }
}
