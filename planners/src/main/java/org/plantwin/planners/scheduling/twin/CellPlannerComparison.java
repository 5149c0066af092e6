package org.plantwin.planners.scheduling.twin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import org.plantwin.planners.twin.PairedKpis;
import org.plantwin.planners.twin.PairedKpis.Paired;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.api.SimulationRuntime;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.library.ScenarioLibrary;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.TimeSpan;

/**
 * The {@link CellPlanner} against FIFO and setupAware in the finishing cell PK of {@code supply-chain-cell}:
 * replications with common random numbers (replication k uses the same streams under every policy) and paired
 * differences (planner minus rule) per KPI with Student-t 95 % confidence intervals.
 *
 * <pre>
 * java -cp ... org.plantwin.planners.scheduling.twin.CellPlannerComparison [--replications 30] [--horizon 90d]
 *      [--lanes 2] [--gantt FILE.html] [--gantt-day 30]
 * </pre>
 *
 * <p>"Daily backlog clearing" is this comparison's makespan of the daily plan: at each midnight after warm-up, the
 * parts waiting at PK (arrived: end of their line operation plus the transfer time, not yet started at PK) form
 * the day's plan; its makespan is the time from midnight until the last of them has finished at PK. Days whose
 * backlog is still unfinished at the end of the run are left out; an empty backlog counts 0.
 */
public final class CellPlannerComparison {

    /** KPI names, in table order; the values come from {@link #kpis}. */
    public static final List<String> KPIS = List.of("on-time delivery", "lead time mean (h)", "order fill rate",
            "WIP mean (parts)", "PK wait mean (min)", "PK setups", "daily backlog clearing (h)",
            "daily backlog (parts)");

    /** The cell's resource id in the scenario. */
    public static final String CELL = "PK";

    private static final long DAY = 86_400_000L;

    /** Per policy, per replication, the KPIs in {@link #KPIS} order; decisions and recomputes of the planner. */
    public record Outcome(String scenario, Map<String, double[][]> values, int replications, long horizonMillis,
                          long plannerDecisions, long plannerRecomputes) {
    }

    private CellPlannerComparison() {
    }

