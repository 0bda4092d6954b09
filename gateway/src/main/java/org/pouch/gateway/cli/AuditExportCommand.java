package org.pouch.gateway.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.pouch.gateway.pki.PkiFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pouch audit export}: pulls an export from the gateway's auditor API over mutual TLS. */
@Command(name = "export", description = "Pull an audit log export from the gateway's management port.")
final class AuditExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--gateway",
            defaultValue = "https://localhost:9443",
            description = "The management port (default: ${DEFAULT-VALUE}).")
    URI gateway;

    @Option(
            names = "--key-store",
            required = true,
            paramLabel = "FILE",
            description = "The auditor's TLS client credential, PKCS#12.")
    Path keyStore;

    @Option(names = "--trust-store", required = true, paramLabel = "FILE", description = "PKCS#12 trust store.")
    Path trustStore;

    @Option(
            names = "--password",
            defaultValue = "pouch-example",
            description = "Password of both stores (default: the example PKI's).")
    String password;

    @Option(names = "--from", defaultValue = "0", description = "First entry (default: ${DEFAULT-VALUE}).")
    long from;

    @Option(names = "--to", description = "End of the range, exclusive (default: the whole log).")
    Long to;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the export.")
    Path out;

    @Override
    public Integer call() throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .sslContext(PkiFiles.sslContext(keyStore, trustStore, password.toCharArray()))
                .connectTimeout(Duration.ofSeconds(15))
                .build();
        String query = "?from=" + from + (to == null ? "" : "&to=" + to);
        HttpResponse<Path> response = http.send(
                HttpRequest.newBuilder(gateway.resolve("/api/v1/audit/export" + query))
                        .timeout(Duration.ofMinutes(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofFile(out));
        PrintWriter console = spec.commandLine().getOut();
        if (response.statusCode() != 200) {
            spec.commandLine()
                    .getErr()
                    .printf("the gateway answered %d; see %s for its problem detail%n", response.statusCode(), out);
            return 1;
        }
        console.printf("export written to %s%n", out);
        return 0;
    }
}
