package org.pouch.gateway.soap;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The smallest web application that holds the SOAP edge: the edge and a recording intake. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(SoapEdgeConfiguration.class)
class SoapEdgeTestApplication {

    @Bean
    RecordingIntake intake() {
        return new RecordingIntake();
    }
}
