package org.pouch.soapedge;

import org.pouch.gateway.soap.SoapEdgeConfiguration;
import org.pouch.gateway.testing.RecordingIntake;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The smallest web application that holds the SOAP edge: the edge and a recording intake, for the edge's
 * own mapping tests. It lives outside {@code org.pouch.gateway} so that the gateway application's
 * component scan never finds it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(SoapEdgeConfiguration.class)
public class SoapEdgeApplication {

    @Bean
    RecordingIntake intake() {
        return new RecordingIntake();
    }
}
