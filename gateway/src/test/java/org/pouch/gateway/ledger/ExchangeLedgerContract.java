package org.pouch.gateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pouch.exchange.Content;
import org.pouch.exchange.ParticipantId;
import org.pouch.gateway.chunks.ChunkTable;
import org.pouch.intake.AcceptedExchange;
import org.pouch.intake.ExchangeLedger;
import org.pouch.intake.ExchangeLedger.DuplicateMessageIdException;
import org.springframework.dao.DuplicateKeyException;

/**
 * What every exchange ledger store must do, run against each database the gateway supports. Every test
 * uses fresh ids, so the databases need not be emptied between tests.
 */
abstract class ExchangeLedgerContract {

    static final ParticipantId PK_MOI = ParticipantId.of("PK-MOI");
    private static final ParticipantId IQ_MOI = ParticipantId.of("IQ-MOI");

    abstract ExchangeLedger ledger();

    @Test
    void findsARecordedExchangeBySenderAndMessageId() throws IOException {
        AcceptedExchange recorded = exchange(PK_MOI, UUID.randomUUID().toString());

        ledger().record(recorded);

        AcceptedExchange found =
                ledger().findByMessageId(PK_MOI, recorded.messageId()).orElseThrow();
        assertThat(found).usingRecursiveComparison().ignoringFields("envelope").isEqualTo(recorded);
        assertThat(bytes(found.envelope())).isEqualTo(bytes(recorded.envelope()));
    }

    @Test
    void findsNothingForAMessageIdNeverRecorded() {
        assertThat(ledger().findByMessageId(PK_MOI, UUID.randomUUID().toString()))
                .isEmpty();
    }

    @Test
    void aMessageIdIsFoundOnlyForTheSenderThatSentIt() {
        AcceptedExchange recorded = exchange(PK_MOI, UUID.randomUUID().toString());

        ledger().record(recorded);

        assertThat(ledger().findByMessageId(IQ_MOI, recorded.messageId())).isEmpty();
    }

    @Test
    void recordingTheSameSenderAndMessageIdAgainIsADuplicate() {
        String messageId = UUID.randomUUID().toString();
        ledger().record(exchange(PK_MOI, messageId));

        assertThatThrownBy(() -> ledger().record(exchange(PK_MOI, messageId)))
                .isInstanceOf(DuplicateMessageIdException.class)
                .hasMessageContaining("PK-MOI")
                .hasMessageContaining(messageId);
    }

    @Test
    void twoSendersMayUseTheSameMessageId() {
        String messageId = UUID.randomUUID().toString();
        ledger().record(exchange(PK_MOI, messageId));
        ledger().record(exchange(IQ_MOI, messageId));

        assertThat(ledger().findByMessageId(PK_MOI, messageId)).isPresent();
        assertThat(ledger().findByMessageId(IQ_MOI, messageId)).isPresent();
    }

    @Test
    void aClashingExchangeIdIsTheGatewaysErrorNotADuplicateMessage() {
        AcceptedExchange first = exchange(PK_MOI, UUID.randomUUID().toString());
        ledger().record(first);
        AcceptedExchange sameExchangeId =
                withExchangeId(exchange(PK_MOI, UUID.randomUUID().toString()), first);

        assertThatThrownBy(() -> ledger().record(sameExchangeId))
                .isInstanceOf(DuplicateKeyException.class)
                .isNotInstanceOf(DuplicateMessageIdException.class);
    }

    @Test
    void keepsAnEnvelopeOfSeveralMegabytesByteForByteAndReadsItAsAStream() throws IOException {
        byte[] envelope = new byte[3 * 1024 * 1024 + 7];
        for (int i = 0; i < envelope.length; i++) {
            envelope[i] = (byte) (i * 31);
        }
        AcceptedExchange recorded =
                withEnvelope(exchange(PK_MOI, UUID.randomUUID().toString()), envelope);

        ledger().record(recorded);

        Content archived =
                ledger().findByExchangeId(recorded.exchangeId()).orElseThrow().envelope();
        assertThat(archived.size()).isEqualTo(envelope.length);
        assertThat(bytes(archived)).isEqualTo(envelope);
        try (InputStream slice = archived.openStream(2_000_001, 1_000)) {
            assertThat(slice.readAllBytes()).isEqualTo(Arrays.copyOfRange(envelope, 2_000_001, 2_001_001));
        }
        int acrossChunks = 2 * ChunkTable.CHUNK_BYTES - 500;
        try (InputStream slice = archived.openStream(acrossChunks, 1_000)) {
            assertThat(slice.readAllBytes())
                    .isEqualTo(Arrays.copyOfRange(envelope, acrossChunks, acrossChunks + 1_000));
        }
    }

    private static byte[] bytes(Content content) throws IOException {
        try (InputStream in = content.openStream()) {
            return in.readAllBytes();
        }
    }

    static AcceptedExchange exchange(ParticipantId sender, String messageId) {
        byte[] envelope = ("envelope of " + messageId).getBytes(StandardCharsets.UTF_8);
        return new AcceptedExchange(
                UUID.randomUUID().toString(),
                messageId,
                sender,
                ParticipantId.of("BE-IBZ"),
                "watchlist-hit",
                "a".repeat(64),
                // Microseconds: what timestamp with time zone keeps on both databases.
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                Content.inMemory(envelope),
                new byte[] {0x30, 0x03, 0x02, 0x01, 0x01});
    }

    private static AcceptedExchange withExchangeId(AcceptedExchange exchange, AcceptedExchange idFrom) {
        return new AcceptedExchange(
                idFrom.exchangeId(),
                exchange.messageId(),
                exchange.sender(),
                exchange.recipient(),
                exchange.messageType(),
                exchange.envelopeSha256(),
                exchange.acceptedAt(),
                exchange.envelope(),
                exchange.receipt());
    }

    static AcceptedExchange withEnvelope(AcceptedExchange exchange, byte[] envelope) {
        return new AcceptedExchange(
                exchange.exchangeId(),
                exchange.messageId(),
                exchange.sender(),
                exchange.recipient(),
                exchange.messageType(),
                exchange.envelopeSha256(),
                exchange.acceptedAt(),
                Content.inMemory(envelope),
                exchange.receipt());
    }
}
