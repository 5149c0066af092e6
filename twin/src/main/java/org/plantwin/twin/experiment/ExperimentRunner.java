package org.plantwin.twin.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.api.SimulationRuntime;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.TimeSpan;

/**
 * Runs an {@link Experiment}: every variant's replications in parallel on the lanes of a
 * {@link SimulationRuntime}, collected in (variant, replication) order, so the numbers do not depend on the number
 * of lanes or on which run finishes first.
 */
public final class ExperimentRunner {

    private ExperimentRunner() {
    }

    /** Runs on a new runtime with {@code lanes} lanes (one per core is a good choice) and closes it. */
    public static ExperimentResult run(Experiment e, int lanes, Consumer<ExperimentProgress> listener) {
        try (SimulationRuntime runtime = SimulationRuntime.create(lanes)) {
            return run(e, runtime, listener);
        }
    }

    /**
     * Runs on {@code runtime}. {@code listener} (may be null) hears of each finished run, on an actor thread:
     * keep it short and thread-safe.
     *
     * @throws org.plantwin.scenarios.api.ScenarioException a variant is invalid (before anything runs)
     * @throws UnknownKpiException a KPI name is unknown (before anything runs)
     */
    public static ExperimentResult run(Experiment e, SimulationRuntime runtime, Consumer<ExperimentProgress> listener) {
        return run(e, RunExecutor.local(runtime), listener);
    }

    /**
     * Runs on {@code executor} (local lanes or a cluster's workers); results are gathered in (variant, replication)
     * order, so they do not depend on where or in which order the runs finish. {@code listener} as above.
     */
    public static ExperimentResult run(Experiment e, RunExecutor runtime, Consumer<ExperimentProgress> listener) {
        List<Scenario> scenarios = prepare(e);
        List<String> kpis = e.allKpis();
        int nv = scenarios.size();
        Precision p = e.precision();
        int target = p == null ? e.replications() : p.batchSize();
        AtomicInteger completed = new AtomicInteger();
        WarmupDetection detection = null;
        int pilotRuns = 0;
        if (e.autoWarmup() != null) {
            pilotRuns = e.autoWarmup().pilotReplications() * nv;
            detection = detectWarmup(e, scenarios, runtime, listener, completed, pilotRuns + target * nv);
            // Rerun rather than truncate the pilots: most KPIs (waits, quantiles, states) are only kept after warm-up.
            scenarios = prepare(e.withAutoWarmup(null).withWarmup(detection.applied()));
        }
        List<Map<String, List<Double>>> values = new ArrayList<>();
        List<DetailCollector> details = new ArrayList<>();
        for (int v = 0; v < nv; v++) {
            Map<String, List<Double>> m = new LinkedHashMap<>();
            kpis.forEach(k -> m.put(k, new ArrayList<>()));
            values.add(m);
            details.add(new DetailCollector(e.variants().get(v).name(), seriesBatchMillis(scenarios.get(v), e)));
        }
        int done = 0;
        Boolean reached = null;
        while (true) {
            int planned = pilotRuns + target * nv;
            List<CompletableFuture<RunResult>> batch = new ArrayList<>();
            for (int v = 0; v < nv; v++) {
                String variant = e.variants().get(v).name();
                for (int k = done; k < target; k++) {
                    int rep = k;
                    RunOptions options = RunOptions.defaults().withReplication(k);
                    if (k == 0) {
                        // The report's series over time; batches only observe, they do not change the run.
                        options = options.withBatchMillis(details.get(v).batchMillis)
                                .withOperationTrace(VariantDetail.GANTT_OPERATIONS);
                    }
                    CompletableFuture<RunResult> f = runtime.start(scenarios.get(v), options).toCompletableFuture();
                    if (listener != null) {
                        f = f.whenComplete((r, err) -> {
                            if (err == null) {
                                listener.accept(new ExperimentProgress(completed.incrementAndGet(), planned, variant,
                                        rep));
                            }
                        });
                    }
                    batch.add(f);
                }
            }
            int i = 0;
            for (int v = 0; v < nv; v++) {
                for (int k = done; k < target; k++) {
                    RunResult r = join(batch.get(i++));
                    for (String kpi : kpis) {
                        values.get(v).get(kpi).add(Kpis.value(r, kpi));
                    }
                    details.get(v).add(r);
                }
            }
            done = target;
            if (p == null) {
                break;
            }
            reached = precise(values, p, e.confidence());
            if (reached || done >= p.maxReplications()) {
                break;
            }
            target = Math.min(done + p.batchSize(), p.maxReplications());
        }
        return result(e, scenarios, kpis, values, done, reached, detection,
                details.stream().map(DetailCollector::detail).toList());
    }

