package org.plantwin.planners.dispatch.twin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.plantwin.planners.twin.PairedKpis;
import org.plantwin.planners.twin.PairedKpis.Paired;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.plantwin.actors.api.DispatchPolicy;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.api.SimulationRuntime;
import org.plantwin.actors.entity.BuiltInDispatch;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.library.ScenarioLibrary;
import org.plantwin.scenarios.model.Fleet;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.TimeSpan;

/**
 * The {@link RoutingDispatcher} against the built-in rules (nearest, fcfs) in the {@code supply-chain} scenario:
 * replications with common random numbers (replication k uses the same streams under every policy) and paired
 * differences (dispatcher minus rule) per KPI with Student-t 95 % confidence intervals.
 *
 * <pre>
 * java -cp ... org.plantwin.planners.dispatch.twin.DispatcherComparison [--replications 30] [--horizon 90d]
 *      [--lanes 2] [--iterations 40] [--trucks N]
 * </pre>
 *
 * <p>{@code planners} may not depend on {@code twin}, so the paired statistics are computed here rather than with
 * the twin's experiment API; they follow the same definitions (mean of differences, t quantile with n-1 df).
 */
public final class DispatcherComparison {

    /** KPI names, in table order; the values come from {@link #kpis}. */
    public static final List<String> KPIS = List.of("km driven", "trips", "peak trucks in use", "trucks busy (mean)",
            "on-time delivery", "transport cost", "lead time mean (h)");

    /** Per policy, per replication, the KPIs in {@link #KPIS} order. */
    public record Outcome(String scenario, Map<String, double[][]> values, int replications, long horizonMillis) {
    }

    private DispatcherComparison() {
    }

