package org.pouch.gateway.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole gateway on random ports, with a test PKI, an H2 database and the embedded broker under
 * {@code target/}, and {@link GatewayRecords} to look at what it holds. Every test class with this
 * annotation and nothing else that changes the context shares one running gateway: add no properties or
 * mocks per class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = GatewayTestFiles.class)
@Import(GatewayRecords.class)
public @interface GatewayTest {}
