package org.plantwin.learning.maintenance;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.plantwin.actors.api.MaintenancePolicy;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.api.SimulationRuntime;
import org.plantwin.learning.eval.TInterval;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Scenario;

/**
 * Run-to-failure, fixed-interval and predictive maintenance on a wearing plant (library scenario
 * {@code maintenance}): the RUL network is trained on run-to-failure lives the twin generates
 * ({@link TwinLives}, replications {@code 1000..} so that no evaluated run is seen in training), then every arm runs
 * replications {@code 0..n-1} with common random numbers; means with 95 % t intervals, and paired differences
 * against run-to-failure.
 *
 * <pre>
 * java -cp ... org.plantwin.learning.maintenance.MaintenanceComparison replications=30
 * </pre>
 * Options ({@code key=value}): {@code scenario} (a scenario file or a library name, default maintenance),
 * {@code replications} (30), {@code train} (10 replications of lives), {@code stride} (10 cycles a step),
 * {@code interval} (60 h), {@code threshold} (10 h), {@code epochs} (30), {@code seed} (42), {@code lanes} (2; the
 * RUL arm runs on one lane).
 */
public final class MaintenanceComparison {

    /** Settings of a comparison. */
    public record Settings(int replications, int trainReplications, int stride, double intervalHours,
                           double thresholdHours, int epochs, long seed, int lanes) {

        public static Settings defaults() {
            return new Settings(30, 10, 10, 60, 10, 30, 42, 2);
        }
    }

    /** The runs of each arm, by arm name, in replication order. */
    public record Outcome(Map<String, List<RunResult>> runs, int trainingUnits, double validationRmseSteps) {
    }

    static final String RUN_TO_FAILURE = "runToFailure";
    static final String FIXED = "fixedInterval";
    static final String TREND = "predictive (trend)";
    static final String RUL = "predictive (RUL LSTM)";

    private MaintenanceComparison() {
    }

    public static void main(String[] args) {
        Map<String, String> o = org.plantwin.learning.eval.KeyValueArgs.parse(args);
        Settings d = Settings.defaults();
        Settings s = new Settings(Integer.parseInt(o.getOrDefault("replications", "" + d.replications())),
                Integer.parseInt(o.getOrDefault("train", "" + d.trainReplications())),
                Integer.parseInt(o.getOrDefault("stride", "" + d.stride())),
                Double.parseDouble(o.getOrDefault("interval", "" + d.intervalHours())),
                Double.parseDouble(o.getOrDefault("threshold", "" + d.thresholdHours())),
                Integer.parseInt(o.getOrDefault("epochs", "" + d.epochs())),
                Long.parseLong(o.getOrDefault("seed", "" + d.seed())),
                Integer.parseInt(o.getOrDefault("lanes", "" + d.lanes())));
        run(Scenarios.resolve(o.getOrDefault("scenario", "maintenance")), s, System.out);
    }

