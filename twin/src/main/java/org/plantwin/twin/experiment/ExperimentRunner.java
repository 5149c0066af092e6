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
        List<Scenario> scenarios = prepare(e);
        List<String> kpis = e.allKpis();
        int nv = scenarios.size();
        List<Map<String, List<Double>>> values = new ArrayList<>();
        for (int v = 0; v < nv; v++) {
            Map<String, List<Double>> m = new LinkedHashMap<>();
            kpis.forEach(k -> m.put(k, new ArrayList<>()));
            values.add(m);
        }
        Precision p = e.precision();
        int done = 0;
        int target = p == null ? e.replications() : p.batchSize();
        Boolean reached = null;
        AtomicInteger completed = new AtomicInteger();
        while (true) {
            int planned = target * nv;
            List<CompletableFuture<RunResult>> batch = new ArrayList<>();
            for (int v = 0; v < nv; v++) {
                String variant = e.variants().get(v).name();
                for (int k = done; k < target; k++) {
                    int rep = k;
                    CompletableFuture<RunResult> f = runtime.start(scenarios.get(v),
                            RunOptions.defaults().withReplication(k)).toCompletableFuture();
                    if (listener != null) {
                        f = f.whenComplete((r, err) -> {
                            if (err == null) {
                                listener.accept(new ExperimentProgress(completed.incrementAndGet(), planned, variant, rep));
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
        return result(e, scenarios, kpis, values, done, reached);
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
                                           List<Map<String, List<Double>>> values, int replications, Boolean reached) {
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
        return new ExperimentResult(e.name(), first.name(), first.seed(), e.confidence(), kpis, replications, reached,
                List.copyOf(variants), List.copyOf(comparisons));
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
