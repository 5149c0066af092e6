package org.plantwin.learning.maintenance;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.plantwin.actors.api.MaintenancePolicy;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.api.SimulationRuntime;
import org.plantwin.learning.eval.KeyValueArgs;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Degradation;
import org.plantwin.scenarios.model.Machine;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.SensorFault;
import org.plantwin.scenarios.model.SensorFaultType;
import org.plantwin.scenarios.model.TimeSpan;

/**
 * The sensor autoencoder on twin runs with injected sensor faults: trained on the healthy windows of run-to-failure
 * lives of the library scenario {@code maintenance} (replications {@code 1000..}, no faults), then run as an
 * {@link AnomalyWatch} beside the scenario's fixed-interval policy on replications {@code 0..n-1} in which every
 * machine gets a drift (first sensor, day 5 + i), spikes (second sensor, day 12 + i) and a stuck first sensor
 * (day 19 + i), 12 hours each ({@code i} = the machine's index). A scored window is positive when a fault is active
 * at its end; windows ending within {@code W} cycles after a fault are left out. Precision and recall over windows,
 * and per fault the detection delay (hours from its start to the first alarm while it lasts).
 *
 * <pre>
 * java -cp ... org.plantwin.learning.maintenance.SensorFaultEvaluation replications=5
 * </pre>
 * Options: {@code replications} (5), {@code train} (3), {@code steps} (2000), {@code quantile} (0.995),
 * {@code every} (5 cycles), {@code window} (30), {@code seed} (42), {@code lanes} (1), {@code policies} (0: off; N:
 * also compare the trend-predictive policy with alarms ignored and alarm-guarded on N faulty replications).
 */
public final class SensorFaultEvaluation {

    /**
     * Settings of an evaluation; {@code policyReplications} > 0 adds the policy comparison on that many faulty
     * replications ({@link #comparePolicies}).
     */
    public record Settings(int replications, int trainReplications, int steps, double quantile, int every, int window,
                           long seed, int lanes, int policyReplications) {
        public Settings(int replications, int trainReplications, int steps, double quantile, int every, int window,
                long seed, int lanes) {
            this(replications, trainReplications, steps, quantile, every, window, seed, lanes, 0);
        }

        public static Settings defaults() {
            return new Settings(5, 3, 2000, 0.995, 5, 30, 42, 1, 0);
        }
    }

    /** Trend-predictive threshold and window of the policy comparison (as {@code MaintenanceComparison}'s). */
    static final double TREND_THRESHOLD_HOURS = 10;
    static final int TREND_WINDOW = 20;
    /** How long the guarded policy distrusts the sensors after an alarm: the injected faults' length. */
    static final double DISTRUST_HOURS = 12;

    /** Per fault type: windows scored while it was active, of them alarmed, faults, detected, mean delay (h). */
    public record FaultRow(String type, long windows, long alarmed, int faults, int detected, double meanDelayHours) {
    }

    /** The figures: window-level precision and recall, false alarms among normal windows, and per fault type. */
    public record Result(double precision, double recall, double falseAlarmRate, long normalWindows,
                         List<FaultRow> faults, double threshold, double flatThreshold) {
    }

    private static final long HOUR = 3_600_000L;
    private static final long FAULT_LENGTH = 12 * HOUR;

    private SensorFaultEvaluation() {
    }

    public static void main(String[] args) {
        Map<String, String> o = KeyValueArgs.parse(args);
        Settings d = Settings.defaults();
        Settings s = new Settings(Integer.parseInt(o.getOrDefault("replications", "" + d.replications())),
                Integer.parseInt(o.getOrDefault("train", "" + d.trainReplications())),
                Integer.parseInt(o.getOrDefault("steps", "" + d.steps())),
                Double.parseDouble(o.getOrDefault("quantile", "" + d.quantile())),
                Integer.parseInt(o.getOrDefault("every", "" + d.every())),
                Integer.parseInt(o.getOrDefault("window", "" + d.window())),
                Long.parseLong(o.getOrDefault("seed", "" + d.seed())),
                Integer.parseInt(o.getOrDefault("lanes", "" + d.lanes())),
                Integer.parseInt(o.getOrDefault("policies", "" + d.policyReplications())));
        run(Scenarios.library("maintenance"), s, System.out);
    }

