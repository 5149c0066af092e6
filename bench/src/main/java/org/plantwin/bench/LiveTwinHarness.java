package org.plantwin.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.plantwin.actors.api.Fork;
import org.plantwin.actors.api.LiveTwin;
import org.plantwin.actors.api.Telemetry;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.twin.http.PlantwinServer;
import org.plantwin.twin.http.ServerSettings;

/**
 * Live-twin figures for the {@code supply-chain} scenario (a benchmark, not a test):
 * <ul>
 *   <li>HTTP ingestion: {@code --clients} clients post {@code POST /twins/{id}/telemetry} batches of
 *       {@code --batch} messages (machine states, inventory and buffer levels, unique ids, twin time rising) to a
 *       server in this JVM until {@code --messages} are applied; messages/s end to end (request to report).</li>
 *   <li>The servers persist their twins (a temporary {@code --live-dir}): the figures include the journal.</li>
 *   <li>Fork latency: a twin aged {@code --days} days (one report an hour meanwhile) forked for 2 days with 10
 *       replications, median wall time of 5 forks, in the calling thread's pool (all cores).</li>
 * </ul>
 * <pre>
 * java -cp bench/target/benchmarks.jar org.plantwin.bench.LiveTwinHarness [--messages 200000] [--batch 100]
 *      [--clients 4] [--days 7,30]
 * </pre>
 * <li>MQTT ingestion (when {@code /usr/sbin/mosquitto} is installed): {@link MqttIngestHarness#measure} with the
 *     server's live-twin service as the ingest: single-message payloads (an inventory level each) at QoS 1, 100
 *     under way, applied to a real twin.</li>
 */
public final class LiveTwinHarness {

    private static final long HOUR = 3_600_000L;

