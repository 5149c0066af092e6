package org.plantwin.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.plantwin.twin.live.IngestReport;
import org.plantwin.twin.live.MosquittoBroker;
import org.plantwin.twin.live.MqttBridge;
import org.plantwin.twin.live.TelemetryIngest;

/**
 * Telemetry throughput over MQTT, end to end (a benchmark, not a test): one publisher sends N telemetry payloads at
 * QoS 1 in batches of B (each batch waits for the broker's acknowledgements of the one before), through a broker, to
 * an {@link MqttBridge} that hands them to a {@link TelemetryIngest}; the clock runs from the first publish to the
 * ingest's return for the N-th payload. Prints payloads/s end to end, the publisher's rate and the JVM's CPU time.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.plantwin.bench.MqttIngestHarness [--messages 100000] [--batch 100]
 *      [--warmup 20000] [--rounds 3] [--twins 1] [--broker tcp://127.0.0.1:1883] [--payload FILE]
 *      [--ingest com.example.MyIngest]
 * </pre>
 * Without {@code --broker} it starts {@code /usr/sbin/mosquitto} on a free port (twin's {@code MosquittoBroker},
 * unlimited queues). {@code --payload}: a file whose text is sent with {@code {seq}} replaced by the message number
 * (default: one small state message, {@link #DEFAULT_PAYLOAD}). {@code --ingest}: a class with a public no-argument
 * constructor; default a counting no-op that accepts everything. From Java (e.g. with the live-twin service):
 * {@link #measure(String, TelemetryIngest, Options)}.
 */
public final class MqttIngestHarness {

    /** One telemetry message; {@code {seq}} is replaced by the message number. */
    public static final String DEFAULT_PAYLOAD = "{\"id\":\"m-{seq}\",\"entity\":\"M3\",\"field\":\"state\","
            + "\"value\":\"busy\",\"at\":\"2026-11-29T01:00:00Z\"}";

    /**
     * What to send.
     *
     * @param messages payloads per round
     * @param batch    payloads under way at once (the publisher waits for a batch's acknowledgements)
     * @param warmup   untimed payloads before the rounds (JIT)
     * @param rounds   timed rounds
     * @param twins    payloads go round-robin to twins {@code T0 .. T(twins-1)}
     * @param payload  the payload template ({@code {seq}})
     */
    public record Options(int messages, int batch, int warmup, int rounds, int twins, String payload) {
        public Options {
            if (messages < 1 || batch < 1 || warmup < 0 || rounds < 1 || twins < 1) {
                throw new IllegalArgumentException("messages (" + messages + "), batch (" + batch + "), rounds ("
                        + rounds + ") and twins (" + twins + ") must be >= 1, warmup (" + warmup + ") >= 0.");
            }
            Objects.requireNonNull(payload, "payload");
        }
    }

    /**
     * One timed round.
     *
     * @param messages      payloads published
     * @param ingested      payloads that reached the ingest within the time allowed
     * @param seconds       first publish to the last ingest's return
     * @param publishSeconds first publish to the broker's last acknowledgement
     * @param cpuSeconds    this JVM's CPU time over the round (publisher, bridge, ingest; not the broker)
     */
    public record Round(long messages, long ingested, double seconds, double publishSeconds, double cpuSeconds) {
        public double perSecond() {
            return ingested / seconds;
        }

        public double publishedPerSecond() {
            return messages / publishSeconds;
        }
    }

