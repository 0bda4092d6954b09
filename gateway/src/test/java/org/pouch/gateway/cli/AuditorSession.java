package org.pouch.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.pouch.audit.checkpoint.Checkpoint;
import org.pouch.audit.checkpoint.CheckpointVerifier;
import org.pouch.audit.merkle.ConsistencyProof;
import org.pouch.gateway.testing.ManagementClient;
import org.pouch.testing.TestPki;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an auditor does in these tests: pulls from the auditor API with the auditor's certificate, keeps
 * signed checkpoints, and runs {@code pouch audit verify} in-process on what was pulled.
 */
final class AuditorSession {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** What {@code pouch audit verify} printed and returned. */
    record Run(int exitCode, String out, String err) {}

    private final ManagementClient auditor;
    private final Path directory;

    AuditorSession(int managementPort, Path directory) {
        this.auditor = ManagementClient.as("auditor", managementPort);
        this.directory = directory;
    }

    ManagementClient client() {
        return auditor;
    }

    /** Signs a checkpoint now and keeps its DER, checked against the audit-checkpoint certificate. */
    Path checkpointNow(String name) throws IOException, InterruptedException {
        HttpResponse<String> created = auditor.post("/api/v1/audit/checkpoints", "");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        byte[] signed = Base64.getDecoder()
                .decode(JSON.readTree(created.body()).get("signed").asString());
        verifier().verify(signed);
        return Files.write(directory.resolve(name + ".p7s"), signed);
    }

    Checkpoint checkpoint(Path signed) throws IOException {
        return verifier().verify(Files.readAllBytes(signed));
    }

    Path export(String query, String name) throws IOException, InterruptedException {
        HttpResponse<String> export = auditor.get("/api/v1/audit/export" + query);
        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        return Files.writeString(directory.resolve(name + ".jsonl"), export.body(), StandardCharsets.UTF_8);
    }

    Path certificate() throws IOException {
        Path file = directory.resolve("gateway-audit.crt");
        try {
            Files.writeString(
                    file,
                    "-----BEGIN CERTIFICATE-----\n"
                            + Base64.getMimeEncoder(64, new byte[] {'\n'})
                                    .encodeToString(TestPki.shared()
                                            .pki()
                                            .auditCheckpoint()
                                            .certificate()
                                            .getEncoded())
                            + "\n-----END CERTIFICATE-----\n");
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        return file;
    }

    Run verify(Path export, Path... previousCheckpoint) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "audit",
                "verify",
                "--export",
                export.toString(),
                "--certificate",
                certificate().toString()));
        if (previousCheckpoint.length > 0) {
            args.add("--previous-checkpoint");
            args.add(previousCheckpoint[0].toString());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = PouchCli.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int exitCode = command.execute(args.toArray(String[]::new));
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** The API's consistency proof from the kept checkpoint to the log as the gateway serves it now. */
    ConsistencyProof consistencyFrom(Checkpoint kept, long to) throws IOException, InterruptedException {
        HttpResponse<String> answer = auditor.get("/api/v1/audit/proofs/consistency?from=" + kept.size() + "&to=" + to);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode json = JSON.readTree(answer.body());
        List<byte[]> path = new ArrayList<>();
        json.get("path").forEach(hash -> path.add(HexFormat.of().parseHex(hash.asString())));
        return new ConsistencyProof(
                json.get("fromSize").asLong(),
                json.get("toSize").asLong(),
                HexFormat.of().parseHex(json.get("fromRoot").asString()),
                HexFormat.of().parseHex(json.get("toRoot").asString()),
                path);
    }

    private static CheckpointVerifier verifier() {
        return new CheckpointVerifier(TestPki.shared().pki().auditCheckpoint().certificate());
    }
}