    /** Trains, evaluates and prints to {@code out}. */
    public static Result run(Scenario scenario, Settings s, PrintStream out) {
        long t0 = System.nanoTime(); // wall time, reported only
        List<EngineUnit> lives = TwinLives.collect(scenario, 1000, s.trainReplications(), 1, s.lanes());
        Scenario faulty = withFaults(scenario);
        List<String> machines = TwinLives.machines(scenario);
        Map<String, List<SensorFault>> faultsOf = new LinkedHashMap<>();
        for (Machine m : faulty.machines()) {
            if (machines.contains(m.id())) {
                faultsOf.put(m.id(), m.degradation().sensors().stream().flatMap(x -> x.faults().stream()).toList());
            }
        }
        Map<String, long[]> byType = new LinkedHashMap<>(); // windows, alarmed, faults, detected
        Map<String, Double> delaySum = new LinkedHashMap<>();
        for (SensorFaultType t : SensorFaultType.values()) {
            byType.put(key(t), new long[4]);
            delaySum.put(key(t), 0.0);
        }
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long normal = 0;
        double threshold;
        double flatThreshold;
        try (SensorAutoencoder ae = SensorAutoencoder.train(lives, s.window(), s.seed(), s.steps(), 128,
                s.quantile(), 1)) {
            threshold = ae.descriptor().threshold();
            flatThreshold = ae.descriptor().flat();
            List<Map<String, AnomalyWatch>> watches = new ArrayList<>();
            // One lane: the watches of all runs share the model.
            try (SimulationRuntime runtime = SimulationRuntime.create(1)) {
                List<CompletableFuture<RunResult>> runs = new ArrayList<>();
                for (int k = 0; k < s.replications(); k++) {
                    RunOptions o = RunOptions.defaults().withReplication(k);
                    Map<String, AnomalyWatch> w = new LinkedHashMap<>();
                    for (String m : machines) {
                        AnomalyWatch watch = new AnomalyWatch(ae,
                                MaintenancePolicy.fixedInterval(intervalHours(faulty, m)),
                                s.every(), null);
                        w.put(m, watch);
                        o = o.withMaintenancePolicy(m, watch);
                    }
                    watches.add(w);
                    runs.add(runtime.start(faulty, o).toCompletableFuture());
                }
                runs.forEach(CompletableFuture::join);
            }
            for (Map<String, AnomalyWatch> w : watches) {
                for (var e : w.entrySet()) {
                    List<SensorFault> fs = faultsOf.get(e.getKey());
                    for (AnomalyWatch.Score sc : e.getValue().scores()) {
                        SensorFault active = fs.stream().filter(f -> f.activeAt(sc.nowMillis())).findFirst()
                                .orElse(null);
                        if (active == null) {
                            boolean tail = fs.stream().anyMatch(f -> sc.nowMillis() >= f.start().toMillis()
                                    + f.duration().toMillis() && sc.nowMillis() < f.start().toMillis()
                                    + f.duration().toMillis() + s.window() * 10 * 60_000L);
                            if (!tail) {
                                normal++;
                                fp += sc.alarm() ? 1 : 0;
                            }
                            continue;
                        }
                        long[] c = byType.get(key(active.type()));
                        c[0]++;
                        c[1] += sc.alarm() ? 1 : 0;
                        tp += sc.alarm() ? 1 : 0;
                        fn += sc.alarm() ? 0 : 1;
                    }
                    for (SensorFault f : fs) {
                        long[] c = byType.get(key(f.type()));
                        c[2]++;
                        AnomalyWatch.Score first = e.getValue().scores().stream()
                                .filter(sc -> sc.alarm() && f.activeAt(sc.nowMillis())).findFirst().orElse(null);
                        if (first != null) {
                            c[3]++;
                            delaySum.merge(key(f.type()),
                                    (first.nowMillis() - f.start().toMillis()) / (double) HOUR, Double::sum);
                        }
                    }
                }
            }
            if (s.policyReplications() > 0) {
                comparePolicies(faulty, machines, ae, s, out);
            }
        }
        List<FaultRow> rows = new ArrayList<>();
        byType.forEach((t, c) -> rows.add(new FaultRow(t, c[0], c[1], (int) c[2], (int) c[3],
                c[3] == 0 ? Double.NaN : delaySum.get(t) / c[3])));
        Result r = new Result(tp + fp == 0 ? 0 : (double) tp / (tp + fp), tp + fn == 0 ? 0 : (double) tp / (tp + fn),
                normal == 0 ? 0 : (double) fp / normal, normal, List.copyOf(rows), threshold,
                flatThreshold);
        print(r, s, lives.size(), (System.nanoTime() - t0) / 1e9, out);
        return r;
    }

    /**
     * The built-in trend-predictive policy on the faulty scenario, watched by the autoencoder in both arms: alarms
     * ignored, or guarded ({@link MaintenancePolicy#alarmGuarded}: within {@link #DISTRUST_HOURS} of an alarm the
     * machine's maintenance interval decides). Same replications (common random numbers); prints availability,
     * OEE, cost, wear failures and preventive maintenances per arm and the paired differences.
     */
    static Map<String, List<RunResult>> comparePolicies(Scenario faulty, List<String> machines, SensorAutoencoder ae,
            Settings s, PrintStream out) {
        Map<String, List<RunResult>> arms = new LinkedHashMap<>();
        // One lane: the watches of all runs share the model.
        arms.put(IGNORED, MaintenanceComparison.arm(faulty, s.policyReplications(), 1, machines,
                m -> new AnomalyWatch(ae, trend(), s.every(), null)));
        arms.put(GUARDED, MaintenanceComparison.arm(faulty, s.policyReplications(), 1, machines,
                m -> new AnomalyWatch(ae, MaintenancePolicy.alarmGuarded(trend(), intervalHours(faulty, m),
                        DISTRUST_HOURS), s.every(), null)));
        out.printf(Locale.ROOT, "%nPolicies on the faulty scenario, %d replications with common random numbers:%n",
                s.policyReplications());
        MaintenanceComparison.table(arms, out);
        MaintenanceComparison.paired(IGNORED, arms, MaintenanceComparison.KPIS, out);
        return arms;
    }

