package org.plantwin.twin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.plantwin.planners.scheduling.api.DispatchScheduler;
import org.plantwin.planners.scheduling.api.Schedule;
import org.plantwin.planners.scheduling.api.ScheduleValidator;
import org.plantwin.planners.scheduling.api.ScheduledOperation;
import org.plantwin.planners.scheduling.api.ShopInstance;
import org.plantwin.planners.scheduling.api.SolveResult;
import org.plantwin.planners.scheduling.api.TabuSearch;
import org.plantwin.planners.scheduling.api.TabuSearchOptions;

/**
 * {@code plantwin plan jssp|fjsp}: best dispatching rule, then tabu search, then {@link ScheduleValidator};
 * rendered as JSON or as a summary with the machine sequences.
 */
final class ShopPlanning {

    /** The bounds file beside an instance (columns instance, lower_bound, upper_bound). */
    static final String BOUNDS_CSV = "bounds.csv";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One solved instance.
     *
     * @param makespan       recomputed by the validator
     * @param startMakespan  of the best dispatching rule, where the search started
     * @param lowerBound     the proven lower bound from bounds.csv, null when unknown
     * @param bestKnown      the best known upper bound from bounds.csv, null when unknown
     * @param seconds        wall-clock time of dispatching plus search
     */
    record Plan(Path file, ShopInstance instance, boolean flexible, Schedule schedule, long makespan,
                long startMakespan, Long lowerBound, Long bestKnown, long iterations, long seed, double seconds) {
    }

    private ShopPlanning() {
    }

    static Plan solve(Path file, boolean flexible, PlanOptions options) {
        ShopInstance instance = PlanInputs.readShop(file, flexible);
        Optional<Map<String, String>> bounds = PlanInputs.boundsRow(file, BOUNDS_CSV);
        Long lowerBound = toLong(PlanInputs.number(bounds, "lower_bound", file, BOUNDS_CSV));
        Long bestKnown = toLong(PlanInputs.number(bounds, "upper_bound", file, BOUNDS_CSV));
        TabuSearchOptions.Builder search = TabuSearchOptions.builder().optSeed(options.seed)
                .optTimeLimit(options.timeLimit());
        Long iterations = options.iterationBudget();
        if (iterations != null) {
            search.optMaxIterations(iterations);
        }
        if (lowerBound != null) {
            search.optTargetMakespan(lowerBound); // a schedule at a proven lower bound is optimal: stop there
        }
        long start = System.nanoTime(); // wall clock at the process edge, only to report the time taken
        Schedule dispatch = DispatchScheduler.best(instance);
        SolveResult result = TabuSearch.solve(instance, dispatch, search.build());
        double seconds = (System.nanoTime() - start) / 1e9;
        long makespan = ScheduleValidator.requireValid(instance, result.schedule());
        return new Plan(file, instance, flexible, result.schedule(), makespan, dispatch.makespan(), lowerBound,
                bestKnown, result.iterations(), options.seed, seconds);
    }

    /** One JSON object; jobs, operations and machines are 0-based. */
    static String json(Plan p) {
        ObjectNode root = JSON.createObjectNode();
        root.put("problem", p.flexible() ? "fjsp" : "jssp");
        root.put("instance", p.instance().name());
        root.put("file", p.file().toString());
        root.put("jobs", p.instance().jobCount());
        root.put("machines", p.instance().machineCount());
        root.put("operations", p.instance().operationCount());
        root.put("makespan", p.makespan());
        putNullable(root, "lowerBound", p.lowerBound());
        putNullable(root, "bestKnown", p.bestKnown());
        if (p.bestKnown() != null) {
            root.put("gapPercent", round(gapPercent(p.makespan(), p.bestKnown()), 4));
        } else {
            root.putNull("gapPercent");
        }
        root.put("optimal", p.lowerBound() != null && p.makespan() <= p.lowerBound());
        root.put("startMakespan", p.startMakespan());
        root.put("iterations", p.iterations());
        root.put("seed", p.seed());
        root.put("timeSeconds", round(p.seconds(), 3));
        root.put("valid", true);
        ArrayNode machines = root.putArray("schedule");
        List<List<ScheduledOperation>> byMachine = p.schedule().byMachine(p.instance().machineCount());
        for (int m = 0; m < byMachine.size(); m++) {
            ObjectNode machine = machines.addObject();
            machine.put("machine", m);
            ArrayNode ops = machine.putArray("operations");
            for (ScheduledOperation s : byMachine.get(m)) {
                ObjectNode op = ops.addObject();
                op.put("job", s.job());
                op.put("operation", s.operation());
                op.put("start", s.start());
                op.put("end", s.end());
            }
        }
        return root.toString() + System.lineSeparator();
    }

    /** The summary, then each machine's operations in order as {@code J<job>.<op> start-end}. */
    static String text(Plan p) {
        StringBuilder sb = new StringBuilder();
        ShopInstance in = p.instance();
        sb.append(String.format(Locale.ROOT, "%s: %s, %d jobs x %d machines, %d operations (%s)%n", in.name(),
                p.flexible() ? "flexible job shop" : "job shop", in.jobCount(), in.machineCount(),
                in.operationCount(), p.file()));
        sb.append(String.format(Locale.ROOT, "  makespan     %d  (valid: checked and recomputed by ScheduleValidator)%n",
                p.makespan()));
        if (p.lowerBound() != null) {
            sb.append(String.format(Locale.ROOT, "  lower bound  %d  (%s)%s%n", p.lowerBound(), BOUNDS_CSV,
                    p.makespan() <= p.lowerBound() ? "  -> optimal" : ""));
        } else {
            sb.append(String.format(Locale.ROOT, "  lower bound  -  (no %s row beside the file)%n", BOUNDS_CSV));
        }
        if (p.bestKnown() != null) {
            sb.append(String.format(Locale.ROOT, "  best known   %d  (gap %.2f%%)%n", p.bestKnown(),
                    gapPercent(p.makespan(), p.bestKnown())));
        }
        sb.append(String.format(Locale.ROOT, "  start        %d  (best dispatching rule)%n", p.startMakespan()));
        sb.append(String.format(Locale.ROOT, "  search       tabu search, %d iterations, seed %d, %.2f s%n",
                p.iterations(), p.seed(), p.seconds()));
        sb.append("Schedule per machine (J<job>.<operation> start-end, 0-based):\n");
        List<List<ScheduledOperation>> byMachine = p.schedule().byMachine(in.machineCount());
        for (int m = 0; m < byMachine.size(); m++) {
            sb.append(String.format(Locale.ROOT, "  M%-3d", m));
            for (ScheduledOperation s : byMachine.get(m)) {
                sb.append(String.format(Locale.ROOT, " J%d.%d %d-%d", s.job(), s.operation(), s.start(), s.end()));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static double gapPercent(double value, double bestKnown) {
        return 100.0 * (value - bestKnown) / bestKnown;
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private static Long toLong(Double value) {
        return value == null ? null : Math.round(value);
    }

    private static void putNullable(ObjectNode node, String field, Long value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
