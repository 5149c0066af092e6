package org.plantwin.twin.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.plantwin.scenarios.model.Scenario;

/**
 * What to run: a base scenario, its variants (none: the base alone), the KPIs to report, and how many
 * replications (a fixed number, or sequential until a {@link Precision} is met). {@code seed}, {@code horizon} and
 * {@code warmup} (texts such as {@code "30d"}), where given, override every variant's; {@code autoWarmup} detects the
 * warm-up with MSER-5 instead ({@link AutoWarmup}). Replication k of every variant
 * uses the streams of (seed, k): common random numbers, so variants are compared in pairs.
 *
 * <pre>{@code
 * Experiment e = Experiment.of("buffers", Scenarios.library("flowline5"))
 *         .withVariants(List.of(Variant.of("base"),
 *                 Variant.of("small", PathOverride.of("lines[id=line].stations[*].buffer", 1))))
 *         .withHorizon("2000m").withReplications(10);
 * ExperimentResult r = ExperimentRunner.run(e, Runtime.getRuntime().availableProcessors(), p -> { });
 * }</pre>
 */
public record Experiment(String name, Scenario base, List<Variant> variants, List<String> kpis, int replications,
                         Precision precision, Long seed, String horizon, String warmup, double confidence,
                         boolean compare, AutoWarmup autoWarmup) {

    public Experiment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(base, "base");
        if (warmup != null && autoWarmup != null) {
            throw new IllegalArgumentException("The warm-up is fixed (" + warmup + ") or detected (auto), not both.");
        }
        variants = variants.isEmpty() ? List.of(Variant.of("base")) : List.copyOf(variants);
        kpis = List.copyOf(kpis.isEmpty() ? Kpis.DEFAULTS : kpis);
        if (precision == null && replications < 2) {
            throw new IllegalArgumentException("The replications (" + replications + ") must be >= 2 for a "
                    + "confidence interval.");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("The confidence (" + confidence + ") must be in (0, 1).");
        }
        List<String> names = new ArrayList<>();
        for (Variant v : variants) {
            if (names.contains(v.name())) {
                throw new IllegalArgumentException("The variant name (" + v.name() + ") is used twice.");
            }
            names.add(v.name());
        }
    }

    /** The base alone, default KPIs, 10 replications, 95% intervals, variants compared with the first. */
    public static Experiment of(String name, Scenario base) {
        return new Experiment(name, base, List.of(), List.of(), 10, null, null, null, null, 0.95, true, null);
    }

    public Experiment withVariants(List<Variant> v) {
        return new Experiment(name, base, v, kpis, replications, precision, seed, horizon, warmup, confidence,
                compare, autoWarmup);
    }

    public Experiment withKpis(List<String> k) {
        return new Experiment(name, base, variants, k, replications, precision, seed, horizon, warmup, confidence,
                compare, autoWarmup);
    }

    public Experiment withReplications(int n) {
        return new Experiment(name, base, variants, kpis, n, null, seed, horizon, warmup, confidence, compare,
                autoWarmup);
    }

    public Experiment withPrecision(Precision p) {
        return new Experiment(name, base, variants, kpis, replications, p, seed, horizon, warmup, confidence,
                compare, autoWarmup);
    }

    public Experiment withSeed(Long s) {
        return new Experiment(name, base, variants, kpis, replications, precision, s, horizon, warmup, confidence,
                compare, autoWarmup);
    }

    public Experiment withHorizon(String h) {
        return new Experiment(name, base, variants, kpis, replications, precision, seed, h, warmup, confidence,
                compare, autoWarmup);
    }

    /**
     * A fixed warm-up for every variant ({@code "200m"}; null: each scenario's own), or {@code "auto"} for MSER-5
     * detection with the defaults of {@link AutoWarmup}.
     */
    public Experiment withWarmup(String w) {
        if (w != null && w.trim().equalsIgnoreCase("auto")) {
            return withAutoWarmup(autoWarmup != null ? autoWarmup : AutoWarmup.defaults());
        }
        return new Experiment(name, base, variants, kpis, replications, precision, seed, horizon, w, confidence,
                compare,
                null);
    }

    /** Detects the warm-up with MSER-5 before the replications (null: off). */
    public Experiment withAutoWarmup(AutoWarmup a) {
        return new Experiment(name, base, variants, kpis, replications, precision, seed, horizon,
                a == null ? warmup : null,
                confidence, compare, a);
    }

    public Experiment withConfidence(double c) {
        return new Experiment(name, base, variants, kpis, replications, precision, seed, horizon, warmup, c,
                compare, autoWarmup);
    }

    /** Whether to compare every variant with the first (off for sweeps, where a table of points is the answer). */
    public Experiment withCompare(boolean c) {
        return new Experiment(name, base, variants, kpis, replications, precision, seed, horizon, warmup,
                confidence, c, autoWarmup);
    }

    /** The KPIs reported plus the precision KPI, without repeats, in order. */
    public List<String> allKpis() {
        List<String> all = new ArrayList<>();
        kpis.forEach(k -> add(all, k));
        if (precision != null) {
            add(all, precision.kpi());
        }
        return all;
    }

    private static void add(List<String> list, String kpi) {
        String k = Kpis.normalise(kpi);
        if (!list.contains(k)) {
            list.add(k);
        }
    }
}
