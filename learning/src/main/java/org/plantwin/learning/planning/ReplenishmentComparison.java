package org.plantwin.learning.planning;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToDoubleFunction;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.api.SimulationRuntime;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.TimeSpan;

/**
 * Forecast-driven replenishment against the scenario's own (s,S) policies in the library scenario
 * {@code supply-chain}: products A and B, {@code n} replications with common random numbers (replication
 * {@code k} of both arms uses {@code RunOptions.withReplication(k)}), paired differences with 95 % t intervals.
 *
 * <pre>
 * java -cp ... org.plantwin.learning.planning.ReplenishmentComparison replications=30 horizon=90d model=theta
 * </pre>
 * Options ({@code key=value}): {@code replications} (30), {@code horizon} (the scenario's, 90d), {@code model}
 * (theta), {@code service} (0.99), {@code protection} (1.5 periods), {@code retrain} (7 reviews), {@code lanes} (2).
 */
public final class ReplenishmentComparison {

    /** One KPI of one product: baseline and forecast-driven means and the paired difference with its CI. */
    public record Row(String product, String kpi, double baseline, double forecast, double diff, double halfWidth) {

        /** "better", "worse" or "no difference", where {@code higherIsBetter} says which way is good. */
        public String verdict(boolean higherIsBetter) {
            return new org.plantwin.learning.eval.TInterval(diff, halfWidth).verdict(higherIsBetter);
        }
    }

    private static final String[] PRODUCTS = {"A", "B"};

    private ReplenishmentComparison() {
    }

    public static void main(String[] args) {
        Map<String, String> o = org.plantwin.learning.eval.KeyValueArgs.parse(args);
        Scenario scenario = Scenarios.library("supply-chain");
        ForecastReplenishment.Settings d = ForecastReplenishment.Settings.daily();
        ForecastReplenishment.Settings settings = d
                .withModel(o.getOrDefault("model", d.model()))
                .withServiceLevel(Double.parseDouble(o.getOrDefault("service", "" + d.serviceLevel())))
                .withProtectionPeriods(Double.parseDouble(o.getOrDefault("protection", "" + d.protectionPeriods())))
                .withRetrainEvery(Integer.parseInt(o.getOrDefault("retrain", "" + d.retrainEvery())));
        Long horizon = o.containsKey("horizon") ? TimeSpan.parse(o.get("horizon")).toMillis() : null;
        int replications = Integer.parseInt(o.getOrDefault("replications", "30"));
        int lanes = Integer.parseInt(o.getOrDefault("lanes", "2"));
        run(scenario, settings, horizon, replications, lanes, System.out);
    }

    /** Runs both arms and prints the table to {@code out}; returns the rows. */
    public static List<Row> run(Scenario scenario, ForecastReplenishment.Settings settings, Long horizonMillis,
            int replications, int lanes, PrintStream out) {
        if (replications < 2) {
            throw new IllegalArgumentException("The replications (" + replications + ") must be >= 2.");
        }
        List<RunResult> baseline = new ArrayList<>();
        List<RunResult> forecast = new ArrayList<>();
        long t0 = System.nanoTime(); // wall time of the whole comparison, reported only; no run logic reads it
        try (SimulationRuntime runtime = SimulationRuntime.create(lanes)) {
            List<CompletableFuture<RunResult>> base = new ArrayList<>();
            List<CompletableFuture<RunResult>> fc = new ArrayList<>();
            for (int k = 0; k < replications; k++) {
                RunOptions common = RunOptions.defaults().withReplication(k);
                if (horizonMillis != null) {
                    common = common.withHorizonMillis(horizonMillis);
                }
                base.add(runtime.start(scenario, common).toCompletableFuture());
                RunOptions plugged = common;
                for (String p : PRODUCTS) {
                    // A fresh policy per run and product: it keeps the error record and the fitted model.
                    plugged = plugged.withReplenishmentPolicy("FG", p, ForecastReplenishment.create(settings));
                }
                fc.add(runtime.start(scenario, plugged).toCompletableFuture());
            }
            base.forEach(f -> baseline.add(f.join()));
            fc.forEach(f -> forecast.add(f.join()));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<Row> rows = new ArrayList<>();
        for (String p : PRODUCTS) {
            rows.add(row(p, "unit fill rate", baseline, forecast, p, RunResult.InventoryKpis::unitFillRate));
            rows.add(row(p, "order fill rate", baseline, forecast, p, RunResult.InventoryKpis::orderFillRate));
            rows.add(row(p, "on hand mean", baseline, forecast, p, RunResult.InventoryKpis::onHandMean));
            rows.add(row(p, "backorders mean", baseline, forecast, p, RunResult.InventoryKpis::backordersMean));
            rows.add(row(p, "holding+backorder cost", baseline, forecast, p,
                    i -> i.holdingCost() + i.backorderCost()));
        }
        out.printf(Locale.ROOT, "supply-chain, products A and B: scenario (s,S) vs %s; %d replications with common"
                + " random numbers, horizon %s, %.0f s wall%n", settings.label(), replications,
                horizonMillis == null ? scenario.horizon() : (horizonMillis / 86_400_000.0) + "d", seconds);
        out.printf(Locale.ROOT, "%-7s %-22s %12s %12s %22s %14s%n", "product", "KPI", "(s,S)", "forecast",
                "diff [95% CI]", "verdict");
        for (Row r : rows) {
            boolean higherIsBetter = r.kpi().contains("fill");
            out.printf(Locale.ROOT, "%-7s %-22s %12s %12s %22s %14s%n", r.product(), r.kpi(), fmt(r.kpi(), r.baseline()),
                    fmt(r.kpi(), r.forecast()), fmt(r.kpi(), r.diff()) + " ± " + fmt(r.kpi(), r.halfWidth()).trim(),
                    r.verdict(higherIsBetter));
        }
        return rows;
    }

    private static String fmt(String kpi, double v) {
        return kpi.contains("fill") ? String.format(Locale.ROOT, "%.2f%%", 100 * v)
                : String.format(Locale.ROOT, "%.2f", v);
    }

    private static Row row(String label, String kpi, List<RunResult> baseline, List<RunResult> forecast,
            String product, ToDoubleFunction<RunResult.InventoryKpis> f) {
        int n = baseline.size();
        double[] d = new double[n];
        double sb = 0;
        double sf = 0;
        for (int k = 0; k < n; k++) {
            double b = f.applyAsDouble(inventory(baseline.get(k), product));
            double x = f.applyAsDouble(inventory(forecast.get(k), product));
            sb += b;
            sf += x;
            d[k] = x - b;
        }
        org.plantwin.learning.eval.TInterval ci = org.plantwin.learning.eval.TInterval.of(d);
        return new Row(label, kpi, sb / n, sf / n, ci.mean(), ci.halfWidth());
    }

    private static RunResult.InventoryKpis inventory(RunResult r, String product) {
        for (RunResult.InventoryKpis i : r.inventory()) {
            if (i.warehouse().equals("FG") && i.product().equals(product)) {
                return i;
            }
        }
        throw new IllegalStateException("The run has no inventory of FG/" + product + ".");
    }
}
