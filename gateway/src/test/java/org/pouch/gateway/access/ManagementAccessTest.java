package org.pouch.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pouch.audit.AuditEventType;
import org.pouch.gateway.testing.GatewayTest;
import org.pouch.gateway.testing.ManagementClient;
import org.pouch.gateway.testing.PartnerClient;
import org.pouch.testing.TestPki;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The management port tells staff apart by their exact client certificate, and the management API is
 * served there only.
 */
@GatewayTest
class ManagementAccessTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalManagementPort
    int managementPort;

    @LocalServerPort
    int partnerPort;

    @Autowired
    JdbcTemplate jdbc;

    @ParameterizedTest
    @CsvSource({"officer, OFFICER", "officer-2, OFFICER", "auditor, AUDITOR", "operator, OPERATOR"})
    void eachMemberOfStaffIsKnownByTheirCertificate(String name, String role) throws Exception {
        HttpResponse<String> me = ManagementClient.as(name, managementPort).get("/api/v1/staff/me");

        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode caller = JSON.readTree(me.body());
        assertThat(caller.get("name").asString()).isEqualTo(name);
        assertThat(caller.get("roles").get(0).asString()).isEqualTo(role);
        assertThat(caller.get("roles")).hasSize(1);
    }

    @Test
    void aPartnerSystemsTrustedCertificateGetsNoRoleAndTheRefusalIsAudited() throws Exception {
        HttpResponse<String> refused = ManagementClient.presenting(
                        TestPki.shared().pki().tlsClient(TestPki.IQ_MOI), managementPort)
                .get("/api/v1/staff/me");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:pouch:management:forbidden");
        assertThat(problem.get("detail").asString()).contains("no member of staff");
        assertThat(refused.body()).doesNotContain("Exception");

        assertThat(jdbc.queryForList(
                        "select actor from audit_events where type = ? and step = ?",
                        String.class,
                        AuditEventType.ADMIN_ACTION.name(),
                        RoleCheck.STEP))
                .anySatisfy(actor -> assertThat(actor).contains("CN=IQ-MOI"));
    }

    @Test
    void theManagementApiIsNotServedOnThePartnerPort() throws Exception {
        HttpResponse<String> response =
                PartnerClient.of(TestPki.PK_MOI, partnerPort).get("/api/v1/staff/me");

        assertThat(response.statusCode()).isEqualTo(404);
    }
}
