package org.pouch.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pouch.exchange.ParticipantId;
import org.pouch.exchange.RejectionReason;

/**
 * Golden bytes: the expected values were computed by a separate implementation written from the
 * specification in docs/audit-log.md, not from this code. A change here breaks every checkpoint ever
 * signed, so it needs a new version byte, never an edited expectation.
 */
class AuditEntryEncodingTest {

    private static final HexFormat HEX = HexFormat.of();

    static final AuditEntry FULL = new AuditEntry(
            41,
            new AuditEvent(
                    Instant.parse("2026-11-27T10:15:30.123456Z"),
                    AuditEventType.REJECTED,
                    "intake.guard",
                    "PK-MOI",
                    Optional.of("0b5e4c1e-7a39-4c5e-9d55-0a4c1f1f2a11"),
                    Optional.of("msg-2026-0042"),
                    Optional.of(ParticipantId.of("PK-MOI")),
                    Optional.of(ParticipantId.of("IQ-MOI")),
                    Optional.of("pilgrim-list"),
                    Optional.of("3b".repeat(32)),
                    Optional.of(RejectionReason.BUSINESS_RULE_VIOLATED),
                    Optional.of("inc-7f3a"),
                    details()));

    static final AuditEntry MINIMAL = new AuditEntry(
            0,
            new AuditEvent(
                    Instant.EPOCH,
                    AuditEventType.KEY_EVENT,
                    "keys.promote",
                    "officer",
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty()));

    @Test
    void anEntryWithEveryFieldEncodesToTheGoldenBytes() {
        assertThat(HEX.formatHex(AuditEntryEncoding.encode(FULL)))
                .isEqualTo("01" + "0000000000000029" + "0006613f56f6f6c0"
                        + "00000008" + "52454a4543544544"
                        + "0000000c" + "696e74616b652e6775617264"
                        + "00000006" + "504b2d4d4f49"
                        + "01" + "00000024" + "30623565346331652d376133392d346335652d396435352d306134633166316632613131"
                        + "01" + "0000000d" + "6d73672d323032362d30303432"
                        + "01" + "00000006" + "504b2d4d4f49"
                        + "01" + "00000006" + "49512d4d4f49"
                        + "01" + "0000000c" + "70696c6772696d2d6c697374"
                        + "01" + "00000040" + "3362".repeat(32)
                        + "01" + "00000016" + "627573696e6573732d72756c652d76696f6c61746564"
                        + "01" + "00000008" + "696e632d37663361"
                        + "00000003"
                        + "00000004" + "52756c65" + "0000001d"
                        + "70617373706f72742d76616c69642d706173742d646570617274757265"
                        + "00000005" + "6669656c64" + "0000001a"
                        + "70696c6772696d735b335d2e70617373706f7274457870697279"
                        + "00000002" + "c3a9" + "00000001" + "78");
        assertThat(HEX.formatHex(AuditEntryEncoding.leafHash(FULL)))
                .isEqualTo("c2882cf6ad39cfbe448abcc5f40ef047eec43d2cd32c1e62ca309945d66649eb");
    }

    @Test
    void anEntryWithOnlyItsRequiredFieldsEncodesToTheGoldenBytes() {
        assertThat(HEX.formatHex(AuditEntryEncoding.encode(MINIMAL)))
                .isEqualTo("01" + "0000000000000000" + "0000000000000000"
                        + "00000009" + "4b45595f4556454e54"
                        + "0000000c" + "6b6579732e70726f6d6f7465"
                        + "00000007" + "6f666669636572"
                        + "00".repeat(8)
                        + "00000000");
        assertThat(HEX.formatHex(AuditEntryEncoding.leafHash(MINIMAL)))
                .isEqualTo("53234eaaef726af9132f4587ce8b198182dcdc2537fd1ec7fbb8bfe68d9fe1da");
    }

    @Test
    void theOrderDetailsWereGivenInDoesNotChangeTheBytes() {
        Map<String, String> reversed = new LinkedHashMap<>();
        reversed.put("é", "x");
        reversed.put("field", "pilgrims[3].passportExpiry");
        reversed.put("Rule", "passport-valid-past-departure");
        AuditEvent event = FULL.event();
        AuditEntry same = new AuditEntry(
                41,
                new AuditEvent(
                        event.at(),
                        event.type(),
                        event.step(),
                        event.actor(),
                        event.exchangeId(),
                        event.messageId(),
                        event.sender(),
                        event.recipient(),
                        event.messageType(),
                        event.envelopeSha256(),
                        event.reason(),
                        event.incidentId(),
                        reversed));

        assertThat(AuditEntryEncoding.encode(same)).isEqualTo(AuditEntryEncoding.encode(FULL));
    }

    @Test
    void anAbsentFieldAndAnEmptyOneEncodeDifferently() {
        AuditEvent event = MINIMAL.event();
        AuditEntry emptyExchangeId = new AuditEntry(
                0,
                new AuditEvent(
                        event.at(),
                        event.type(),
                        event.step(),
                        event.actor(),
                        Optional.of(""),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));

        assertThat(AuditEntryEncoding.encode(emptyExchangeId)).isNotEqualTo(AuditEntryEncoding.encode(MINIMAL));
    }

    @Test
    void theIndexIsPartOfTheBytesSoAnEntryCannotBeMovedUnnoticed() {
        assertThat(AuditEntryEncoding.leafHash(new AuditEntry(42, FULL.event())))
                .isNotEqualTo(AuditEntryEncoding.leafHash(FULL));
    }

    @Test
    void anEntryKeepsTimesToTheMicrosecond() {
        AuditEvent event = MINIMAL.event();
        AuditEvent precise = new AuditEvent(
                Instant.parse("2026-11-27T10:15:30.123456789Z"),
                event.type(),
                event.step(),
                event.actor(),
                event.exchangeId(),
                event.messageId(),
                event.sender(),
                event.recipient(),
                event.messageType(),
                event.envelopeSha256(),
                event.reason(),
                event.incidentId());

        assertThatThrownBy(() -> new AuditEntry(0, precise)).isInstanceOf(IllegalArgumentException.class);
        assertThat(AuditEntry.of(0, precise).event().at()).isEqualTo(Instant.parse("2026-11-27T10:15:30.123456Z"));
    }

    private static Map<String, String> details() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("field", "pilgrims[3].passportExpiry");
        details.put("Rule", "passport-valid-past-departure");
        details.put("é", "x");
        return details;
    }
}