    private LiveTwinHarness() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int messages = Integer.parseInt(a.getOrDefault("messages", "200000"));
        int batch = Integer.parseInt(a.getOrDefault("batch", "100"));
        int clients = Integer.parseInt(a.getOrDefault("clients", "4"));
        System.out.printf(Locale.ROOT, "cores %d, supply-chain%n", Runtime.getRuntime().availableProcessors());
        http(messages / 10, batch, clients); // warm-up
        double rate = http(messages, batch, clients);
        System.out.printf(Locale.ROOT, "HTTP telemetry: %d messages in batches of %d, %d clients: %.0f messages/s%n",
                messages, batch, clients, rate);
        if (org.plantwin.twin.live.MosquittoBroker.isInstalled()) {
            mqtt(Math.min(messages, 50_000));
        }
        for (String d : a.getOrDefault("days", "7,30").split(",")) {
            fork(Integer.parseInt(d.strip()));
        }
    }

    /** Messages applied per second over HTTP. */
    static double http(int messages, int batch, int clients) throws Exception {
        try (PlantwinServer server = PlantwinServer.start(ServerSettings.defaults().withPort(0).withLanes(1)
                .withLiveDir(java.nio.file.Files.createTempDirectory("plantwin-live-bench")))) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = server.baseUrl();
            send(http, base + "/twins", "{\"id\": \"bench\", \"library\": \"supply-chain\", \"speed\": 0}");
            String[] machines = {"L1-M1", "L1-M2", "L2-M1", "L2-M2"};
            AtomicLong next = new AtomicLong();
            AtomicLong applied = new AtomicLong();
            long start = System.nanoTime();
            List<CompletableFuture<Void>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(CompletableFuture.runAsync(() -> {
                    try {
                        long first;
                        while ((first = next.getAndAdd(batch)) < messages) {
                            StringBuilder b = new StringBuilder("{\"messages\": [");
                            for (long k = first; k < first + batch; k++) {
                                if (k > first) {
                                    b.append(',');
                                }
                                long t = k * 1_000; // one message per simulated second
                                b.append(switch ((int) (k % 3)) {
                                    case 0 -> "{\"id\": " + k + ", \"kind\": \"machineState\", \"simTime\": " + t
                                            + ", \"machine\": \"" + machines[(int) (k / 3 % 4)] + "\", \"state\": \""
                                            + (k / 12 % 5 == 4 ? "down" : "up") + "\"}";
                                    case 1 -> "{\"id\": " + k + ", \"kind\": \"inventory\", \"simTime\": " + t
                                            + ", \"warehouse\": \"FG\", \"product\": \"A\", \"level\": " + (100 + k % 200)
                                            + "}";
                                    default -> "{\"id\": " + k + ", \"kind\": \"bufferLevel\", \"simTime\": " + t
                                            + ", \"line\": \"L1\", \"station\": \"S2\", \"level\": " + (k % 10) + "}";
                                });
                            }
                            String report = send(http, base + "/twins/bench/telemetry", b.append("]}").toString());
                            int i = report.indexOf("\"accepted\":");
                            applied.addAndGet(Long.parseLong(report.substring(i + 11, report.indexOf(',', i))));
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            CompletableFuture.allOf(workers.toArray(new CompletableFuture[0])).join();
            double seconds = (System.nanoTime() - start) / 1e9;
            return applied.get() / seconds;
        }
    }

    /** Payloads per second over MQTT into a real live twin (three rounds). */
    static void mqtt(int messages) throws Exception {
        try (org.plantwin.twin.live.MosquittoBroker broker = org.plantwin.twin.live.MosquittoBroker.start();
             PlantwinServer server = PlantwinServer.start(ServerSettings.defaults().withPort(0).withLanes(1)
                .withLiveDir(java.nio.file.Files.createTempDirectory("plantwin-live-bench")))) {
            server.liveTwins().create("T0", "supply-chain", null, 1, 0);
            String payload = "{\"id\": \"m-{seq}\", \"kind\": \"inventory\", \"warehouse\": \"FG\", \"product\":"
                    + " \"A\", \"level\": 100}";
            List<MqttIngestHarness.Round> rounds = MqttIngestHarness.measure(broker.uri(), server.liveTwins(),
                    new MqttIngestHarness.Options(messages, 100, messages / 5, 3, 1, payload));
            long applied = server.liveTwins().state("T0").toCompletableFuture().get().at("/telemetry/applied")
                    .asLong();
            StringBuilder b = new StringBuilder();
            for (MqttIngestHarness.Round r : rounds) {
                b.append(String.format(Locale.ROOT, " %.0f", r.perSecond()));
            }
            System.out.printf(Locale.ROOT, "MQTT telemetry into a live twin: %d single-message payloads per round, 100"
                    + " under way: payloads/s per round%s (%d applied in all)%n", messages, b, applied);
        }
    }

    /** Median latency of a 2-day, 10-replication fork of a twin aged {@code days} days. */
    static void fork(int days) {
        Scenario s = Scenarios.library("supply-chain");
        LiveTwin twin = LiveTwin.start(s, 1);
        for (long t = HOUR; t <= days * 24 * HOUR; t += HOUR) {
            twin.advanceTo(t);
            twin.apply("h" + t, t, new Telemetry.InventoryLevel("FG", "C", 40 + t / HOUR % 30));
        }
        Fork fork = new Fork(2 * 24 * HOUR, 10, 7L, List.of(new Fork.Disturbance(0,
                new Telemetry.MachineState("L1-M1", "down")), new Fork.Disturbance(6 * HOUR,
                new Telemetry.MachineState("L1-M1", "up"))));
        fork.run(twin.forkBase()); // warm-up
        double[] ms = new double[5];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            fork.run(twin.forkBase());
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "fork of a %d-day-old twin (%d telemetry messages), 2 days x 10 replications:"
                + " median %.0f ms (min %.0f, max %.0f)%n", days, twin.journal().size(), ms[2], ms[0], ms[4]);
    }

    private static String send(HttpClient http, String url, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
