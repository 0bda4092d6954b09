package org.pouch.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_MOI;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pouch.audit.checkpoint.Checkpoint;
import org.pouch.audit.merkle.MerkleProofs;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.Receipt;
import org.pouch.gateway.testing.GatewayRecords;
import org.pouch.gateway.testing.GatewayTest;
import org.pouch.gateway.testing.ManagementClient;
import org.pouch.gateway.testing.PartnerClient;
import org.pouch.testing.TestDocuments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/**
 * A real exchange through the shared gateway, then the auditor: finds its entries, proves their
 * inclusion under a signed checkpoint, exports the log and verifies it offline with the command line.
 * Only the auditor gets in, and nobody changes an entry through any interface.
 */
@GatewayTest
class AuditLogEndToEndTest {

    @LocalServerPort
    int partnerPort;

    @LocalManagementPort
    int managementPort;

    @Autowired
    GatewayRecords records;

    @TempDir
    Path directory;

    @Test
    void anAcceptedExchangeIsInTheLogAndTheAuditorProvesItsInclusion() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ExchangeDocument document = TestDocuments.json(PK_MOI, IQ_MOI);
        byte[] envelope = PartnerClient.seal(document);
        HttpResponse<byte[]> response = PartnerClient.of(PK_MOI, partnerPort).post(envelope);
        assertThat(response.statusCode()).isEqualTo(202);
        Receipt receipt = records.assertAccepted(envelope, response.body(), document);
        String envelopeSha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(envelope));
        AuditorSession auditor = new AuditorSession(managementPort, directory);

        // Received (known by its envelope digest, before it has an exchange id), then accepted.
        JsonNode entries = AuditorSession.JSON.readTree(auditor.client()
                .get("/api/v1/audit/entries?since=" + before + "&size=500")
                .body());
        List<JsonNode> ofThisEnvelope = new ArrayList<>();
        entries.get("entries").forEach(entry -> {
            if (entry.has("envelopeSha256")
                    && entry.get("envelopeSha256").asString().equals(envelopeSha256)) {
                ofThisEnvelope.add(entry);
            }
        });
        assertThat(ofThisEnvelope)
                .extracting(entry -> entry.get("type").asString())
                .containsSubsequence("RECEIVED", "ACCEPTED");
        JsonNode accepted = ofThisEnvelope.stream()
                .filter(entry -> entry.get("type").asString().equals("ACCEPTED"))
                .findFirst()
                .orElseThrow();
        assertThat(accepted.get("exchangeId").asString()).isEqualTo(receipt.exchangeId());
        assertThat(accepted.get("sender").asString()).isEqualTo("PK-MOI");
        assertThat(accepted.get("recipient").asString()).isEqualTo("IQ-MOI");
        assertThat(AuditorSession.JSON
                        .readTree(auditor.client()
                                .get("/api/v1/audit/entries?exchangeId=" + receipt.exchangeId() + "&type=ACCEPTED")
                                .body())
                        .get("entries"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.get("index").asLong())
                        .isEqualTo(accepted.get("index").asLong()));

        // Delivered to IQ-MOI (assertAccepted waits for it): the exchange's whole story, in log order.
        List<String> story = new ArrayList<>();
        AuditorSession.JSON
                .readTree(auditor.client()
                        .get("/api/v1/audit/entries?exchangeId=" + receipt.exchangeId() + "&size=100")
                        .body())
                .get("entries")
                .forEach(entry -> story.add(entry.get("type").asString()));
        assertThat(story).containsSubsequence("ACCEPTED", "TRANSFORMED", "DELIVERY_ATTEMPTED", "DELIVERED");
        assertThat(story).doesNotContain("DEAD_LETTERED");

        // Proved under a checkpoint the auditor checks with the audit-checkpoint certificate alone.
        Checkpoint checkpoint = auditor.checkpoint(auditor.checkpointNow("now"));
        JsonNode inclusion = AuditorSession.JSON.readTree(auditor.client()
                .get("/api/v1/audit/proofs/inclusion?exchangeId=" + receipt.exchangeId() + "&treeSize="
                        + checkpoint.size())
                .body());
        assertThat(inclusion.get("proofs")).isNotEmpty();
        for (JsonNode proof : inclusion.get("proofs")) {
            List<byte[]> path = new ArrayList<>();
            proof.get("path").forEach(hash -> path.add(HexFormat.of().parseHex(hash.asString())));
            MerkleProofs.verifyInclusion(
                    proof.get("index").asLong(),
                    checkpoint.size(),
                    HexFormat.of().parseHex(proof.get("leafHash").asString()),
                    path,
                    checkpoint.rootHash());
        }

        // The whole log, exported and verified offline; it extends the checkpoint kept above.
        Path kept = auditor.checkpointNow("kept");
        AuditorSession.Run run = auditor.verify(auditor.export("", "all"), kept);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("verified: ").contains("extends the previous checkpoint");
    }

    @Test
    void pouchAuditExportPullsWhatPouchAuditVerifyAccepts(@Value("${test-directory}") Path testDirectory)
            throws Exception {
        Path pki = testDirectory.resolve("pki");
        Path export = directory.resolve("pulled.jsonl");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = PouchCli.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));

        int exitCode = command.execute(
                "audit",
                "export",
                "--gateway",
                "https://localhost:" + managementPort,
                "--key-store",
                pki.resolve("staff/auditor.p12").toString(),
                "--trust-store",
                pki.resolve("truststore.p12").toString(),
                "--out",
                export.toString());

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString()).contains("export written to");
        AuditorSession.Run verified = new AuditorSession(managementPort, directory).verify(export);
        assertThat(verified.exitCode()).as(verified.err()).isZero();
    }

    @Test
    void theAuditorFetchesCheckpointsByLatestAndBySize() throws Exception {
        AuditorSession auditor = new AuditorSession(managementPort, directory);
        Checkpoint signed = auditor.checkpoint(auditor.checkpointNow("now"));

        JsonNode bySize = AuditorSession.JSON.readTree(auditor.client()
                .get("/api/v1/audit/checkpoints/" + signed.size())
                .body());
        HttpResponse<byte[]> der = auditor.client().getBytes("/api/v1/audit/checkpoints/" + signed.size() + "/signed");

        assertThat(bySize.get("rootHash").asString()).isEqualTo(signed.rootHashHex());
        assertThat(der.statusCode()).isEqualTo(200);
        assertThat(auditor.checkpoint(java.nio.file.Files.write(directory.resolve("der.p7s"), der.body())))
                .isEqualTo(signed);
        assertThat(auditor.client().get("/api/v1/audit/checkpoints/latest").statusCode())
                .isEqualTo(200);
        assertThat(auditor.client().get("/api/v1/audit/checkpoints/999999999").statusCode())
                .isEqualTo(404);
    }

    @ParameterizedTest
    @CsvSource({
        "officer, /api/v1/audit/entries",
        "officer, /api/v1/audit/export",
        "officer, /api/v1/audit/checkpoints/latest",
        "operator, /api/v1/audit/entries",
        "operator, /api/v1/audit/proofs/consistency?from=0",
        "officer-2, /api/v1/audit/proofs/inclusion?index=0"
    })
    void officersAndOperatorsAreRefused(String staff, String path) throws Exception {
        HttpResponse<String> refused =
                ManagementClient.as(staff, managementPort).get(path);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("urn:pouch:management:forbidden");
    }

    @ParameterizedTest
    @CsvSource({"auditor", "officer", "operator"})
    void nobodyUpdatesOrDeletesAnEntryThroughTheApi(String staff) throws Exception {
        ManagementClient client = ManagementClient.as(staff, managementPort);
        AuditorSession auditor = new AuditorSession(managementPort, directory);
        String before =
                auditor.client().get("/api/v1/audit/entries?page=0&size=5").body();

        List<Integer> answers = List.of(
                client.delete("/api/v1/audit/entries").statusCode(),
                client.delete("/api/v1/audit/entries/0").statusCode(),
                client.put("/api/v1/audit/entries/0", "{\"actor\":\"nobody\"}").statusCode(),
                client.post("/api/v1/audit/entries", "{\"actor\":\"nobody\"}").statusCode(),
                client.delete("/api/v1/audit/checkpoints/latest").statusCode());

        assertThat(answers).allSatisfy(status -> assertThat(status).isIn(403, 404, 405));
        assertThat(auditor.client().get("/api/v1/audit/entries?page=0&size=5").body())
                .isEqualTo(before);
    }
}