    /** Replication indices of warm-up pilots start here, so the pilots are independent of the replications. */
    static final int PILOT_REPLICATION_BASE = 1 << 20;

    /**
     * MSER-5 per variant on the pilot-averaged batch series of the warm-up KPI; the warm-up applied is the largest
     * over the variants.
     */
    private static WarmupDetection detectWarmup(Experiment e, List<Scenario> scenarios, RunExecutor runtime,
                                                Consumer<ExperimentProgress> listener, AtomicInteger completed,
                                                int planned) {
        AutoWarmup a = e.autoWarmup();
        int nv = scenarios.size();
        List<CompletableFuture<RunResult>> runs = new ArrayList<>();
        long[] batchMillis = new long[nv];
        for (int v = 0; v < nv; v++) {
            batchMillis[v] = Math.max(1, scenarios.get(v).horizon().toMillis() / a.batches());
            String variant = e.variants().get(v).name();
            for (int k = 0; k < a.pilotReplications(); k++) {
                int rep = PILOT_REPLICATION_BASE + k;
                CompletableFuture<RunResult> f = runtime.start(scenarios.get(v), RunOptions.defaults()
                        .withReplication(rep).withBatchMillis(batchMillis[v])).toCompletableFuture();
                if (listener != null) {
                    f = f.whenComplete((r, err) -> {
                        if (err == null) {
                            listener.accept(new ExperimentProgress(completed.incrementAndGet(), planned, variant, rep));
                        }
                    });
                }
                runs.add(f);
            }
        }
        List<WarmupDetection.VariantWarmup> found = new ArrayList<>();
        long appliedMillis = 0;
        int i = 0;
        for (int v = 0; v < nv; v++) {
            // Whole batches only: a shorter last batch would weigh like a full one.
            int n = (int) (scenarios.get(v).horizon().toMillis() / batchMillis[v]);
            double[] mean = new double[n];
            List<Integer> own = new ArrayList<>();
            for (int k = 0; k < a.pilotReplications(); k++) {
                List<RunResult.Batch> batches = join(runs.get(i++)).batches();
                double[] series = new double[n];
                for (int b = 0; b < n; b++) {
                    series[b] = a.value(batches.get(b));
                    mean[b] += series[b];
                }
                own.add(Mser.truncation(series));
            }
            List<Double> averaged = new ArrayList<>();
            for (int b = 0; b < n; b++) {
                mean[b] /= a.pilotReplications();
                averaged.add(mean[b]);
            }
            int d = Mser.truncation(mean);
            long warmupMillis = d * batchMillis[v];
            appliedMillis = Math.max(appliedMillis, warmupMillis);
            found.add(new WarmupDetection.VariantWarmup(e.variants().get(v).name(), batchMillis[v] / 60_000.0, d,
                    warmupMillis / 60_000.0, List.copyOf(own), d == n / 2, List.copyOf(averaged)));
        }
        return new WarmupDetection("MSER-5", a.kpi(), a.pilotReplications(), a.batches(), List.copyOf(found),
                appliedMillis / 60_000.0, TimeSpan.ofMillis(appliedMillis).text());
    }

    /** The batch length of the report's series: the warm-up detector's, else the horizon in 100 batches. */
    private static long seriesBatchMillis(Scenario s, Experiment e) {
        int batches = e.autoWarmup() != null ? e.autoWarmup().batches() : AutoWarmup.DEFAULT_BATCHES;
        return Math.max(1, s.horizon().toMillis() / batches);
    }

    /** Sums a variant's machine states and stock over its runs, in replication order; keeps replication 0's series. */
    private static final class DetailCollector {
        private final String variant;
        private final long batchMillis;
        private final Map<String, Map<String, Double>> states = new LinkedHashMap<>();
        private final Map<String, double[]> stock = new LinkedHashMap<>();
        private final Map<String, String[]> stockKeys = new LinkedHashMap<>();
        private List<RunResult.Batch> series = List.of();
        private List<RunResult.Operation> operations = List.of();
        private int runs;