    /** The arms of {@link #comparePolicies}. */
    static final String IGNORED = "trend, alarms ignored";
    static final String GUARDED = "trend, alarm-guarded";

    private static MaintenancePolicy trend() {
        return MaintenancePolicy.trendPredictive(TREND_THRESHOLD_HOURS, TREND_WINDOW);
    }

    /** The maintenance interval (hours) the scenario gives {@code machine}. */
    private static double intervalHours(Scenario scenario, String machine) {
        return scenario.machines().stream().filter(x -> x.id().equals(machine)).findFirst().orElseThrow()
                .maintenance().interval().millis() / HOUR;
    }

    private static String key(SensorFaultType t) {
        return t.name().toLowerCase(Locale.ROOT);
    }

    private static void print(Result r, Settings s, int lives, double seconds, PrintStream out) {
        out.printf(Locale.ROOT, "Sensor autoencoder (window %d, threshold = %.3f quantile of healthy scores = %.5f,"
                + " flat sensor below %.5f), trained on %d twin lives; %d replications with injected faults, a window"
                + " scored every %d cycles; %.0f s%n", s.window(), s.quantile(), r.threshold(), r.flatThreshold(), lives,
                s.replications(), s.every(), seconds);
        out.printf(Locale.ROOT, "windows: precision %.3f, recall %.3f, false alarms %.2f%% of %d normal windows%n",
                r.precision(), r.recall(), 100 * r.falseAlarmRate(), r.normalWindows());
        out.printf(Locale.ROOT, "%-6s %8s %8s %7s %8s %9s %16s%n", "fault", "windows", "alarmed", "recall", "faults",
                "detected", "mean delay (h)");
        for (FaultRow f : r.faults()) {
            out.printf(Locale.ROOT, "%-6s %8d %8d %7.3f %8d %9d %16.2f%n", f.type(), f.windows(), f.alarmed(),
                    f.windows() == 0 ? 0 : (double) f.alarmed() / f.windows(), f.faults(), f.detected(),
                    f.meanDelayHours());
        }
    }

    /** {@code s} with the evaluation's faults on every recorded machine (i = its index among them). */
    static Scenario withFaults(Scenario s) {
        List<String> recorded = TwinLives.machines(s);
        List<Machine> machines = new ArrayList<>();
        for (Machine m : s.machines()) {
            int i = recorded.indexOf(m.id());
            if (i < 0) {
                machines.add(m);
                continue;
            }
            Degradation d = m.degradation();
            List<Degradation.Sensor> sensors = new ArrayList<>();
            for (int k = 0; k < d.sensors().size(); k++) {
                Degradation.Sensor x = d.sensors().get(k);
                double range = Math.abs(x.atFailure() - x.atNew());
                List<SensorFault> faults = new ArrayList<>(x.faults());
                if (k == 0) {
                    faults.add(fault(SensorFaultType.DRIFT, 5 + i, 0.05 * range, null));
                    faults.add(fault(SensorFaultType.STUCK, 19 + i, 0, null));
                }
                if (k == Math.min(1, d.sensors().size() - 1)) {
                    faults.add(fault(SensorFaultType.SPIKE, 12 + i, 0.3 * range, 0.2));
                }
                sensors.add(new Degradation.Sensor(x.id(), x.atNew(), x.atFailure(), x.noise(), faults));
            }
            machines.add(new Machine(m.id(), m.processTime(), m.processTimes(), m.failures(), m.setup(), m.scrap(),
                    new Degradation(d.wearPerHour(), d.wearCv(), d.rateCv(), d.hazardPerHour(), d.hazardShape(),
                            d.repair(), sensors, d.slowdownAtFailure(), d.scrapAtFailure()), m.maintenance()));
        }
        return new Scenario(s.name() + "+faults", s.description(), s.seed(), s.horizon(), s.warmup(),
                s.transferTime(), s.products(), machines, s.lines(), s.machineGroups(), s.sources(), s.sinks(),
                s.sites(), s.travel(), s.warehouses(), s.suppliers(), s.customers(), s.fleets());
    }

    private static SensorFault fault(SensorFaultType type, int day, double magnitude, Double rate) {
        return new SensorFault(type, TimeSpan.ofMillis(day * 24 * HOUR), TimeSpan.ofMillis(FAULT_LENGTH), magnitude,
                rate);
    }
}
