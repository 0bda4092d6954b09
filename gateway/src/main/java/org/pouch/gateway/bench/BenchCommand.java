package org.pouch.gateway.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLContext;
import org.pouch.certificates.ExamplePki;
import org.pouch.certificates.ExamplePkiFiles;
import org.pouch.certificates.KeySuite;
import org.pouch.formats.pilgrims.PilgrimList;
import org.pouch.gateway.pki.PkiFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pouch bench}: the load generator. Measures the crypto bound, then sends pilgrim lists through
 * the gateway's REST intake in closed-loop stages (one per connection count) and open-loop stages (one
 * per offered rate), and writes results.json and report.html. It starts its own gateway with a fresh
 * example PKI unless {@code --gateway} names a running one. See docs/performance.md.
 */
@Command(
        name = "bench",
        description = {
            "Load-test a gateway: the crypto bound, then closed-loop stages (--connections) and fixed-rate"
                    + " stages (--rate); writes results.json and report.html to --out.",
            "Without --gateway it starts a gateway of its own on a temporary directory with a fresh example PKI."
        })
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--gateway", description = "A running gateway's partner URL; default: start one.")
    URI gateway;

    @Option(
            names = "--management",
            description = "The running gateway's management URL, for its CPU and heap from the actuator.")
    URI management;

    @Option(
            names = "--pki",
            description = "A directory laid out as certs-example/; default: a fresh example PKI (only when"
                    + " the command starts the gateway).")
    Path pki;

    @Option(names = "--password", defaultValue = ExamplePkiFiles.EXAMPLE_PASSWORD, description = "PKCS#12 password.")
    String password;

    @Option(names = "--out", defaultValue = "bench-results", description = "Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--messages", defaultValue = "2000", description = "Messages per stage. Default: ${DEFAULT-VALUE}.")
    int messages;

    @Option(
            names = "--warmup",
            defaultValue = "1000",
            description = "Messages sent before the first stage, not reported. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(
            names = "--connections",
            split = ",",
            description = "Closed-loop stages, by concurrent connections. Default: 1,4,16,64, or none when"
                    + " --rate is given.")
    List<Integer> connections;

    @Option(names = "--rate", split = ",", description = "Open-loop stages, by offered messages per second.")
    List<Double> rates = new ArrayList<>();

    @Option(
            names = "--rate-connections",
            defaultValue = "64",
            description = "Connections an open-loop stage may use. Default: ${DEFAULT-VALUE}.")
    int rateConnections;

    @Option(names = "--payload-bytes", defaultValue = "10240", description = "Default: ${DEFAULT-VALUE}.")
    int payloadBytes;

    @Option(
            names = "--channel",
            defaultValue = "rest",
            description = "How messages are submitted: rest (POST application/pkcs7-mime) or soap (the"
                    + " exchange service, envelope inline). Default: ${DEFAULT-VALUE}.")
    String channel;

    @Option(names = "--suite", defaultValue = "ec", description = "ec or rsa. Default: ${DEFAULT-VALUE}.")
    String suite;

    @Option(
            names = "--type",
            defaultValue = PilgrimList.TYPE,
            description = "Default: ${DEFAULT-VALUE} (the only one yet).")
    String type;

    @Option(
            names = "--bound-seconds",
            defaultValue = "5",
            description = "How long the crypto bound is measured, after as long a warm-up; 0 skips it."
                    + " Default: ${DEFAULT-VALUE}.")
    int boundSeconds;

    @Option(
            names = "--delivery-wait",
            defaultValue = "30s",
            description = "After a stage, how long to wait for the sink to receive what was accepted."
                    + " Default: ${DEFAULT-VALUE}.")
    String deliveryWait;

    @Option(
            names = "--jit-settle",
            defaultValue = "60s",
            description = "Before the crypto bound and before each stage, wait up to this long for the JIT"
                    + " compilers of the gateway and of this command to go quiet; 0s does not wait."
                    + " Default: ${DEFAULT-VALUE}.")
    String jitSettle;

    @Option(names = "--gateway-heap", defaultValue = "512m", description = "-Xmx of a started gateway.")
    String gatewayHeap;

    @Option(names = "--gateway-arg", description = "An extra argument for a started gateway (repeatable).")
    List<String> gatewayArgs = new ArrayList<>();

    @Option(
            names = "--gateway-jvm-arg",
            description = "An extra JVM option for a started gateway (repeatable), for example a JFR recording.")
    List<String> gatewayJvmArgs = new ArrayList<>();

    private CryptoBound cryptoBound;
    private Workload boundWork;
    private JitCompilation jit;

    @Override
    public Integer call() throws Exception {
        PrintWriter printed = spec.commandLine().getOut();
        if (!PilgrimList.TYPE.equals(type)) {
            spec.commandLine().getErr().println("pouch bench: only " + PilgrimList.TYPE + " is generated so far");
            return 2;
        }
        if (!List.of("rest", "soap").contains(channel)) {
            spec.commandLine().getErr().println("pouch bench: --channel is rest or soap, not " + channel);
            return 2;
        }
        KeySuite keySuite = KeySuite.fromShortName(suite);
        Files.createDirectories(out);
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        List<String> notes = new ArrayList<>();
        Path pkiDirectory = pki != null ? pki : examplePki(printed);
        BenchPki keys = new BenchPki(pkiDirectory, password, keySuite);
        SSLContext partnerTls = PkiFiles.sslContext(
                keys.tlsClient(BenchPki.SENDER), keys.layout().trustStore(), keys.password());
        SSLContext staffTls =
                PkiFiles.sslContext(keys.staff("operator"), keys.layout().trustStore(), keys.password());
        SSLContext sinkTls = PkiFiles.sslContext(keys.tlsServer(), keys.layout().trustStore(), keys.password());

        try (Sink sink = Sink.start(keys, sinkTls, 4);
                GatewayHandle target = gateway(keys, pkiDirectory, sink, keySuite, staffTls, printed)) {
            boolean delivering = target.started().isPresent() && deliveryOnClassPath();
            if (!delivering) {
                notes.add(
                        target.started().isPresent()
                                ? "This build has no delivery yet: delivered/s is not measured."
                                : "The gateway was not started by this command, so it does not deliver to this run's sink.");
            }
            LoadStage.Submitter submitter = switch (channel) {
                case "rest" -> new RestSubmitter(target.partner(), partnerTls);
                case "soap" -> new SoapSubmitter(target.partner(), partnerTls);
                default -> throw new IllegalStateException("checked above: " + channel);
            };

            jit = JitCompilation.of(target.metrics());
            BenchResults.Bound bound = null;
            if (boundSeconds > 0) {
                printed.println("Measuring the crypto bound on " + cores() + " threads...");
                printed.flush();
                JitCompilation.Settling settling = settle();
                if (settling != null) {
                    // Only the bound's wait says how busy the compilers still were: a stage reports its own.
                    printed.println("  JIT compilers " + settled(settling.seconds(), settling.quiet())
                            + (settling.quiet()
                                    ? ""
                                    : String.format(
                                            Locale.ROOT, " (%.2f cores in the last window)", settling.cores())));
                }
                cryptoBound = new CryptoBound(keys);
                boundWork = Workload.seal(keys, Math.min(messages, 256), payloadBytes, done -> {});
                bound = BenchResults.Bound.of(
                        cryptoBound.measure(boundWork, cores(), boundSeconds * 1000L, boundSeconds * 1000L));
                printed.printf(Locale.ROOT, "  crypto bound: %.0f messages/s%n", bound.messagesPerSecond());
            }
            if (warmup > 0) {
                printed.println("Warming the gateway up with " + warmup + " messages...");
                printed.flush();
                stage(
                        "warm-up",
                        warmup,
                        4,
                        SendSchedule.closedLoop(),
                        null,
                        keys,
                        submitter,
                        sink,
                        target,
                        // Waits for the warm-up's deliveries too: a bound measured while the gateway still
                        // delivers them would be measured on busy cores.
                        delivering,
                        null,
                        false);
            }
            List<BenchResults.Stage> stages = new ArrayList<>();
            List<Integer> closedLoops =
                    connections != null ? connections : rates.isEmpty() ? List.of(1, 4, 16, 64) : List.of();
            for (int c : closedLoops) {
                stages.add(stage(
                        "closed-" + c,
                        messages,
                        c,
                        SendSchedule.closedLoop(),
                        null,
                        keys,
                        submitter,
                        sink,
                        target,
                        delivering,
                        bound,
                        true));
                print(printed, stages.get(stages.size() - 1));
            }
            for (double rate : rates) {
                stages.add(stage(
                        "open-" + HtmlReport.number(rate) + "/s",
                        messages,
                        rateConnections,
                        SendSchedule.fixedRate(rate),
                        rate,
                        keys,
                        submitter,
                        sink,
                        target,
                        delivering,
                        bound,
                        true));
                print(printed, stages.get(stages.size() - 1));
            }
            if (target.started().isEmpty() && target.metrics().isEmpty()) {
                notes.add("No --management URL: the gateway's CPU and heap were not measured.");
            }
            notes.add("Generator, sink and gateway shared the machine's " + cores() + " cores.");
            BenchResults results = new BenchResults(
                    startedAt,
                    BenchResults.Machine.here(),
                    new BenchResults.Settings(
                            target.started().isPresent()
                                    ? "started"
                                    : target.partner().toString(),
                            channel,
                            keySuite.shortName(),
                            type,
                            (int) PilgrimLists.ofSize(payloadBytes, 0).size(),
                            messages),
                    bound,
                    stages,
                    notes);
            ResultsJson.write(results, out.resolve("results.json"));
            HtmlReport.write(results, out.resolve("report.html"));
            printed.println("Wrote " + out.resolve("results.json") + " and " + out.resolve("report.html"));
            printed.flush();
            return 0;
        }
    }

    private BenchResults.Stage stage(
            String name,
            int count,
            int connectionCount,
            SendSchedule schedule,
            Double rate,
            BenchPki keys,
            LoadStage.Submitter submitter,
            Sink sink,
            GatewayHandle target,
            boolean delivering,
            BenchResults.Bound overall,
            boolean settleFirst)
            throws InterruptedException {
        JitCompilation.Settling settling = settleFirst ? settle() : null;
        // The bound again right before the stage: on a shared machine the load of others moves, and a
        // fraction of a bound measured minutes earlier would move with it.
        Double bound = overall == null
                ? null
                : cryptoBound
                        .measure(boundWork, cores(), 0, boundSeconds * 1000L)
                        .messagesPerSecond();
        Workload workload;
        try (Progress sealing = Progress.of(name + ": sealing", count)) {
            workload = Workload.seal(keys, count, payloadBytes, sealing);
        }
        Map<String, Long> intended = new ConcurrentHashMap<>(count * 2);
        LongAdder delivered = new LongAdder();
        AtomicLong lastDelivered = new AtomicLong();
        LatencyRecorder deliveryLatency = new LatencyRecorder(System.nanoTime(), 3600);
        sink.recordInto((messageId, at) -> {
            Long sentAt = intended.get(messageId);
            if (sentAt != null) {
                deliveryLatency.record(sentAt, at);
                delivered.increment();
                lastDelivered.accumulateAndGet(at, Math::max);
            }
        });
        LoadStage.Measured measured;
        BenchResults.GatewayUsage usage;
        JitCompilation.Snapshot jitAtStart = jit.snapshot();
        Optional<Handoffs> handoffsAtStart = target.metrics().flatMap(Handoffs::read);
        try (UsageSampler sampler = new UsageSampler(target.started(), target.metrics());
                Progress sending = Progress.of(name, count)) {
            measured = new LoadStage(connectionCount, schedule).run(workload, submitter, intended, sending);
            usage = sampler.usage();
        }
        JitCompilation.Busy compiling = jit.busySince(jitAtStart);
        BenchResults.Jit jitUsage = new BenchResults.Jit(
                rounded(compiling.gateway()),
                rounded(compiling.own()),
                settling == null ? null : Math.round(settling.seconds() * 10) / 10.0,
                settling == null ? null : settling.quiet());
        if (delivering) {
            awaitDeliveries(delivered, measured.accepted());
        }
        Double preparedFromHandoff = handoffsAtStart
                .flatMap(atStart -> target.metrics().flatMap(Handoffs::read).map(now -> now.minus(atStart)))
                .flatMap(Handoffs::takenShare)
                .map(share -> Math.round(share * 1000) / 1000.0)
                .orElse(null);
        double seconds = measured.seconds();
        double acceptedPerSecond = measured.accepted() / seconds;
        Double deliveredPerSecond = delivering && delivered.sum() > 0
                ? delivered.sum() / Math.max(1e-9, (lastDelivered.get() - measured.startNanos()) / 1e9)
                : null;
        return new BenchResults.Stage(
                name,
                schedule.paced() ? "open" : "closed",
                connectionCount,
                rate,
                measured.sent(),
                measured.accepted(),
                measured.rejected(),
                Math.round(seconds * 1000) / 1000.0,
                Math.round(acceptedPerSecond * 10) / 10.0,
                bound == null ? null : Math.round(bound * 10) / 10.0,
                bound == null ? null : Math.round(acceptedPerSecond / bound * 1000) / 1000.0,
                BenchResults.Latency.of(measured.acceptance().histogram()),
                delivered.sum(),
                deliveredPerSecond,
                BenchResults.Latency.of(deliveryLatency.histogram()),
                preparedFromHandoff,
                usage,
                jitUsage,
                measured.acceptance().perSecond((int) Math.ceil(seconds)));
    }

    private void awaitDeliveries(LongAdder delivered, long accepted) throws InterruptedException {
        Duration patience = duration(deliveryWait);
        long seen = -1;
        long quietSince = System.nanoTime();
        while (delivered.sum() < accepted) {
            if (delivered.sum() != seen) {
                seen = delivered.sum();
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > patience.toNanos()) {
                return;
            }
            Thread.sleep(50);
        }
    }

    /** Waits up to {@code --jit-settle} for both processes' JIT compilers to go quiet; null: no wait. */
    private JitCompilation.Settling settle() throws InterruptedException {
        Duration patience = duration(jitSettle);
        return patience.isZero() ? null : jit.awaitQuiet(patience);
    }

    private static String settled(Double seconds, Boolean quiet) {
        if (seconds == null) {
            return "";
        }
        return String.format(Locale.ROOT, quiet ? "quiet after %.0f s" : "still compiling after %.0f s", seconds);
    }

    private static Duration duration(String text) {
        return Duration.parse("PT" + text.toUpperCase(Locale.ROOT));
    }

    private static Double rounded(OptionalDouble cores) {
        return cores.isPresent() ? Math.round(cores.getAsDouble() * 100) / 100.0 : null;
    }

    private GatewayHandle gateway(
            BenchPki keys, Path pkiDirectory, Sink sink, KeySuite keySuite, SSLContext staffTls, PrintWriter printed)
            throws IOException, InterruptedException {
        if (gateway != null) {
            return new GatewayHandle(
                    gateway,
                    Optional.empty(),
                    Optional.ofNullable(management).map(m -> new GatewayMetrics(m, staffTls)));
        }
        printed.println("Starting a gateway (log: " + out.resolve("gateway/gateway.log") + ")...");
        printed.flush();
        GatewayProcess process = GatewayProcess.start(
                pkiDirectory,
                out.resolve("gateway").toAbsolutePath(),
                sink.url(),
                keySuite,
                gatewayHeap,
                gatewayJvmArgs,
                gatewayArgs);
        GatewayMetrics metrics = new GatewayMetrics(process.managementUrl(), staffTls);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!metrics.up()) {
            if (!process.alive() || System.nanoTime() > deadline) {
                process.close();
                throw new IllegalStateException("the gateway did not start; see " + process.log());
            }
            Thread.sleep(250);
        }
        return new GatewayHandle(process.partnerUrl(), Optional.of(process), Optional.of(metrics));
    }

    private Path examplePki(PrintWriter printed) throws IOException {
        if (gateway != null) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--gateway needs --pki: the key material the gateway trusts");
        }
        Path directory = out.resolve("pki");
        printed.println("Generating an example PKI in " + directory + "...");
        ExamplePkiFiles.write(ExamplePki.generate(Clock.systemUTC()), directory);
        return directory;
    }

    private static void print(PrintWriter printed, BenchResults.Stage stage) {
        printed.printf(
                Locale.ROOT,
                "  %-14s accepted %d/%d (%.1f/s%s), p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms%s%s%s%s%n",
                stage.name(),
                stage.accepted(),
                stage.sent(),
                stage.acceptedPerSecond(),
                stage.fractionOfBound() == null
                        ? ""
                        : String.format(Locale.ROOT, ", %.0f%% of the bound", stage.fractionOfBound() * 100),
                stage.acceptance().p50(),
                stage.acceptance().p99(),
                stage.acceptance().p999(),
                stage.rejected().isEmpty() ? "" : ", rejected " + stage.rejected(),
                stage.deliveredPerSecond() == null
                        ? ""
                        : String.format(
                                Locale.ROOT, ", delivered %d (%.1f/s)", stage.delivered(), stage.deliveredPerSecond()),
                stage.preparedFromHandoff() == null
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                ", %.0f%% prepared without a second open",
                                stage.preparedFromHandoff() * 100),
                jit(stage.jit()));
        printed.flush();
    }

    private static String jit(BenchResults.Jit jit) {
        String settling = settled(jit.settleSeconds(), jit.settled());
        return String.format(
                Locale.ROOT,
                "%n                 JIT compilers busy: gateway %s, bench %s (thread-seconds a second)%s",
                jit.gatewayCores() == null ? "?" : String.format(Locale.ROOT, "%.2f", jit.gatewayCores()),
                jit.benchCores() == null ? "?" : String.format(Locale.ROOT, "%.2f", jit.benchCores()),
                settling.isEmpty() ? "" : " (before it: " + settling + ")");
    }

    /** Whether this class path has the delivery routes, which a gateway started on it then runs. */
    static boolean deliveryOnClassPath() {
        try {
            Class.forName("org.pouch.delivery.DeliveryRoutes", false, BenchCommand.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The gateway's hand-off counters: deliveries that took the intake's document, and those that did not. */
    private record Handoffs(double taken, double missed) {
        static Optional<Handoffs> read(GatewayMetrics metrics) {
            OptionalDouble taken = metrics.handoffs("taken");
            OptionalDouble missed = metrics.handoffs("missed");
            return taken.isPresent() && missed.isPresent()
                    ? Optional.of(new Handoffs(taken.getAsDouble(), missed.getAsDouble()))
                    : Optional.empty();
        }

        Handoffs minus(Handoffs earlier) {
            return new Handoffs(taken - earlier.taken, missed - earlier.missed);
        }

        Optional<Double> takenShare() {
            return taken + missed > 0 ? Optional.of(taken / (taken + missed)) : Optional.empty();
        }
    }

    /** The gateway under test: where to submit, the process if this command started it, its metrics. */
    private record GatewayHandle(URI partner, Optional<GatewayProcess> started, Optional<GatewayMetrics> metrics)
            implements AutoCloseable {
        @Override
        public void close() {
            started.ifPresent(GatewayProcess::close);
        }
    }
}
