package org.pouch.gateway.cli;

import java.net.URI;
import java.nio.file.Path;
import org.pouch.certificates.ExamplePkiFiles;
import org.pouch.certificates.ExamplePkiLayout;
import picocli.CommandLine.Option;

/** How a member of staff reaches the management port: whose certificate, which gateway. */
final class StaffOptions {

    @Option(
            names = "--management",
            defaultValue = "https://localhost:9443",
            description = "The gateway's management port. Default: ${DEFAULT-VALUE}.")
    URI management;

    @Option(
            names = "--as",
            defaultValue = "officer",
            description =
                    "Whose certificate to present: the PKCS#12 file staff/NAME.p12 of --pki. Default: ${DEFAULT-VALUE}.")
    String staff;

    @Option(names = "--keystore", description = "Your client certificate and key as PKCS#12, instead of --as.")
    Path keystore;

    @Option(
            names = "--pki",
            defaultValue = "certs-example",
            description =
                    "A directory laid out as certs-example/ (staff files, trust store). Default: ${DEFAULT-VALUE}.")
    Path pki;

    @Option(
            names = "--password",
            defaultValue = ExamplePkiFiles.EXAMPLE_PASSWORD,
            description = "The PKCS#12 password. Default: the example PKI's.")
    String password;

    ManagementConnection connect() {
        ExamplePkiLayout layout = new ExamplePkiLayout(pki);
        Path clientKeyStore = keystore != null ? keystore : ExamplePkiLayout.with(layout.staff(staff), "p12");
        return new ManagementConnection(management, clientKeyStore, layout.trustStore(), password.toCharArray());
    }
}
