package org.pouch.gateway.overstay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_MOI;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.RejectionReason;
import org.pouch.formats.movements.Direction;
import org.pouch.gateway.testing.GatewayAnswer;
import org.pouch.gateway.testing.GatewayRecords;
import org.pouch.gateway.testing.GatewayTest;
import org.pouch.gateway.testing.PartnerClient;
import org.pouch.intake.Channel;
import org.pouch.intake.IntakeRoutes;
import org.pouch.testing.TestPilgrims;
import org.pouch.testing.TestPilgrims.Crossing;
import org.pouch.testing.TestPilgrims.Listed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "Movements refer to listed pilgrims' passports", through the running gateway over mutual TLS: PK-MOI
 * sends IQ-MOI a list, then IQ-MOI reports movements against it.
 */
@GatewayTest
@ExtendWith(OutputCaptureExtension.class)
class MovementsGuardEndToEndTest {

    private static final LocalDate ARRIVAL = LocalDate.now(ZoneOffset.UTC).minusDays(5);

    @LocalServerPort
    int partnerPort;

    @Autowired
    GatewayRecords records;

    /** PK-MOI's list for a fresh group, accepted; returns the document. */
    private ExchangeDocument listAccepted(String group) throws Exception {
        ExchangeDocument list = TestPilgrims.listDocument(
                PK_MOI,
                IQ_MOI,
                TestPilgrims.list(
                        group,
                        ARRIVAL,
                        14,
                        List.of(
                                new Listed("AB1234567", "Khan", "Ayesha"),
                                new Listed("CK7654321", "Hussain", "Sajjad"))));
        PartnerClient.of(PK_MOI, partnerPort)
                .submit(Channel.REST, PartnerClient.seal(list))
                .accepted();
        return list;
    }

    private static ExchangeDocument report(String group, String listMessageId, String... passports) {
        return TestPilgrims.movementsDocument(
                IQ_MOI,
                PK_MOI,
                TestPilgrims.movements(
                        group,
                        listMessageId,
                        java.util.Arrays.stream(passports)
                                .map(passport -> new Crossing(
                                        passport,
                                        Direction.ENTRY,
                                        ARRIVAL.atTime(6, 40).atOffset(ZoneOffset.ofHours(3))))
                                .toList()));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Channel.class)
    void movementsOfListedPassportsAreAccepted(Channel channel) throws Exception {
        String group = TestPilgrims.freshGroupReference();
        ExchangeDocument list = listAccepted(group);
        ExchangeDocument report = report(group, list.header().messageId(), "AB1234567", "CK7654321");
        byte[] envelope = PartnerClient.seal(report);

        GatewayAnswer.Accepted accepted =
                PartnerClient.of(IQ_MOI, partnerPort).submit(channel, envelope).accepted();

        records.assertAccepted(envelope, accepted.receipt(), report);
    }

    @Test
    void aMovementOfAPassportNotOnTheListIsRejectedAtTheGuardNamingItsField(CapturedOutput log) throws Exception {
        String group = TestPilgrims.freshGroupReference();
        listAccepted(group);
        ExchangeDocument report = report(group, null, "AB1234567", "ZZ1111111");

        GatewayAnswer.Rejected rejected = PartnerClient.of(IQ_MOI, partnerPort)
                .submit(Channel.REST, PartnerClient.seal(report))
                .rejected();

        assertThat(rejected.reason()).isEqualTo(RejectionReason.BUSINESS_RULE_VIOLATED);
        records.assertRejectionAudited(rejected, IntakeRoutes.GUARD, IQ_MOI.value());
        // The sender gets the code and the incident id; the field path and the rule are in the log under it.
        assertThat(log.getAll().lines().filter(line -> line.contains(rejected.incidentId())))
                .anySatisfy(line -> assertThat(line)
                        .contains("$.movements[1].traveller.passportNumber: passport-on-answered-list")
                        .doesNotContain("ZZ1111111"));
    }

    @Test
    void movementsForAGroupNoListWasSentForAreRejected(CapturedOutput log) throws Exception {
        ExchangeDocument report = report(TestPilgrims.freshGroupReference(), null, "AB1234567");

        GatewayAnswer.Rejected rejected = PartnerClient.of(IQ_MOI, partnerPort)
                .submit(Channel.REST, PartnerClient.seal(report))
                .rejected();

        assertThat(rejected.reason()).isEqualTo(RejectionReason.BUSINESS_RULE_VIOLATED);
        assertThat(log.getAll().lines().filter(line -> line.contains(rejected.incidentId())))
                .anySatisfy(line -> assertThat(line).contains("$.answers.groupReference: list-accepted-by-gateway"));
    }
}
