package org.pouch.gateway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pouch.certificates.ExamplePkiFiles;
import org.pouch.certificates.KeySuite;
import org.pouch.testing.TestPki;

/** The shared test PKI written once as files, as {@code pouch bench} reads them. */
final class BenchFixtures {

    private static Path directory;

    private BenchFixtures() {}

    static synchronized BenchPki pki(KeySuite suite) {
        if (directory == null) {
            try {
                directory = Files.createTempDirectory("bench-pki-");
                ExamplePkiFiles.write(TestPki.shared().pki(), directory);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new BenchPki(directory, ExamplePkiFiles.EXAMPLE_PASSWORD, suite);
    }
}
