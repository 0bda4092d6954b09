package org.pouch.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pouch.testing.TestPki.GATEWAY;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_MOI;

import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pouch.certificates.KeySuite;
import org.pouch.exchange.Receipt;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;
import org.pouch.testing.TestPki;

class ReceiptTest {

    private final TestPki pki = TestPki.shared();
    private final ReceiptVerifier verifier = new ReceiptVerifier(pki.senders(), pki.validator(), Clock.systemUTC());
    private final Receipt receipt = new Receipt(
            GATEWAY,
            "ex-1",
            "m-1",
            PK_MOI,
            IQ_MOI,
            "a".repeat(64),
            Instant.parse("2026-11-27T10:00:00Z"),
            Receipt.Status.ACCEPTED);

    @Test
    void receiptSignedByTheGatewayVerifies() {
        byte[] signed =
                new ReceiptSigner(() -> pki.signing(GATEWAY, KeySuite.EC_P256), Clock.systemUTC()).sign(receipt);

        ReceiptVerifier.VerifiedReceipt verified = verifier.verify(signed);

        assertThat(verified.receipt()).isEqualTo(receipt);
        assertThat(verified.signerCertificate())
                .isEqualTo(pki.signing(GATEWAY, KeySuite.EC_P256).certificate());
    }

    @Test
    void receiptSignedBySomeoneElseThanTheNamedGatewayIsRefused() {
        byte[] signed = new ReceiptSigner(() -> pki.signing(PK_MOI, KeySuite.EC_P256), Clock.systemUTC()).sign(receipt);

        assertThatThrownBy(() -> verifier.verify(signed))
                .isInstanceOfSatisfying(
                        RejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.SIGNER_NOT_SENDER));
    }

    @Test
    void alteredReceiptIsRefused() throws Exception {
        byte[] signed =
                new ReceiptSigner(() -> pki.signing(GATEWAY, KeySuite.EC_P256), Clock.systemUTC()).sign(receipt);
        byte[] altered = HostileEnvelopes.withContentReplaced(
                signed,
                org.pouch.exchange.ReceiptCodec.encode(new Receipt(
                        GATEWAY,
                        "ex-1",
                        "m-2",
                        PK_MOI,
                        IQ_MOI,
                        "a".repeat(64),
                        receipt.acceptedAt(),
                        Receipt.Status.ACCEPTED)));

        assertThatThrownBy(() -> verifier.verify(altered))
                .isInstanceOfSatisfying(
                        RejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.SIGNATURE_INVALID));
    }
}
