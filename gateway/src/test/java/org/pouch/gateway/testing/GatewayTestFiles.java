package org.pouch.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pouch.certificates.ExamplePkiFiles;
import org.pouch.testing.TestPki;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Before the gateway starts: makes a fresh directory under {@code target/}, writes the shared test PKI
 * into it as the files the gateway reads, and points {@code test-directory} there, which
 * {@code application-test.yml} builds every path from. Fresh per run, so no state leaks between runs.
 * Starts the partners' systems ({@link PartnerSystems}) once and points {@code test-partners-url} at them.
 */
public final class GatewayTestFiles implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        try {
            Path directory = Files.createTempDirectory(targetDirectory(), "gateway-test-");
            ExamplePkiFiles.write(TestPki.shared().pki(), directory.resolve("pki"));
            PartnerSystems partners = PartnerSystems.start(directory.resolve("pki"));
            TestPropertyValues.of("test-directory=" + directory, "test-partners-url=" + partners.baseUrl())
                    .applyTo(context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The module's {@code target/}: the parent of the test classes, wherever the build runs from. */
    static Path targetDirectory() {
        try {
            return Path.of(GatewayTestFiles.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