    public static void main(String[] args) {
        int replications = 30;
        String horizon = "90d";
        int lanes = Math.max(1, Runtime.getRuntime().availableProcessors());
        long iterations = RoutingDispatcher.Options.defaults().iterations();
        Integer trucks = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--replications" -> replications = Integer.parseInt(args[++i]);
                case "--horizon" -> horizon = args[++i];
                case "--lanes" -> lanes = Integer.parseInt(args[++i]);
                case "--iterations" -> iterations = Long.parseLong(args[++i]);
                case "--trucks" -> trucks = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown argument (" + args[i]
                        + "). Maybe --replications N, --horizon 90d, --lanes N, --iterations N or --trucks N.");
            }
        }
        Scenario scenario = trucks == null ? Scenarios.library("supply-chain") : withTrucks(trucks);
        RoutingDispatcher.Options options = optionsFor(scenario, "trucks").withIterations(iterations);
        Outcome outcome;
        try (SimulationRuntime runtime = SimulationRuntime.create(lanes)) {
            outcome = run(runtime, scenario, "trucks", options, replications, TimeSpan.parse(horizon).toMillis());
        }
        System.out.print(format(outcome));
    }

    /** The supply-chain scenario with another number of trucks (to see how many the policies need). */
    static Scenario withTrucks(int trucks) {
        String yaml = ScenarioLibrary.text("supply-chain");
        String changed = yaml.replace("    trucks: 4\n", "    trucks: " + trucks + "\n");
        if (changed.equals(yaml)) {
            throw new IllegalStateException("The supply-chain scenario no longer has a fleet line (trucks: 4) to change.");
        }
        return Scenarios.parse(changed, "supply-chain with " + trucks + " trucks");
    }

    /** Default dispatcher options with the fleet's shift from the scenario (the view does not carry it). */
    public static RoutingDispatcher.Options optionsFor(Scenario scenario, String fleetId) {
        RoutingDispatcher.Options o = RoutingDispatcher.Options.defaults();
        for (Fleet f : scenario.fleets()) {
            if (f.id().equals(fleetId) && f.shift() != null) {
                o = o.withShift(f.shift().start().toMillis(), f.shift().end().toMillis());
            }
        }
        return o;
    }

    /** Runs every policy on replications 0..n-1 (in parallel on the runtime's lanes) and collects the KPIs. */
    public static Outcome run(SimulationRuntime runtime, Scenario scenario, String fleetId,
                              RoutingDispatcher.Options options, int replications, long horizonMillis) {
        Map<String, Supplier<DispatchPolicy>> policies = new LinkedHashMap<>();
        policies.put("dispatcher", () -> RoutingDispatcher.create(options));
        policies.put("nearest", () -> BuiltInDispatch.of(Fleet.DispatchRule.NEAREST, 0));
        policies.put("fcfs", () -> BuiltInDispatch.of(Fleet.DispatchRule.FCFS, 0));
        Map<String, List<CompletableFuture<double[]>>> futures = new LinkedHashMap<>();
        for (int k = 0; k < replications; k++) {
            for (Map.Entry<String, Supplier<DispatchPolicy>> p : policies.entrySet()) {
                PeakRecorder recorder = new PeakRecorder(p.getValue().get());
                RunOptions ro = RunOptions.defaults().withReplication(k).withHorizonMillis(horizonMillis)
                        .withDispatchPolicy(fleetId, recorder);
                CompletableFuture<double[]> f = runtime.start(scenario, ro).toCompletableFuture()
                        .thenApply(r -> kpis(r, fleetId, recorder.peak));
                futures.computeIfAbsent(p.getKey(), key -> new ArrayList<>()).add(f);
            }
        }
        Map<String, double[][]> values = new LinkedHashMap<>();
        for (Map.Entry<String, List<CompletableFuture<double[]>>> e : futures.entrySet()) {
            double[][] v = new double[replications][];
            for (int k = 0; k < replications; k++) {
                v[k] = e.getValue().get(k).join();
            }
            values.put(e.getKey(), v);
        }
        int trucks = scenario.fleets().stream().filter(f -> f.id().equals(fleetId)).mapToInt(Fleet::trucks).sum();
        return new Outcome(scenario.name() + " (" + trucks + " trucks)", values, replications, horizonMillis);
    }

    /** The KPIs of one run, in {@link #KPIS} order. */
    static double[] kpis(RunResult r, String fleetId, int peakTrucks) {
        RunResult.FleetKpis fleet = r.fleets().stream().filter(f -> f.id().equals(fleetId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The run has no fleet (" + fleetId + ")."));
        RunResult.SupplyChainKpis sc = r.supplyChain();
        return new double[] {fleet.km(), fleet.trips(), peakTrucks, fleet.utilisation() * fleet.trucks(),
                sc.onTimeDelivery(), fleet.cost(), sc.leadTimeMeanHours()};
    }

    /** Paired differences a minus b for every KPI, with 95 % t intervals. */
    public static List<Paired> paired(Outcome o, String a, String b) {
        return PairedKpis.of(o.values().get(a), o.values().get(b), KPIS);
    }

    /** The comparison tables as Markdown. */
    public static String format(Outcome o) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s, %d replications (common random numbers), horizon %.0f d%n",
                o.scenario(), o.replications(), o.horizonMillis() / 86_400_000.0));
        for (String base : List.of("nearest", "fcfs")) {
            sb.append(String.format(Locale.ROOT, "%n| KPI | dispatcher | %s | difference | 95%% CI | relative |%n",
                    base));
            sb.append("|---|---|---|---|---|---|\n");
            for (Paired p : paired(o, "dispatcher", base)) {
                sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | [%s, %s] | %s |%n", p.kpi(),
                        num(p.meanA()), num(p.meanB()), num(p.meanDiff()), num(p.low()), num(p.high()),
                        p.meanB() == 0 ? "-" : String.format(Locale.ROOT, "%+.1f%%", 100 * p.meanDiff() / p.meanB())));
            }
        }
        return sb.toString();
    }

    private static String num(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.4f", v);
    }

    /** Passes decisions through and records the most trucks away at once (counting the one being loaded). */
    static final class PeakRecorder implements DispatchPolicy {
        private final DispatchPolicy delegate;
        // Written on the run's lane only, read after the run's future completed.
        private int peak;

        PeakRecorder(DispatchPolicy delegate) {
            this.delegate = delegate;
        }

        @Override
        public Decision decide(View view) {
            Decision d = delegate.decide(view);
            if (!d.shipmentIds().isEmpty()) {
                peak = Math.max(peak, view.trucks() - view.freeTrucks() + 1);
            }
            return d;
        }
    }
}