    /** Trains the RUL model, runs every arm and prints the tables to {@code out}. */
    public static Outcome run(Scenario scenario, Settings s, PrintStream out) {
        if (s.replications() < 2) {
            throw new IllegalArgumentException("The replications (" + s.replications() + ") must be >= 2.");
        }
        long t0 = System.nanoTime(); // wall time, reported only; no run logic reads it
        List<EngineUnit> lives = TwinLives.collect(scenario, 1000, s.trainReplications(), s.stride(), s.lanes());
        RulConfig config = new RulConfig("lstm", s.seed(), s.epochs(), 256, 1e-3f, 5, 0.1, 20, 60, 1);
        List<String> machines = TwinLives.machines(scenario);
        Map<String, List<RunResult>> runs = new LinkedHashMap<>();
        double valRmse;
        try (RulModel model = RulModel.train(lives, config, null)) {
            valRmse = model.descriptor().metrics().getOrDefault("validationRmse", Double.NaN);
            double trainSeconds = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "RUL LSTM trained on %d run-to-failure lives of the twin (replications 1000..%d,"
                    + " a step = %d parts): validation RMSE %.1f steps, %.0f s%n", lives.size(),
                    999 + s.trainReplications(), s.stride(), valRmse, trainSeconds);
            int n = s.replications();
            runs.put(RUN_TO_FAILURE, arm(scenario, n, s.lanes(), machines, m -> MaintenancePolicy.runToFailure()));
            runs.put(FIXED, arm(scenario, n, s.lanes(), machines,
                    m -> MaintenancePolicy.fixedInterval(s.intervalHours())));
            runs.put(TREND, arm(scenario, n, s.lanes(), machines,
                    m -> MaintenancePolicy.trendPredictive(s.thresholdHours(), 20)));
            // One lane: the instances of all runs share the model.
            runs.put(RUL, arm(scenario, n, 1, machines,
                    m -> new RulMaintenancePolicy(model, s.stride(), s.thresholdHours())));
        }
        print(scenario, s, runs, (System.nanoTime() - t0) / 1e9, out);
        return new Outcome(runs, lives.size(), valRmse);
    }

    /**
     * Replications {@code 0..replications-1} of {@code scenario} on {@code lanes}, each machine of {@code machines}
     * with a fresh {@code policy.apply(machine)} (called replication by replication, machine by machine).
     */
    static List<RunResult> arm(Scenario scenario, int replications, int lanes, List<String> machines,
                               Function<String, MaintenancePolicy> policy) {
        List<RunResult> results = new ArrayList<>();
        try (SimulationRuntime runtime = SimulationRuntime.create(lanes)) {
            List<CompletableFuture<RunResult>> futures = new ArrayList<>();
            for (int k = 0; k < replications; k++) {
                RunOptions o = RunOptions.defaults().withReplication(k);
                for (String m : machines) {
                    o = o.withMaintenancePolicy(m, policy.apply(m));
                }
                futures.add(runtime.start(scenario, o).toCompletableFuture());
            }
            futures.forEach(f -> results.add(f.join()));
        }
        return results;
    }

    record Kpi(String name, boolean higherIsBetter, boolean percent, ToDoubleFunction<RunResult> f) {
    }

    /** The maintenance KPIs of a run; the first three are the ones compared in pairs by {@link #print}. */
    static final List<Kpi> KPIS = List.of(
            new Kpi("availability", true, true, r -> r.maintenanceSummary().availability()),
            new Kpi("OEE", true, true, r -> r.maintenanceSummary().oee()),
            new Kpi("maintenance cost", false, false, r -> r.maintenanceSummary().cost()),
            new Kpi("wear failures", false, false, r -> r.maintenanceSummary().failures()),
            new Kpi("preventive", false, false, r -> r.maintenanceSummary().preventive()),
            new Kpi("throughput /h", true, false, r -> r.plant().throughputPerHour()));

    private static void print(Scenario scenario, Settings s, Map<String, List<RunResult>> runs, double seconds,
                              PrintStream out) {
        out.printf(Locale.ROOT, "%s: %d replications with common random numbers, horizon %s, interval %.0f h,"
                + " threshold %.0f h, %.0f s wall%n", scenario.name(), s.replications(), scenario.horizon().text(),
                s.intervalHours(), s.thresholdHours(), seconds);
        table(runs, out);
        paired(RUN_TO_FAILURE, runs, KPIS.subList(0, 3), out);
        paired(FIXED, runs, KPIS.subList(0, 3), out);
    }

    /** One row per arm: every KPI's mean and 95 % t interval over the arm's runs. */
    static void table(Map<String, List<RunResult>> runs, PrintStream out) {
        out.printf(Locale.ROOT, "%-22s", "policy (mean ± 95% CI)");
        KPIS.forEach(k -> out.printf(Locale.ROOT, " %22s", k.name()));
        out.println();
        runs.forEach((arm, rs) -> {
            out.printf(Locale.ROOT, "%-22s", arm);
            KPIS.forEach(k -> out.printf(Locale.ROOT, " %22s", text(k, TInterval.of(values(rs, k.f())))));
            out.println();
        });
    }

    /** Paired differences (run by run) of every later arm against {@code baseline} on {@code kpis}. */
    static void paired(String baseline, Map<String, List<RunResult>> runs, List<Kpi> kpis, PrintStream out) {
        out.printf(Locale.ROOT, "%nPaired differences against %s (95%% CI, verdict)%n", baseline);
        List<RunResult> base = runs.get(baseline);
        List<String> arms = new ArrayList<>(runs.keySet());
        runs.forEach((arm, rs) -> {
            if (arms.indexOf(arm) <= arms.indexOf(baseline)) {
                return;
            }
            out.printf(Locale.ROOT, "%-22s", arm);
            for (Kpi k : kpis) {
                double[] d = new double[rs.size()];
                for (int i = 0; i < d.length; i++) {
                    d[i] = k.f().applyAsDouble(rs.get(i)) - k.f().applyAsDouble(base.get(i));
                }
                TInterval ci = TInterval.of(d);
                out.printf(Locale.ROOT, " %-16s %22s %-13s", k.name(), text(k, ci), ci.verdict(k.higherIsBetter()));
            }
            out.println();
        });
    }

    static double[] values(List<RunResult> rs, ToDoubleFunction<RunResult> f) {
        return rs.stream().mapToDouble(f).toArray();
    }

    private static String text(Kpi k, TInterval ci) {
        return k.percent() ? String.format(Locale.ROOT, "%.2f%% ± %.2f", 100 * ci.mean(), 100 * ci.halfWidth())
                : String.format(Locale.ROOT, "%.1f ± %.1f", ci.mean(), ci.halfWidth());
    }
}
