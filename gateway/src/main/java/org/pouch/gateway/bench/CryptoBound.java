package org.pouch.gateway.bench;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.pouch.certificates.CertificateValidator;
import org.pouch.certificates.Credential;
import org.pouch.envelope.DecryptionKeys;
import org.pouch.envelope.EnvelopeOpener;
import org.pouch.envelope.EnvelopeSealer;
import org.pouch.envelope.OpenedMessage;
import org.pouch.envelope.ReceiptSigner;
import org.pouch.envelope.ReceiptVerifier;
import org.pouch.exchange.Header;
import org.pouch.exchange.Receipt;

/**
 * What the gateway's cryptography alone allows: per message, what the gateway does to it (open the
 * envelope, sign the receipt, seal the document for the recipient, verify the recipient's receipt) with
 * the same envelopes and the same code, but no HTTP, database or queue, on as many threads as there are
 * cores. Every throughput in the report is stated as a fraction of this.
 */
final class CryptoBound {

    /** Messages per second of the bound, and the threads that made it. */
    record Result(double messagesPerSecond, int threads, long messages, double seconds) {}

    private static final int PARTNER_RECEIPTS = 16;

    private final EnvelopeOpener opener;
    private final ReceiptSigner receiptSigner;
    private final EnvelopeSealer sealer;
    private final X509Certificate recipient;
    private final ReceiptVerifier partnerReceipts;
    private final List<byte[]> signedByPartner = new ArrayList<>();

    CryptoBound(BenchPki pki) {
        CertificateValidator validator = pki.validator();
        Credential gatewaySigning = pki.signing(BenchPki.GATEWAY);
        this.opener = new EnvelopeOpener(
                DecryptionKeys.of(pki.encryption(BenchPki.GATEWAY)),
                pki.signers(BenchPki.SENDER),
                validator,
                BenchPki.clock());
        this.receiptSigner = new ReceiptSigner(() -> gatewaySigning, BenchPki.clock());
        this.sealer = new EnvelopeSealer(() -> gatewaySigning, BenchPki.clock());
        this.recipient = pki.encryptionCertificate(BenchPki.RECIPIENT);
        this.partnerReceipts = new ReceiptVerifier(pki.signers(BenchPki.RECIPIENT), validator, BenchPki.clock());
        Credential partnerSigning = pki.signing(BenchPki.RECIPIENT);
        ReceiptSigner partner = new ReceiptSigner(() -> partnerSigning, BenchPki.clock());
        for (int i = 0; i < PARTNER_RECEIPTS; i++) {
            signedByPartner.add(
                    partner.sign(receipt(BenchPki.RECIPIENT, UUID.randomUUID().toString(), "0".repeat(64))));
        }
    }

    /** One message's cryptography, as the gateway does it. */
    void process(byte[] envelope, int index) {
        // A large document is spooled to a temporary file while open.
        try (OpenedMessage opened = opener.open(envelope)) {
            Header header = opened.document().header();
            receiptSigner.sign(receipt(BenchPki.GATEWAY, header.messageId(), opened.envelopeSha256Hex()));
            sealer.seal(opened.document(), recipient);
        }
        partnerReceipts.verify(signedByPartner.get(index % signedByPartner.size()));
    }

    /**
     * Runs {@link #process} over the workload's envelopes on {@code threads} threads: a warm-up, then
     * {@code measureMillis} timed.
     */
    Result measure(Workload workload, int threads, long warmupMillis, long measureMillis) throws InterruptedException {
        run(workload, threads, warmupMillis);
        long started = System.nanoTime();
        long done = run(workload, threads, measureMillis);
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(done / seconds, threads, done, seconds);
    }

    private long run(Workload workload, int threads, long millis) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder done = new LongAdder();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                running.add(pool.submit(() -> {
                    for (int i = offset; !stop.get(); i += threads) {
                        process(workload.get(i % workload.size()).envelope(), i);
                        done.increment();
                    }
                }));
            }
            TimeUnit.MILLISECONDS.sleep(millis);
            stop.set(true);
            for (Future<?> future : running) {
                future.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the crypto bound failed on a message: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return done.sum();
    }

    private static Receipt receipt(org.pouch.exchange.ParticipantId signer, String messageId, String sha256) {
        return new Receipt(
                signer,
                UUID.randomUUID().toString(),
                messageId,
                BenchPki.SENDER,
                BenchPki.RECIPIENT,
                sha256,
                BenchPki.clock().instant(),
                Receipt.Status.ACCEPTED);
    }
}
