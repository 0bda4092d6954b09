package org.pouch.envelope;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Objects;
import org.pouch.certificates.CertificateValidator;
import org.pouch.exchange.ParticipantId;
import org.pouch.exchange.Receipt;
import org.pouch.exchange.ReceiptCodec;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;

/**
 * Verifies a gateway's signed receipt: the signature, the signer's certificate path at signing time
 * and now, and that the signer is the gateway the receipt names.
 */
public final class ReceiptVerifier {

    private final SenderDirectory signers;
    private final CertificateValidator certificates;
    private final Clock clock;

    public ReceiptVerifier(SenderDirectory signers, CertificateValidator certificates, Clock clock) {
        this.signers = Objects.requireNonNull(signers);
        this.certificates = Objects.requireNonNull(certificates);
        this.clock = Objects.requireNonNull(clock);
    }

    /** A receipt whose signature held, with the certificate that made it. */
    public record VerifiedReceipt(Receipt receipt, X509Certificate signerCertificate) {}

    /**
     * @throws RejectedException with the reason the receipt cannot be trusted
     */
    public VerifiedReceipt verify(byte[] signedReceipt) {
        CmsSignatureVerifier.SignedContent signed = CmsSignatureVerifier.verify(signedReceipt);
        CmsSignatureVerifier.Signer signature = signed.signer();
        certificates.validate(
                signature.certificate(), signature.offeredCertificates(), signature.signingTime(), clock.instant());
        Receipt receipt;
        try {
            receipt = ReceiptCodec.decode(signed.content());
        } catch (IllegalArgumentException e) {
            throw new RejectedException(RejectionReason.MALFORMED_ENVELOPE, e.getMessage());
        }
        ParticipantId signer = signers.participantSigningWith(signature.certificate())
                .orElseThrow(() -> new RejectedException(
                        RejectionReason.SIGNER_UNKNOWN, "the receipt's signing certificate is not registered"));
        if (!signer.equals(receipt.gateway())) {
            throw new RejectedException(
                    RejectionReason.SIGNER_NOT_SENDER,
                    "receipt signed by " + signer + " but names gateway " + receipt.gateway());
        }
        return new VerifiedReceipt(receipt, signature.certificate());
    }
}
