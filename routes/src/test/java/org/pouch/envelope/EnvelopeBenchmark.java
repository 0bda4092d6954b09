package org.pouch.envelope;

import static org.pouch.testing.TestPki.GATEWAY;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_MOI;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pouch.certificates.Credential;
import org.pouch.certificates.KeySuite;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.testing.TestDocuments;
import org.pouch.testing.TestPki;

/**
 * Seal and open, one thread, per suite and payload size. Run it as docs/performance.md says:
 * {@code ./mvnw -q -pl routes -am -Pbench -DskipTests verify -Djmh.args=EnvelopeBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EnvelopeBenchmark {

    @Param({"EC_P256", "RSA_3072"})
    public KeySuite suite;

    @Param({"10240", "1048576"})
    public int payloadBytes;

    /**
     * {@code pkcs12}: the sender's private key as the JDK's PKCS#12 key store returns it, which is how the
     * gateway's own keys are loaded; {@code generated}: as Bouncy Castle generated it.
     */
    @Param({"generated", "pkcs12"})
    public String keyOrigin;

    private EnvelopeSealer sealer;
    private EnvelopeOpener opener;
    private ExchangeDocument document;
    private java.security.cert.X509Certificate recipient;
    private byte[] envelope;

    @Setup
    public void setUp() {
        TestPki pki = TestPki.shared();
        Credential signing = pki.signing(PK_MOI, suite);
        Credential used = keyOrigin.equals("pkcs12") ? TestPki.throughJdkPkcs12(signing) : signing;
        sealer = new EnvelopeSealer(() -> used, Clock.systemUTC());
        opener = new EnvelopeOpener(pki.gatewayDecryptionKeys(), pki.senders(), pki.validator(), Clock.systemUTC());
        document = TestDocuments.ofSize(PK_MOI, IQ_MOI, payloadBytes);
        recipient = pki.encryption(GATEWAY, suite).certificate();
        envelope = sealer.seal(document, recipient);
        opener.open(envelope); // generates the lazily made test keys before timing starts
    }

    @Benchmark
    public byte[] seal() {
        return sealer.seal(document, recipient);
    }

    @Benchmark
    public OpenedMessage open() {
        return opener.open(envelope);
    }
}
