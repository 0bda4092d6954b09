package org.pouch.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.pouch.exchange.RejectionReason;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the gateway answered a submission, read the same way from either edge once the edge's own wire
 * format has been checked: a REST 202 or problem details, a SOAP response or fault.
 */
public sealed interface GatewayAnswer {

    /** The gateway accepted the envelope (or had accepted it before: {@code repeated}). */
    record Accepted(String exchangeId, byte[] receipt, boolean repeated) implements GatewayAnswer {}

    /** The gateway refused it, with this reason, under this incident id. */
    record Rejected(RejectionReason reason, String incidentId) implements GatewayAnswer {}

    default Accepted accepted() {
        assertThat(this).isInstanceOf(Accepted.class);
        return (Accepted) this;
    }

    default Rejected rejected() {
        assertThat(this).isInstanceOf(Rejected.class);
        return (Rejected) this;
    }

    /**
     * A REST answer: {@code 202} with the receipt and the exchange headers, or problem details whose status,
     * type, code and retryable flag all agree with the reason.
     */
    static GatewayAnswer ofRest(HttpResponse<byte[]> response) {
        if (response.statusCode() == 202) {
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/pkcs7-mime"));
            return new Accepted(
                    response.headers().firstValue("Pouch-Exchange-Id").orElseThrow(),
                    response.body(),
                    Boolean.parseBoolean(
                            response.headers().firstValue("Pouch-Repeated").orElseThrow()));
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.headers().firstValue("Content-Type"))
                .as("%d %s", response.statusCode(), body)
                .contains("application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(body);
        RejectionReason reason = RejectionReason.fromCode(problem.path("code").asString());
        assertThat(response.statusCode()).as(body).isEqualTo(reason.httpStatus());
        assertThat(problem.path("status").asInt()).isEqualTo(reason.httpStatus());
        assertThat(problem.path("type").asString()).isEqualTo("urn:pouch:rejection:" + reason.code());
        assertThat(problem.path("retryable").asBoolean()).isEqualTo(reason.retryable());
        String incidentId = problem.path("incidentId").asString();
        assertThat(incidentId).isNotBlank();
        assertNothingInternal(body);
        return new Rejected(reason, incidentId);
    }

    /**
     * A SOAP answer: a {@code submitResponse}, or a fault (HTTP 500) whose faultcode is the reason's side,
     * whose fault string is the generic one, and whose detail carries the code, the incident id and the
     * retryable flag.
     */
    static GatewayAnswer ofSoap(HttpResponse<String> response) {
        Document answer = SoapMessages.parse(response.body());
        if (response.statusCode() == 200) {
            return new Accepted(
                    SoapMessages.text(answer, "exchangeId"),
                    Base64.getMimeDecoder().decode(SoapMessages.text(answer, "receipt")),
                    Boolean.parseBoolean(SoapMessages.text(answer, "repeated")));
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
        RejectionReason reason = RejectionReason.fromCode(SoapMessages.text(answer, "code"));
        String incidentId = SoapMessages.text(answer, "incidentId");
        assertThat(incidentId).isNotBlank();
        assertThat(SoapMessages.localPart(SoapMessages.text(answer, "faultcode")))
                .isEqualTo(reason.faultSide() == RejectionReason.FaultSide.SENDER ? "Client" : "Server");
        assertThat(SoapMessages.text(answer, "faultstring"))
                .isEqualTo(
                        "Rejected: " + reason.code() + ". Quote incident " + incidentId + " to the gateway operators.");
        assertThat(SoapMessages.text(answer, "retryable")).isEqualTo(Boolean.toString(reason.retryable()));
        assertNothingInternal(response.body());
        return new Rejected(reason, incidentId);
    }

    /** Java on the wire tells an attacker what runs here and where it broke. */
    static void assertNothingInternal(String body) {
        assertThat(body)
                .doesNotContain("Exception", "SubmitFault", "org.pouch", "org.apache", "java.", "\tat ", "stackTrace");
    }
}
