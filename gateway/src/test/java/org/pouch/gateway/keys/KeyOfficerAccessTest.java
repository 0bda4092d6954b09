package org.pouch.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pouch.certificates.KeySuite;
import org.pouch.gateway.testing.GatewayTest;
import org.pouch.gateway.testing.ManagementClient;
import org.pouch.gateway.testing.PartnerClient;
import org.pouch.keys.KeyPurpose;
import org.pouch.keys.Pem;
import org.pouch.testing.TestPki;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Who may touch keys, and what a refused step looks like, on the shared gateway: nothing here changes a
 * ring (every request is refused), so the other tests' keys stay as they are.
 */
@GatewayTest
class KeyOfficerAccessTest {

    @LocalServerPort
    int partnerPort;

    @LocalManagementPort
    int managementPort;

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"auditor", "operator"})
    void staffWithoutTheOfficerRoleCannotTouchKeys(String staff) throws Exception {
        ManagementClient client = ManagementClient.as(staff, managementPort);
        String someKey = primaryId(KeyPurpose.ENCRYPTION);

        for (HttpResponse<String> response : List.of(
                client.get("/api/v1/keys"),
                client.post("/api/v1/keys", "{\"purpose\":\"signing\"}"),
                client.post("/api/v1/keys/" + someKey + "/retire", "{}"),
                client.post("/api/v1/keys/" + someKey + "/destroy", ""))) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    @Test
    void aPartnerSystemsCertificateOpensNoKeyOperation() throws Exception {
        ManagementClient partner =
                ManagementClient.presenting(TestPki.shared().pki().tlsClient(TestPki.PK_MOI), managementPort);

        assertThat(partner.get("/api/v1/keys").statusCode()).isEqualTo(403);
    }

    @ParameterizedTest(name = "{0} the primary: {2}")
    @CsvSource({
        "retire, primary, 409, primary-not-retirable",
        "destroy, primary, 409, primary-not-retirable",
        "promote, primary, 409, forbidden-transition",
        "retire, unknown, 404, unknown-key"
    })
    void aForbiddenStepIsRefusedWithItsCode(String step, String which, int status, String code) throws Exception {
        String id = which.equals("primary") ? primaryId(KeyPurpose.ENCRYPTION) : "enc-0000000000";

        HttpResponse<String> response =
                ManagementClient.as("officer", managementPort).post("/api/v1/keys/" + id + "/" + step, "{}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(Officers.JSON.readTree(response.body()).path("code").asString())
                .isEqualTo(code);
        assertThat(primaryId(KeyPurpose.ENCRYPTION))
                .isEqualTo(which.equals("primary") ? id : primaryId(KeyPurpose.ENCRYPTION));
    }

    @Test
    void aCertificateFromAnUntrustedCaIsNotImported() throws Exception {
        ManagementClient officer = ManagementClient.as("officer", managementPort);
        HttpResponse<String> generated = officer.post("/api/v1/keys", "{\"purpose\":\"signing\",\"suite\":\"ec\"}");
        String id =
                Officers.JSON.readTree(generated.body()).path("key").path("id").asString();

        HttpResponse<String> imported = officer.post(
                "/api/v1/keys/" + id + "/certificate",
                Officers.JSON.writeValueAsString(java.util.Map.of(
                        "certificate",
                        Pem.certificate(TestPki.shared().untrustedSigning().certificate()))));

        assertThat(imported.statusCode()).isEqualTo(409);
        assertThat(Officers.JSON.readTree(imported.body()).path("code").asString())
                .isEqualTo("certificate-not-trusted");
    }

    @Test
    void theGatewayPublishesItsSigningAndEncryptionCertificates() throws Exception {
        HttpResponse<String> response =
                PartnerClient.of(TestPki.PK_MOI, partnerPort).get(PublishedCertificatesController.PATH);

        assertThat(response.statusCode()).isEqualTo(200);
        List<X509Certificate> primaries = new ArrayList<>();
        List<X509Certificate> all = new ArrayList<>();
        for (JsonNode published : Officers.JSON.readTree(response.body()).path("certificates")) {
            X509Certificate certificate =
                    Pem.certificates(published.path("certificate").asString()).get(0);
            all.add(certificate);
            if (published.path("state").asString().equals("primary")) {
                primaries.add(certificate);
            }
            assertThat(published.path("notAfter").asString()).isNotEmpty();
        }
        assertThat(primaries)
                .contains(
                        TestPki.shared()
                                .signing(TestPki.GATEWAY, KeySuite.EC_P256)
                                .certificate(),
                        TestPki.shared()
                                .encryption(TestPki.GATEWAY, KeySuite.EC_P256)
                                .certificate());
        assertThat(all)
                .contains(TestPki.shared()
                        .encryption(TestPki.GATEWAY, KeySuite.RSA_3072)
                        .certificate());
    }

    private String primaryId(KeyPurpose purpose) throws Exception {
        HttpResponse<String> listed =
                ManagementClient.as("officer", managementPort).get("/api/v1/keys?owner=PK-GW");
        for (JsonNode key : Officers.JSON.readTree(listed.body())) {
            if (key.path("purpose").asString().equals(purpose.wireName())
                    && key.path("state").asString().equals("primary")) {
                return key.path("id").asString();
            }
        }
        throw new AssertionError("no primary " + purpose.wireName() + " key in " + listed.body());
    }
}
