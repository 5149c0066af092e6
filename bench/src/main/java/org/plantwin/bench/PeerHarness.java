package org.plantwin.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.api.SimulationRuntime;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Scenario;

/**
 * Runs a SimPy peer model and the same plantwin library scenario side by side and prints both wall times, the rate
 * (parts/s or customers/s) and the ratio plantwin / SimPy. Two pairs: {@code flowline5} against
 * {@code simpy2_flowline.py} and {@code mm1} against {@code simpy2_mm1.py}.
 *
 * <p>Only the run is timed on the plantwin side: the actor system is started once, then {@code warmups} untimed runs
 * let the JIT compile the hot paths, then the median wall time of {@code runs} timed runs and their mean CPU time are reported. The peer times itself
 * ({@code run_wall_s} in its JSON line, its interpreter start-up excluded). Wall-clock time is fine here: the
 * harness is outside the simulation. Pin both to one core with {@code taskset -c 0}.
 *
 * <pre>
 * taskset -c 0 java -cp bench/target/benchmarks.jar org.plantwin.bench.PeerHarness \
 *     [--peers=../shared/peers] [--horizon=200000] [--customers=900000] [--warmups=3] [--runs=5] \
 *     [--python=/usr/bin/python3] [--seed=42] [--only=flowline5|mm1]
 * </pre>
 */
public final class PeerHarness {

    /**
     * One side of a comparison: what ran, how many units (parts, customers), its wall time and its CPU time in
     * seconds (the run only).
     */
    public record Side(String tool, long units, double wallSeconds, double cpuSeconds, String detail) {
        public double unitsPerSecond() {
            return units / wallSeconds;
        }

        public double unitsPerCpuSecond() {
            return units / cpuSeconds;
        }
    }

    /** A peer comparison of one model. */
    public record Comparison(String model, String unit, Side peer, Side plantwin) {
        /** plantwin's rate over the peer's, by wall time. */
        public double ratio() {
            return plantwin.unitsPerSecond() / peer.unitsPerSecond();
        }

        /** The same by CPU time: steadier than wall time on a machine shared with other work. */
        public double cpuRatio() {
            return plantwin.unitsPerCpuSecond() / peer.unitsPerCpuSecond();
        }
    }

    /**
     * Runs the peer script unchanged as {@code __main__}, but records the process CPU time at each of its two
     * {@code time.perf_counter()} calls (the ones around {@code simulate}), then prints it as a second JSON line.
     */
    private static final String PEER_WRAPPER = String.join("\n",
            "import json, runpy, sys, time",
            "_pc, marks = time.perf_counter, []",
            "def pc():",
            "    marks.append(time.process_time())",
            "    return _pc()",
            "time.perf_counter = pc",
            "sys.argv = sys.argv[1:]",
            "runpy.run_path(sys.argv[0], run_name='__main__')",
            "print(json.dumps({'run_cpu_s': marks[-1] - marks[0]}))");

    private final Map<String, String> opts;
    private final ObjectMapper json = new ObjectMapper();

