package org.pouch.envelope;

import java.security.cert.X509Certificate;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;

/**
 * Verifies a statement signed by {@link StatementSigner} against the one certificate the verifier was
 * given, with nothing else: no trust store, no clock. That is what an auditor holds offline; whether the
 * certificate itself is the gateway's is settled once, when the auditor receives it.
 */
public final class StatementVerifier {

    private StatementVerifier() {}

    /**
     * The signed statement, if the signature holds and was made with {@code signer}'s key.
     *
     * @throws RejectedException {@code malformed-envelope} if it is not SignedData in the profile,
     *     {@code signature-invalid} if the signature fails, {@code signer-unknown} if another key signed it
     */
    public static byte[] verify(byte[] signedStatement, X509Certificate signer) {
        if (signedStatement.length == 0) {
            throw new RejectedException(RejectionReason.MALFORMED_ENVELOPE, "the statement is empty");
        }
        CmsSignatureVerifier.SignedContent signed = CmsSignatureVerifier.verify(signedStatement);
        if (!signed.signer().certificate().getPublicKey().equals(signer.getPublicKey())) {
            throw new RejectedException(
                    RejectionReason.SIGNER_UNKNOWN,
                    "signed by "
                            + signed.signer()
                                    .certificate()
                                    .getSubjectX500Principal()
                                    .getName() + ", not by the key of the certificate given");
        }
        return signed.content();
    }
}