    public static void main(String[] args) {
        int replications = 30;
        String horizon = "90d";
        int lanes = Math.max(1, Runtime.getRuntime().availableProcessors());
        Path gantt = null;
        int ganttDay = 30;
        CellPlanner.Options options = CellPlanner.Options.defaults();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--replications" -> replications = Integer.parseInt(args[++i]);
                case "--horizon" -> horizon = args[++i];
                case "--lanes" -> lanes = Integer.parseInt(args[++i]);
                case "--gantt" -> gantt = Path.of(args[++i]);
                case "--gantt-day" -> ganttDay = Integer.parseInt(args[++i]);
                case "--weights" -> {
                    String[] w = args[++i].split(",");
                    options = options.withWeights(Double.parseDouble(w[0]), Double.parseDouble(w[1]),
                            Double.parseDouble(w[2]), Double.parseDouble(w[3]));
                }
                case "--evaluations" -> {
                    String[] e = args[++i].split(",");
                    options = options.withEvaluations(Integer.parseInt(e[0]), Integer.parseInt(e[1]));
                }
                default -> throw new IllegalArgumentException("Unknown argument (" + args[i] + "). Maybe "
                        + "--replications N, --horizon 90d, --lanes N, --gantt FILE.html, --gantt-day D, "
                        + "--weights tardiness,flow,setup,makespan or --evaluations improve,repair.");
            }
        }
        Scenario scenario = Scenarios.library("supply-chain-cell");
        long horizonMillis = TimeSpan.parse(horizon).toMillis();
        try (SimulationRuntime runtime = SimulationRuntime.create(lanes)) {
            if (gantt != null) {
                writeGantt(runtime, scenario, options, ganttDay, gantt);
                System.out.println("Gantt of day " + ganttDay + " (replication 0): " + gantt.toAbsolutePath());
            }
            if (replications > 0) {
                Outcome outcome = run(runtime, scenario, options, replications, horizonMillis);
                System.out.print(format(outcome));
            }
        }
    }

    /** The scenario with the built-in setupAware discipline in the cell. */
    public static Scenario setupAware() {
        String yaml = ScenarioLibrary.text("supply-chain-cell");
        String line = "  - {id: PK, machines: [PK-1, PK-2]}\n";
        String changed = yaml.replace(line, "  - {id: PK, machines: [PK-1, PK-2], queue: setupAware}\n");
        if (changed.equals(yaml)) {
            throw new IllegalStateException("The supply-chain-cell scenario no longer has the machine group line ("
                    + line.strip() + ") to change.");
        }
        return Scenarios.parse(changed, "supply-chain-cell with setupAware in PK");
    }

    /** Runs the planner, FIFO and setupAware on replications 0..n-1 (in parallel on the lanes). */
    public static Outcome run(SimulationRuntime runtime, Scenario scenario, CellPlanner.Options options,
                             int replications, long horizonMillis) {
        Scenario aware = setupAware();
        Map<String, List<CompletableFuture<double[]>>> futures = new LinkedHashMap<>();
        List<CellPlanner> planners = new ArrayList<>();
        for (int k = 0; k < replications; k++) {
            RunOptions base = RunOptions.defaults().withReplication(k).withHorizonMillis(horizonMillis)
                    .withOperationTrace(Integer.MAX_VALUE);
            CellPlanner planner = CellPlanner.create(scenario, CELL, options);
            planners.add(planner);
            futures.computeIfAbsent("planner", x -> new ArrayList<>()).add(runtime.start(scenario,
                    base.withSchedulingPolicy(CELL, planner)).toCompletableFuture()
                    .thenApply(r -> kpis(r, scenario, horizonMillis)));
            futures.computeIfAbsent("fifo", x -> new ArrayList<>()).add(runtime.start(scenario, base)
                    .toCompletableFuture().thenApply(r -> kpis(r, scenario, horizonMillis)));
            futures.computeIfAbsent("setupAware", x -> new ArrayList<>()).add(runtime.start(aware, base)
                    .toCompletableFuture().thenApply(r -> kpis(r, aware, horizonMillis)));
        }
        Map<String, double[][]> values = new LinkedHashMap<>();
        for (Map.Entry<String, List<CompletableFuture<double[]>>> e : futures.entrySet()) {
            double[][] v = new double[replications][];
            for (int k = 0; k < replications; k++) {
                v[k] = e.getValue().get(k).join();
            }
            values.put(e.getKey(), v);
        }
        long decisions = planners.stream().mapToLong(p -> p.stats().decisions()).sum();
        long recomputes = planners.stream().mapToLong(p -> p.stats().recomputes()).sum();
        return new Outcome(scenario.name(), values, replications, horizonMillis, decisions, recomputes);
    }

    /** The KPIs of one run, in {@link #KPIS} order (the run must trace operations). */
    public static double[] kpis(RunResult r, Scenario scenario, long horizonMillis) {
        RunResult.SupplyChainKpis sc = r.supplyChain();
        RunResult.StationKpis pk = r.stations().stream().filter(s -> s.line().equals(CELL)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The run has no station of (" + CELL + ")."));
        long setups = r.machines().stream().filter(m -> m.line().equals(CELL))
                .mapToLong(RunResult.MachineKpis::setups).sum();
        double[] daily = dailyBacklog(r.operations(), scenario.transferTime().toMillis() / 60_000.0,
                scenario.warmup().toMillis(), horizonMillis);
        return new double[] {sc.onTimeDelivery(), sc.leadTimeMeanHours(), sc.orderFillRate(), r.plant().wipMean(),
                pk.waitMeanMinutes(), setups, daily[0], daily[1]};
    }

    /**
     * Mean over days after warm-up of {clearing time in hours, backlog size} of the parts waiting at the cell at
     * midnight (see the class comment).
     */
    public static double[] dailyBacklog(List<RunResult.Operation> ops, double transferMinutes, long warmupMillis,
                                        long horizonMillis) {
        // partId -> {arrival at the cell, start there, end there, 1 if scrapped before}
        Map<Long, double[]> parts = new HashMap<>();
        for (RunResult.Operation o : ops) {
            double[] p = parts.computeIfAbsent(o.partId(), x -> new double[] {Double.NaN, Double.NaN, Double.NaN, 0});
            if (o.resource().equals(CELL)) {
                p[1] = o.startMinutes();
                p[2] = o.endMinutes();
            } else if (o.scrapped()) {
                p[3] = 1;
            } else {
                double arrival = o.endMinutes() + transferMinutes;
                p[0] = Double.isNaN(p[0]) ? arrival : Math.max(p[0], arrival);
            }
        }
        double sumHours = 0;
        double sumParts = 0;
        int days = 0;
        long firstDay = (warmupMillis + DAY - 1) / DAY;
        long lastDay = horizonMillis / DAY;
        for (long d = firstDay; d < lastDay; d++) {
            double t = d * 1440.0;
            double last = t;
            int count = 0;
            boolean unfinished = false;
            for (double[] p : parts.values()) {
                if (p[3] > 0 || Double.isNaN(p[0]) || p[0] > t) {
                    continue;
                }
                if (Double.isNaN(p[1])) {
                    unfinished = true;
                    break;
                }
                if (p[1] > t) {
                    count++;
                    last = Math.max(last, p[2]);
                }
            }
            if (unfinished) {
                continue;
            }
            sumHours += (last - t) / 60;
            sumParts += count;
            days++;
        }
        return days == 0 ? new double[] {Double.NaN, Double.NaN} : new double[] {sumHours / days, sumParts / days};
    }

    /** Paired differences a minus b for every KPI, with 95 % t intervals. */
    public static List<Paired> paired(Outcome o, String a, String b) {
        return PairedKpis.of(o.values().get(a), o.values().get(b), KPIS);
    }

    /** The comparison tables as Markdown. */
    public static String format(Outcome o) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s, %d replications (common random numbers), horizon %.0f d; "
                        + "planner: %d decisions, %d full recomputes%n", o.scenario(), o.replications(),
                o.horizonMillis() / (double) DAY, o.plannerDecisions(), o.plannerRecomputes()));
        for (String base : List.of("fifo", "setupAware")) {
            sb.append(String.format(Locale.ROOT, "%n| KPI | planner | %s | difference | 95%% CI | relative |%n",
                    base));
            sb.append("|---|---|---|---|---|---|\n");
            for (Paired p : paired(o, "planner", base)) {
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

    /**
     * Runs replication 0 with the planner up to the end of {@code day} and writes the Gantt chart of that day: the
     * plan made at the decision with the longest queue that day against every operation executed in the cell.
     */
    public static void writeGantt(SimulationRuntime runtime, Scenario scenario, CellPlanner.Options options, int day,
                                  Path file) {
        long from = day * DAY;
        long to = from + DAY;
        CellPlanner planner = CellPlanner.create(scenario, CELL, options).recordPlans(from, to, 5_000);
        RunResult r = runtime.start(scenario, RunOptions.defaults().withHorizonMillis(to + DAY)
                .withOperationTrace(Integer.MAX_VALUE).withSchedulingPolicy(CELL, planner))
                .toCompletableFuture().join();
        List<CellPlanner.PlanSnapshot> plans = planner.recordedPlans();
        // The plan made with the longest queue of the day (the first such): the one with most to compare.
        CellPlanner.PlanSnapshot shown = null;
        for (CellPlanner.PlanSnapshot p : plans) {
            if (shown == null || p.operations().size() > shown.operations().size()) {
                shown = p;
            }
        }
        List<CellPlanner.PlannedOperation> planned = shown == null ? List.of() : shown.operations();
        List<RunResult.Operation> executed = r.operations().stream().filter(o -> o.resource().equals(CELL))
                .filter(o -> o.endMinutes() * 60_000 > from && o.startMinutes() * 60_000 < to).toList();
        String title = String.format(Locale.ROOT, "%s, cell %s, day %d: the plan made at %s (the longest queue of the "
                        + "day; %d decisions that day) vs executed",
                scenario.name(), CELL, day, shown == null ? "-" : GanttReport.clock(shown.nowMillis()),
                plans.size());
        try {
            Files.writeString(file, GanttReport.html(title, from, to, planned, executed));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the Gantt chart (" + file + ").", e);
        }
    }
}