    private MqttIngestHarness() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String payload = a.containsKey("payload")
                ? Files.readString(Path.of(a.get("payload")), StandardCharsets.UTF_8).strip() : DEFAULT_PAYLOAD;
        Options options = new Options(Integer.parseInt(a.getOrDefault("messages", "100000")),
                Integer.parseInt(a.getOrDefault("batch", "100")), Integer.parseInt(a.getOrDefault("warmup", "20000")),
                Integer.parseInt(a.getOrDefault("rounds", "3")), Integer.parseInt(a.getOrDefault("twins", "1")),
                payload);
        TelemetryIngest ingest = a.containsKey("ingest")
                ? (TelemetryIngest) Class.forName(a.get("ingest")).getConstructor().newInstance()
                : (twin, json) -> new IngestReport(twin, 1, 0, 0, List.of());
        String broker = a.get("broker");
        try (MosquittoBroker started = broker == null ? MosquittoBroker.start() : null) {
            String uri = broker != null ? broker : started.uri();
            System.out.printf(Locale.ROOT, "broker %s%s, %d payloads x %d rounds in batches of %d, %d twin(s),"
                    + " %d warm-up, ingest %s, payload %d bytes%n", uri, started != null ? " (mosquitto started here)"
                    : "", options.messages(), options.rounds(), options.batch(), options.twins(), options.warmup(),
                    a.getOrDefault("ingest", "counting no-op"), payload.getBytes(StandardCharsets.UTF_8).length);
            List<Round> rounds = measure(uri, ingest, options);
            System.out.printf(Locale.ROOT, "%-6s %9s %9s %9s %12s %12s %9s%n", "round", "sent", "ingested", "s",
                    "e2e msg/s", "publish/s", "cpu s");
            for (int i = 0; i < rounds.size(); i++) {
                Round r = rounds.get(i);
                System.out.printf(Locale.ROOT, "%-6d %9d %9d %9.3f %12.0f %12.0f %9.2f%n", i + 1, r.messages(),
                        r.ingested(), r.seconds(), r.perSecond(), r.publishedPerSecond(), r.cpuSeconds());
            }
        }
    }

    /**
     * Starts a bridge on {@code brokerUri} feeding {@code ingest} (counted on the way), sends the warm-up and then
     * each round, and returns the rounds. A round ends when the ingest has seen all its payloads, or after 60 s plus
     * 1 ms per payload without them (then {@code ingested < messages}: lost payloads).
     */
    public static List<Round> measure(String brokerUri, TelemetryIngest ingest, Options options)
            throws MqttException, InterruptedException {
        Counting counting = new Counting(ingest);
        MqttAsyncClient publisher = new MqttAsyncClient(brokerUri, "harness-publisher-" + ProcessHandle.current()
                .pid(), new MemoryPersistence());
        MqttConnectOptions connect = new MqttConnectOptions();
        connect.setCleanSession(true);
        if (brokerUri.startsWith("tcp://")) {
            connect.setSocketFactory(MqttBridge.tcpNoDelaySocketFactory());
        }
        // Paho frees an in-flight slot a little after the acknowledgement's token completes: leave room.
        connect.setMaxInflight(2 * options.batch() + 100);
        List<Round> rounds = new ArrayList<>();
        try (MqttBridge bridge = MqttBridge.start(brokerUri, "harness-bridge-" + ProcessHandle.current().pid(),
                counting)) {
            publisher.connect(connect).waitForCompletion(10_000);
            long seq = 0;
            if (options.warmup() > 0) {
                send(publisher, counting, options, seq, options.warmup());
                seq += options.warmup();
            }
            for (int r = 0; r < options.rounds(); r++) {
                rounds.add(send(publisher, counting, options, seq, options.messages()));
                seq += options.messages();
            }
            MqttBridge.Stats stats = bridge.stats();
            if (stats.failed() > 0 || stats.rejected() > 0) {
                System.out.printf(Locale.ROOT, "bridge: %s%n", stats);
            }
        } finally {
            if (publisher.isConnected()) {
                publisher.disconnect().waitForCompletion(10_000);
            }
            publisher.close();
        }
        return rounds;
    }

    private static Round send(MqttAsyncClient publisher, Counting counting, Options options, long firstSeq,
                              int messages) throws MqttException, InterruptedException {
        CountDownLatch done = counting.expect(messages);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        List<IMqttDeliveryToken> batch = new ArrayList<>(options.batch());
        for (long i = 0; i < messages; i++) {
            long seq = firstSeq + i;
            byte[] payload = options.payload().replace("{seq}", Long.toString(seq)).getBytes(StandardCharsets.UTF_8);
            batch.add(publish(publisher, MqttBridge.telemetryTopic("T" + seq % options.twins()), payload));
            if (batch.size() == options.batch() || i == messages - 1) {
                for (IMqttDeliveryToken t : batch) {
                    t.waitForCompletion(30_000);
                }
                batch.clear();
            }
        }
        long published = System.nanoTime();
        boolean all = done.await(60_000 + messages, TimeUnit.MILLISECONDS);
        long end = System.nanoTime();
        long cpu = os.getProcessCpuTime() - cpu0;
        return new Round(messages, all ? messages : messages - done.getCount(), (end - t0) / 1e9,
                (published - t0) / 1e9, cpu / 1e9);
    }

    private static IMqttDeliveryToken publish(MqttAsyncClient publisher, String topic, byte[] payload)
            throws MqttException, InterruptedException {
        while (true) {
            try {
                return publisher.publish(topic, payload, MqttBridge.QOS, false);
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT) {
                    throw e;
                }
                Thread.sleep(1); // a slot frees as soon as Paho has processed a pending acknowledgement
            }
        }
    }

    /** Counts down the payloads of the round under way as they reach the ingest. */
    private static final class Counting implements TelemetryIngest {
        private final TelemetryIngest delegate;
        private volatile CountDownLatch round = new CountDownLatch(0);

        Counting(TelemetryIngest delegate) {
            this.delegate = delegate;
        }

        CountDownLatch expect(int messages) {
            round = new CountDownLatch(messages);
            return round;
        }

        @Override
        public IngestReport ingest(String twinId, String json) {
            try {
                return delegate.ingest(twinId, json);
            } finally {
                round.countDown(); // a payload the ingest threw on has reached it all the same
            }
        }
    }
}