        DetailCollector(String variant, long batchMillis) {
            this.variant = variant;
            this.batchMillis = batchMillis;
        }

        void add(RunResult r) {
            runs++;
            if (r.replication() == 0 && r.batches() != null) {
                series = List.copyOf(r.batches());
                // Each resource traced its first operations; the earliest overall are then all among them.
                operations = r.operations().stream()
                        .sorted(java.util.Comparator.comparingDouble(RunResult.Operation::startMinutes)
                                .thenComparing(RunResult.Operation::machine))
                        .limit(VariantDetail.GANTT_OPERATIONS).toList();
            }
            for (RunResult.MachineKpis m : r.machines()) {
                Map<String, Double> s = states.computeIfAbsent(m.id(), x -> new LinkedHashMap<>());
                m.stateFractions().forEach((state, f) -> s.merge(state, f, Double::sum));
            }
            if (r.inventory() != null) {
                for (RunResult.InventoryKpis inv : r.inventory()) {
                    String key = inv.warehouse() + "/" + inv.product();
                    stockKeys.putIfAbsent(key, new String[] {inv.warehouse(), inv.product()});
                    double[] acc = stock.computeIfAbsent(key,
                            x -> new double[] {0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
                    acc[0] += inv.onHandMean();
                    acc[1] = Math.min(acc[1], inv.onHandMin());
                    acc[2] = Math.max(acc[2], inv.onHandMax());
                }
            }
        }

        VariantDetail detail() {
            Map<String, Map<String, Double>> meanStates = new LinkedHashMap<>();
            states.forEach((machine, s) -> {
                Map<String, Double> m = new LinkedHashMap<>();
                s.forEach((state, sum) -> m.put(state, sum / runs));
                meanStates.put(machine, java.util.Collections.unmodifiableMap(m));
            });
            List<VariantDetail.InventoryRange> inventory = new ArrayList<>();
            stock.forEach((key, acc) -> inventory.add(new VariantDetail.InventoryRange(stockKeys.get(key)[0],
                    stockKeys.get(key)[1], acc[0] / runs, acc[1], acc[2])));
            return new VariantDetail(variant, java.util.Collections.unmodifiableMap(meanStates), List.copyOf(inventory),
                    batchMillis / 60_000.0, series, operations);
        }
    }

    /**
     * The variants' scenarios with the experiment-wide and the variant's overrides, validated, KPIs checked; call it
     * to reject a bad experiment before queueing it.
     *
     * @throws org.plantwin.scenarios.api.ScenarioException a variant is invalid
     * @throws UnknownKpiException a KPI name is unknown
     */
    public static List<Scenario> prepare(Experiment e) {
        List<PathOverride> common = new ArrayList<>();
        if (e.seed() != null) {
            common.add(PathOverride.of("seed", e.seed()));
        }
        if (e.horizon() != null) {
            common.add(PathOverride.of("horizon", e.horizon()));
        }
        if (e.warmup() != null) {
            common.add(PathOverride.of("warmup", e.warmup()));
        } else if (e.autoWarmup() != null) {
            // The pilots look at batches from time 0; the scenario's own warm-up plays no part (and may not fit).
            common.add(PathOverride.of("warmup", "0s"));
        }
        List<Scenario> out = new ArrayList<>();
        for (Variant v : e.variants()) {
            List<PathOverride> all = new ArrayList<>(common);
            all.addAll(v.overrides());
            Scenario s = Overrides.apply(v.scenario() != null ? v.scenario() : e.base(), all, "variant " + v.name());
            Kpis.check(e.allKpis(), s, "variant " + v.name());
            out.add(s);
        }
        return out;
    }

    private static boolean precise(List<Map<String, List<Double>>> values, Precision p, double confidence) {
        String kpi = Kpis.normalise(p.kpi());
        for (Map<String, List<Double>> m : values) {
            Summary s = Summary.of(toArray(m.get(kpi)), confidence);
            if (!(s.halfWidth() < p.relativeHalfWidth() * Math.abs(s.mean()))) {
                return false;
            }
        }
        return true;
    }

    private static ExperimentResult result(Experiment e, List<Scenario> scenarios, List<String> kpis,
                                           List<Map<String, List<Double>>> values, int replications, Boolean reached,
                                           WarmupDetection detection, List<VariantDetail> details) {
        List<VariantResult> variants = new ArrayList<>();
        for (int v = 0; v < scenarios.size(); v++) {
            Map<String, List<Double>> vals = new LinkedHashMap<>();
            Map<String, Summary> sums = new LinkedHashMap<>();
            for (String k : kpis) {
                List<Double> list = List.copyOf(values.get(v).get(k));
                vals.put(k, list);
                sums.put(k, Summary.of(toArray(list), e.confidence()));
            }
            Variant variant = e.variants().get(v);
            Map<String, String> overrides = new LinkedHashMap<>();
            variant.overrides().forEach(o -> overrides.put(o.path(), o.valueText()));
            variants.add(new VariantResult(variant.name(), java.util.Collections.unmodifiableMap(overrides),
                    java.util.Collections.unmodifiableMap(vals), java.util.Collections.unmodifiableMap(sums)));
        }
        List<Comparison> comparisons = new ArrayList<>();
        if (e.compare()) {
            VariantResult base = variants.get(0);
            for (VariantResult vr : variants.subList(1, variants.size())) {
                List<PairedDifference> diffs = new ArrayList<>();
                for (String k : kpis) {
                    diffs.add(PairedDifference.of(k, Kpis.direction(k), base.valuesOf(k), vr.valuesOf(k),
                            e.confidence()));
                }
                comparisons.add(new Comparison(vr.name(), base.name(), List.copyOf(diffs)));
            }
        }
        Scenario first = scenarios.get(0);
        List<ScenarioDistribution> distributions = distributions(e, variants, kpis);
        return new ExperimentResult(e.name(), first.name(), first.seed(), e.confidence(), kpis, replications, reached,
                List.copyOf(variants), List.copyOf(comparisons), detection, List.copyOf(details), distributions,
                groupComparisons(e, distributions));
    }

    /** Per group of variants (in order of first appearance), each KPI across the group's scenario means. */
    private static List<ScenarioDistribution> distributions(Experiment e, List<VariantResult> variants,
                                                            List<String> kpis) {
        Map<String, List<VariantResult>> groups = new LinkedHashMap<>();
        for (int v = 0; v < variants.size(); v++) {
            String g = e.variants().get(v).group();
            if (g != null) {
                groups.computeIfAbsent(g, x -> new ArrayList<>()).add(variants.get(v));
            }
        }
        List<ScenarioDistribution> out = new ArrayList<>();
        groups.forEach((g, members) -> {
            List<ScenarioDistribution.KpiDistribution> ds = new ArrayList<>();
            for (String k : kpis) {
                double[] means = members.stream().mapToDouble(m -> m.summary(k).mean()).toArray();
                ds.add(ScenarioDistribution.KpiDistribution.of(k, Kpis.direction(k), means, e.confidence()));
            }
            out.add(new ScenarioDistribution(g, members.size(), ds));
        });
        return List.copyOf(out);
    }

    /**
     * Every group against the one before it (parametric, then replayed, then generated), scenario i with scenario i
     * (they share the simulation seed).
     */
    private static List<Comparison> groupComparisons(Experiment e, List<ScenarioDistribution> groups) {
        List<Comparison> out = new ArrayList<>();
        for (int i = 1; i < groups.size(); i++) {
            ScenarioDistribution before = groups.get(i - 1);
            List<PairedDifference> diffs = new ArrayList<>();
            for (ScenarioDistribution.KpiDistribution d : groups.get(i).kpis()) {
                double[] base = toArray(before.kpi(d.kpi()).values());
                diffs.add(PairedDifference.of(d.kpi(), d.direction(), base, toArray(d.values()), e.confidence()));
            }
            out.add(new Comparison(groups.get(i).group(), before.group(), List.copyOf(diffs)));
        }
        return List.copyOf(out);
    }

    static double[] toArray(List<Double> list) {
        return list.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static RunResult join(CompletableFuture<RunResult> f) {
        try {
            return f.join();
        } catch (CompletionException ex) {
            if (ex.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw ex;
        }
    }
}
