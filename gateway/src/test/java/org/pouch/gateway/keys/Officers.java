package org.pouch.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.pouch.certificates.CertificateProfile;
import org.pouch.certificates.ExamplePki;
import org.pouch.gateway.testing.ManagementClient;
import org.pouch.keys.CertificationRequests;
import org.pouch.keys.KeyPurpose;
import org.pouch.keys.Pem;
import org.pouch.testing.TestPki;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Security officers at work on the management port, and the CA they send CSRs to. */
final class Officers {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final int managementPort;

    Officers(int managementPort) {
        this.managementPort = managementPort;
    }

    ManagementClient as(String officer) {
        return ManagementClient.as(officer, managementPort);
    }

    /** Generates a key, has the test CA issue its certificate from the CSR, and imports it: a pending key with its certificate. */
    JsonNode generateAndImport(KeyPurpose purpose, String suite) throws IOException, InterruptedException {
        HttpResponse<String> generated = as("officer")
                .post("/api/v1/keys", "{\"purpose\":\"" + purpose.wireName() + "\",\"suite\":\"" + suite + "\"}");
        assertThat(generated.statusCode()).as(generated.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(generated.body());
        String id = body.path("key").path("id").asString();
        X509Certificate issued = issue(body.path("csr").asString(), purpose.profile());
        HttpResponse<String> imported = as("officer")
                .post(
                        "/api/v1/keys/" + id + "/certificate",
                        JSON.writeValueAsString(java.util.Map.of(
                                "certificate",
                                Pem.certificate(issued)
                                        + Pem.certificate(
                                                pki().issuingAuthority().certificate()))));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        return JSON.readTree(imported.body());
    }

    /** Promotes with two officers, as the rotating gateway requires. */
    JsonNode promote(String keyId) throws IOException, InterruptedException {
        HttpResponse<String> asked = as("officer").post("/api/v1/keys/" + keyId + "/promote", "");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
        assertThat(JSON.readTree(asked.body()).path("outcome").asString()).isEqualTo("awaiting-second-officer");
        HttpResponse<String> approved = as("officer-2").post("/api/v1/keys/" + keyId + "/promote", "");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        JsonNode promotion = JSON.readTree(approved.body());
        assertThat(promotion.path("outcome").asString()).isEqualTo("promoted");
        return promotion.path("key");
    }

    HttpResponse<String> post(String officer, String path, String body) throws IOException, InterruptedException {
        return as(officer).post(path, body);
    }

    /** The gateway's key of this purpose and state (the first one listed). */
    JsonNode gatewayKey(KeyPurpose purpose, String state, String suite) throws IOException, InterruptedException {
        HttpResponse<String> listed = as("officer").get("/api/v1/keys?owner=" + TestPki.GATEWAY.value());
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        for (JsonNode key : JSON.readTree(listed.body())) {
            if (key.path("purpose").asString().equals(purpose.wireName())
                    && key.path("state").asString().equals(state)
                    && key.path("suite").asString().equals(suite)) {
                return key;
            }
        }
        throw new AssertionError("no " + state + " " + suite + " " + purpose.wireName() + " key in " + listed.body());
    }

    /** Seals as PK-MOI would after fetching the gateway's current EC encryption certificate. */
    byte[] sealedToCurrentKey(org.pouch.exchange.ExchangeDocument document, org.pouch.certificates.Credential signer)
            throws IOException, InterruptedException {
        X509Certificate current = certificateOf(gatewayKey(KeyPurpose.ENCRYPTION, "primary", "ec"));
        return new org.pouch.envelope.EnvelopeSealer(() -> signer, java.time.Clock.systemUTC()).seal(document, current);
    }

    static X509Certificate certificateOf(JsonNode key) {
        return Pem.certificates(key.path("certificate").asString()).get(0);
    }

    /**
     * What the ministry's CA does with a CSR: checks its signature and issues a certificate for its key; a
     * TLS server certificate for the names the gateway is reached by, as the configured one is.
     */
    static X509Certificate issue(String csr, CertificateProfile profile) {
        Instant now = Instant.now();
        String[] names = profile == CertificateProfile.TLS_SERVER
                ? new String[] {"localhost", "127.0.0.1", "::1"}
                : new String[0];
        return pki().issuingAuthority()
                .issue(
                        CertificationRequests.subjectOf(csr),
                        CertificationRequests.publicKeyOf(csr),
                        profile,
                        now.minus(Duration.ofMinutes(5)),
                        now.plus(Duration.ofDays(365)),
                        names);
    }

    static ExamplePki pki() {
        return TestPki.shared().pki();
    }
}
