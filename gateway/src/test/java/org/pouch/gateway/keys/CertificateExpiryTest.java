package org.pouch.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.pouch.gateway.testing.GatewayTest;
import org.pouch.gateway.testing.ManagementClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.web.server.LocalManagementPort;
import tools.jackson.databind.JsonNode;

/** Certificate expiry, ours and the partners', in the health endpoint and the Prometheus gauge. */
@GatewayTest
class CertificateExpiryTest {

    @LocalManagementPort
    int managementPort;

    @Autowired
    LiveKeyRings rings;

    @Test
    void healthShowsTheCertificatesAsUpWhileNoneExpiresSoon() throws Exception {
        HttpResponse<String> health =
                ManagementClient.as("operator", managementPort).get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode expiry =
                Officers.JSON.readTree(health.body()).path("components").path("certificateExpiry");
        assertThat(expiry.path("status").asString()).isEqualTo("UP");
        assertThat(expiry.path("details").path("watched").asInt()).isGreaterThan(10);
    }

    @Test
    void theGaugeReportsSecondsUntilExpiryPerCertificate() throws Exception {
        HttpResponse<String> scrape =
                ManagementClient.as("operator", managementPort).get("/actuator/prometheus");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .containsPattern("pouch_certificate_expiry_seconds\\{[^}]*owner=\"PK-GW\"[^}]*use=\"encryption\"")
                .containsPattern("pouch_certificate_expiry_seconds\\{[^}]*owner=\"BE-IBZ\"[^}]*use=\"signing\"");
    }

    @Test
    void withinTheWarningThresholdItWarnsAndOnceExpiredItIsDown() {
        Instant soonest = new CertificateExpiry(rings, Clock.systemUTC(), Duration.ZERO)
                .watched().stream()
                        .map(w -> w.certificate().getNotAfter().toInstant())
                        .min(Instant::compareTo)
                        .orElseThrow();

        Status weekBefore = new CertificateExpiry(
                        rings, fixedAt(soonest.minus(Duration.ofDays(7))), Duration.ofDays(30))
                .health()
                .getStatus();
        Status dayAfter = new CertificateExpiry(rings, fixedAt(soonest.plus(Duration.ofDays(1))), Duration.ofDays(30))
                .health()
                .getStatus();

        assertThat(weekBefore).isEqualTo(CertificateExpiry.WARNING);
        assertThat(dayAfter).isEqualTo(Status.DOWN);
    }

    private static Clock fixedAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