    PeerHarness(Map<String, String> opts) {
        this.opts = opts;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        PeerHarness h = new PeerHarness(opts);
        String only = opts.getOrDefault("only", "");
        List<Comparison> results = new ArrayList<>();
        try (SimulationRuntime runtime = SimulationRuntime.create(1)) {
            if (only.isEmpty() || only.equals("flowline5")) {
                results.add(h.flowline(runtime));
                print(results.get(results.size() - 1));
            }
            if (only.isEmpty() || only.equals("mm1")) {
                results.add(h.mm1(runtime));
                print(results.get(results.size() - 1));
            }
        }
        System.out.println();
        System.out.println("summary (target: plantwin >= 20x the peer on one core)");
        for (Comparison c : results) {
            System.out.printf(Locale.ROOT, "  %-10s plantwin/simpy %s/s = %.1fx by wall time, %.1fx by CPU time%n",
                    c.model(), c.unit(), c.ratio(), c.cpuRatio());
        }
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new IllegalArgumentException("The argument (" + a + ") must look like --name=value.");
            }
            m.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        return m;
    }

    private long longOpt(String name, long dflt) {
        return Long.parseLong(opts.getOrDefault(name, Long.toString(dflt)));
    }

    private Path peer(String script) {
        Path dir = Path.of(opts.getOrDefault("peers", "../shared/peers"));
        Path p = dir.resolve(script);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("The peer script (" + p.toAbsolutePath() + ") does not exist. Maybe run"
                    + " from the repository root, or pass --peers=/work/shared/peers.");
        }
        return p;
    }

    /** flowline5 over {@code --horizon} minutes (default 200,000, the peer's default). */
    Comparison flowline(SimulationRuntime runtime) throws IOException, InterruptedException {
        long horizon = longOpt("horizon", 200_000);
        long seed = longOpt("seed", 42);
        JsonNode p = runPeer(peer("simpy2_flowline.py"), Long.toString(horizon), Long.toString(seed));
        Side peer = new Side(p.path("tool").asText(), p.path("out").asLong(), p.path("run_wall_s").asDouble(),
                p.path("run_cpu_s").asDouble(), String.format(Locale.ROOT, "throughput %.4f/min, model events %d", p.path("throughput_per_time")
                        .asDouble(), p.path("model_events").asLong()));
        Scenario s = Scenarios.library("flowline5");
        RunOptions o = RunOptions.defaults().withSeed(seed).withHorizonMillis(horizon * 60_000L);
        Side mine = timePlantwin(runtime, s, o, "parts");
        return new Comparison("flowline5", "parts", peer, mine);
    }

    /**
     * mm1 with {@code --customers} arrivals for the peer (default 900,000) and the matching horizon for plantwin
     * (customers / 0.9 per minute). plantwin counts customers after its 10,000-minute warm-up only, which makes its
     * rate about 1 % conservative.
     */
    Comparison mm1(SimulationRuntime runtime) throws IOException, InterruptedException {
        long customers = longOpt("customers", 900_000);
        long seed = longOpt("seed", 42);
        JsonNode p = runPeer(peer("simpy2_mm1.py"), Long.toString(customers), Long.toString(seed));
        Side peer = new Side(p.path("tool").asText(), p.path("customers").asLong(), p.path("run_wall_s").asDouble(),
                p.path("run_cpu_s").asDouble(), "mean wait " + p.path("mean_wait").asText() + " min (theory 9.0)");
        Scenario s = Scenarios.library("mm1");
        long horizonMinutes = Math.round(customers / 0.9);
        RunOptions o = RunOptions.defaults().withSeed(seed).withHorizonMillis(horizonMinutes * 60_000L);
        Side mine = timePlantwin(runtime, s, o, "customers");
        return new Comparison("mm1", "customers", peer, mine);
    }

    private Side timePlantwin(SimulationRuntime runtime, Scenario s, RunOptions o, String unit) {
        int warmups = (int) longOpt("warmups", 5);
        int runs = (int) longOpt("runs", 5);
        for (int i = 0; i < warmups; i++) {
            runtime.run(s, o);
        }
        double[] wall = new double[runs];
        RunResult last = null;
        // The JVM's process CPU clock ticks in 10 ms steps here: take the mean over all timed runs, not a median.
        long cpu0 = processCpuNanos();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            last = runtime.run(s, o);
            wall[i] = (System.nanoTime() - t0) / 1e9;
        }
        double cpuMean = (processCpuNanos() - cpu0) / 1e9 / runs;
        double[] sorted = wall.clone();
        Arrays.sort(sorted);
        String detail = String.format(Locale.ROOT, "throughput %.4f/min, kernel events %d, windows %d, "
                        + "median of %d runs after %d warm-ups (min %.3f s, max %.3f s)",
                last.plant().throughputPerHour() / 60.0, last.kernel().events(), last.kernel().windows(), runs,
                warmups, sorted[0], sorted[runs - 1]);
        if (!last.stations().isEmpty() && unit.equals("customers")) {
            detail += String.format(Locale.ROOT, ", mean wait %.3f min", last.stations().get(0).waitMeanMinutes());
        }
        return new Side("plantwin", last.plant().partsOut(), median(wall), cpuMean, detail);
    }

    private static double median(double[] xs) {
        double[] sorted = xs.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * CPU time of the whole JVM (lane thread plus JIT compiler and GC threads), so plantwin's CPU figure is
     * conservative.
     */
    private static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }

    private JsonNode runPeer(Path script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(opts.getOrDefault("python", "/usr/bin/python3"));
        cmd.add("-c");
        cmd.add(PEER_WRAPPER);
        cmd.add(script.toString());
        cmd.addAll(List.of(args));
        System.out.println("running " + cmd.get(0) + " " + script + " " + String.join(" ", args));
        Process proc = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out;
        try (InputStream in = proc.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int rc = proc.waitFor();
        List<String> lines = out.lines().filter(l -> l.startsWith("{")).toList();
        if (rc != 0 || lines.size() != 2) {
            throw new IllegalStateException("The peer (" + script + " " + String.join(" ", args) + ") exited with "
                    + rc + " and printed (" + out.strip() + "). Maybe: apt-get install -y python3-simpy.");
        }
        ObjectNode result = (ObjectNode) json.readTree(lines.get(0));
        result.set("run_cpu_s", json.readTree(lines.get(1)).get("run_cpu_s"));
        return result;
    }

    private static void print(Comparison c) {
        System.out.println();
        System.out.println(c.model());
        System.out.printf(Locale.ROOT, "  %-12s %10s %8s %12s %8s %12s%n", "tool", c.unit(), "wall s",
                c.unit() + "/s", "cpu s", c.unit() + "/cpu-s");
        for (Side s : List.of(c.peer(), c.plantwin())) {
            System.out.printf(Locale.ROOT, "  %-12s %10d %8.3f %12.0f %8.3f %12.0f   %s%n", s.tool(), s.units(),
                    s.wallSeconds(), s.unitsPerSecond(), s.cpuSeconds(), s.unitsPerCpuSecond(), s.detail());
        }
        System.out.printf(Locale.ROOT, "  ratio plantwin/simpy %s/s: %.1fx by wall time, %.1fx by CPU time%n",
                c.unit(), c.ratio(), c.cpuRatio());
    }
}
