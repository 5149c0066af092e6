package org.plantwin.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.plantwin.scenarios.library.ScenarioLibrary;
import org.plantwin.twin.http.PlantwinServer;
import org.plantwin.twin.http.ServerSettings;

/**
 * A closed-loop HTTP load generator for the plantwin service (a benchmark, not a test): N clients, each sending its
 * next request as soon as the previous one is answered, for a fixed time; then requests/s, p50/p99 latency per
 * kind and the error count. 429 answers (the bounded job pool) are counted apart and retried after Retry-After.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.plantwin.bench.HttpLoad [--url http://127.0.0.1:8080] [--clients 50]
 *      [--seconds 60] [--mix validate|run|both] [--warmup 5]
 * </pre>
 * Without {@code --url} it starts a server in this JVM on a free port (max-jobs 64).
 *
 * <ul>
 *   <li>{@code validate}: POST /scenarios/validate with the flowline5 library YAML.</li>
 *   <li>{@code run}: POST /runs {library: mm1, horizon: 2000m}, then GET /runs/{id} every 5 ms until it has
 *       ended, then GET its result; the latency is the whole round (submit to result).</li>
 * </ul>
 */
public final class HttpLoad {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([a-z]+)\"");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String flowline5 = ScenarioLibrary.text("flowline5");
    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final Map<String, String> firstErrors = new ConcurrentHashMap<>();
    private volatile boolean recording;

    private HttpLoad(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int clients = Integer.parseInt(a.getOrDefault("clients", "50"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "60"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "5"));
        String mix = a.getOrDefault("mix", "both");
        PlantwinServer server = null;
        String url = a.get("url");
        if (url == null) {
            server = PlantwinServer.start(ServerSettings.defaults().withPort(0).withMaxJobs(64));
            url = server.baseUrl();
        }
        try {
            System.out.print(new HttpLoad(url).run(clients, warmup, seconds, mix));
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private String run(int clients, int warmupSeconds, int seconds, String mix) throws Exception {
        CountDownLatch done = new CountDownLatch(clients);
        long[] window = new long[2];
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        long recordFrom = start + Duration.ofSeconds(warmupSeconds).toNanos();
        long end = recordFrom + Duration.ofSeconds(seconds).toNanos();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                try {
                    long n = 0;
                    while (System.nanoTime() < end) {
                        if (!recording && System.nanoTime() >= recordFrom) {
                            recording = true;
                        }
                        boolean validate = mix.equals("validate") || (mix.equals("both") && (client + n) % 2 == 0);
                        if (validate) {
                            validate();
                        } else {
                            smallRun();
                        }
                        n++;
                    }
                } finally {
                    done.countDown();
                }
            }, "load-" + c);
            threads.add(t);
            t.start();
        }
        done.await();
        window[0] = seconds;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%d clients, %d s after %d s warm-up, mix %s, %s%n", clients, seconds,
                warmupSeconds, mix, base));
        sb.append(String.format(Locale.ROOT, "%-22s %9s %9s %9s %9s%n", "kind", "count", "per s", "p50 ms", "p99 ms"));
        for (Map.Entry<String, List<Long>> e : new TreeMap<>(latencies).entrySet()) {
            long[] v = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
            sb.append(String.format(Locale.ROOT, "%-22s %9d %9.1f %9.2f %9.2f%n", e.getKey(), v.length,
                    v.length / (double) window[0], percentile(v, 0.50) / 1e6, percentile(v, 0.99) / 1e6));
        }
        sb.append(String.format(Locale.ROOT, "HTTP requests: %d (%.1f/s), errors: %d, 429 (retried): %d%n",
                requests.get(), requests.get() / (double) window[0], errors.get(), rejected.get()));
        firstErrors.forEach((k, v) -> sb.append("  first error ").append(k).append(": ").append(v).append('\n'));
        return sb.toString();
    }

    private static long percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length); // nearest rank
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private void validate() {
        long t0 = System.nanoTime();
        HttpResponse<String> r = send("POST", "/scenarios/validate", flowline5, "application/yaml");
        if (r != null && r.statusCode() == 200 && r.body().startsWith("{\"valid\":true")) {
            record("validate", System.nanoTime() - t0);
        } else if (r != null) {
            error("validate", r.statusCode() + " " + r.body());
        }
    }

    private void smallRun() {
        long t0 = System.nanoTime();
        HttpResponse<String> r = send("POST", "/runs", "{\"library\":\"mm1\",\"horizon\":\"2000m\"}",
                "application/json");
        if (r == null) {
            return;
        }
        if (r.statusCode() == 429) {
            rejected.incrementAndGet();
            pause(Long.parseLong(r.headers().firstValue("Retry-After").orElse("1")) * 100); // a shorter back-off
            return;
        }
        if (r.statusCode() != 202) {
            error("run submit", r.statusCode() + " " + r.body());
            return;
        }
        record("run submit (202)", System.nanoTime() - t0);
        Matcher m = ID.matcher(r.body());
        if (!m.find()) {
            error("run submit", "no id in " + r.body());
            return;
        }
        String location = "/runs/" + m.group(1);
        while (true) {
            HttpResponse<String> s = send("GET", location, null, null);
            if (s == null) {
                return;
            }
            Matcher st = STATUS.matcher(s.body());
            String status = st.find() ? st.group(1) : "?";
            if (status.equals("succeeded")) {
                break;
            }
            if (!status.equals("running") && !status.equals("queued")) {
                error("run", status + " " + s.body());
                return;
            }
            pause(5);
        }
        HttpResponse<String> result = send("GET", location + "/result", null, null);
        if (result != null && result.statusCode() == 200 && result.body().contains("\"plant\"")) {
            record("run round (to result)", System.nanoTime() - t0);
        } else if (result != null) {
            error("run result", result.statusCode() + " " + result.body());
        }
    }

    private HttpResponse<String> send(String method, String path, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (recording) {
                requests.incrementAndGet();
            }
            return r;
        } catch (Exception e) {
            error(method + " " + path, e.toString());
            return null;
        }
    }

    private void record(String kind, long nanos) {
        if (recording) {
            latencies.computeIfAbsent(kind, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(nanos);
        }
    }

    private void error(String kind, String what) {
        if (recording) {
            errors.incrementAndGet();
            firstErrors.putIfAbsent(kind, what.length() > 300 ? what.substring(0, 300) : what);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // a load generator paces its clients by the wall clock
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
