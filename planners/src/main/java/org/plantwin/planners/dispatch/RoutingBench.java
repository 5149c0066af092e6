package org.plantwin.planners.dispatch;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.plantwin.planners.dispatch.api.DistanceConvention;
import org.plantwin.planners.dispatch.api.Objective;
import org.plantwin.planners.dispatch.api.RoutingInstance;
import org.plantwin.planners.dispatch.api.RoutingSolver;
import org.plantwin.planners.dispatch.api.SolomonReader;
import org.plantwin.planners.dispatch.api.SolverOptions;
import org.plantwin.planners.dispatch.api.SolverResult;
import org.plantwin.planners.dispatch.api.VrplibReader;
import org.plantwin.planners.dispatch.ortools.OrToolsRouting;
import org.plantwin.planners.dispatch.ortools.OrToolsRoutingResult;

/**
 * Runs every instance of a folder against its best-known file and prints one line per instance.
 *
 * <p>Usage: {@code RoutingBench DIR [--seconds S | --iterations N] [--seed N] [--objective hierarchical|distance]
 * [--reference ortools]}. With {@code --reference ortools}, OR-Tools routing ({@link OrToolsRouting}, guided local
 * search) runs after our solver on each instance with a wall-clock limit of {@code --seconds}, side by side.
 * A folder with {@code bks.csv} holds Solomon files ({@code *.txt}); one with {@code optimal.csv} holds
 * VRPLIB CVRP files ({@code *.vrp}). Solomon under {@code hierarchical} uses double-precision Euclidean
 * arcs, under {@code distance} arcs truncated to one decimal; CVRP always uses nint arcs and distance.
 */
public final class RoutingBench {

    private RoutingBench() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("Usage: RoutingBench DIR [--seconds S | --iterations N] [--seed N] "
                    + "[--objective hierarchical|distance] [--reference ortools]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        double seconds = 10;
        long iterations = 0;
        long seed = 1;
        Objective objective = null;
        boolean reference = false;
        for (int i = 1; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(value);
                case "--iterations" -> iterations = Long.parseLong(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--objective" -> objective = Objective.valueOf(value.toUpperCase(Locale.ROOT));
                case "--reference" -> reference = switch (value) {
                    case "ortools" -> true;
                    case "none" -> false;
                    default -> throw new IllegalArgumentException("The reference (" + value
                            + ") is unknown. Maybe ortools or none?");
                };
                default -> throw new IllegalArgumentException("The option (" + args[i] + ") is unknown.");
            }
        }
        Duration limit = Duration.ofMillis((long) (seconds * 1000));
        SolverOptions options = iterations > 0 ? SolverOptions.iterations(seed, iterations)
                : SolverOptions.timeLimit(seed, limit);
        run(dir, objective, options, reference ? limit : null, System.out);
    }

    /** Runs the folder (our solver only) and prints the table; returns the mean gap in percent over the instances run. */
    public static double run(Path dir, Objective requested, SolverOptions options, PrintStream out) {
        return run(dir, requested, options, null, out);
    }

    /**
     * Runs the folder and prints the table; returns our mean gap in percent over the instances run. With
     * {@code reference} not null, OR-Tools routing runs on each instance after ours, with that wall-clock limit, and
     * its columns and mean gap are printed beside ours.
     */
    public static double run(Path dir, Objective requested, SolverOptions options, Duration reference,
                             PrintStream out) {
        boolean solomon = Files.exists(dir.resolve("bks.csv"));
        Objective objective = solomon ? (requested == null ? Objective.HIERARCHICAL : requested) : Objective.DISTANCE;
        Map<String, double[]> bks = solomon ? bestKnown(dir.resolve("bks.csv"), objective)
                : bestKnown(dir.resolve("optimal.csv"), objective);
        out.printf(Locale.ROOT, "%-10s %-12s %8s %10s %8s %10s %8s %8s %9s%s%n", "instance", "objective", "vehicles",
                "distance", "bks_veh", "bks_dist", "gap_%", "time_s", "iters",
                reference == null ? "" : String.format(Locale.ROOT, " | %8s %10s %8s %8s", "ort_veh", "ort_dist",
                        "ort_gap%", "ort_s"));
        double gapSum = 0;
        int count = 0;
        double refGapSum = 0;
        int refCount = 0;
        int bksVehicles = 0;
        int refBksVehicles = 0;
        int wins = 0;
        int ties = 0;
        for (Map.Entry<String, double[]> e : bks.entrySet()) {
            String name = e.getKey();
            RoutingInstance in;
            if (solomon) {
                Path file = dir.resolve(name + ".txt");
                if (!Files.exists(file)) {
                    continue;
                }
                in = SolomonReader.read(file, objective == Objective.HIERARCHICAL ? DistanceConvention.EUCLIDEAN
                        : DistanceConvention.EUCLIDEAN_TRUNCATED_ONE_DECIMAL);
            } else {
                Path file = dir.resolve(name + ".vrp");
                if (!Files.exists(file)) {
                    continue;
                }
                in = VrplibReader.read(file);
            }
            SolverResult r = RoutingSolver.solve(in, objective, options);
            double gap = 100.0 * (r.report().distance() - e.getValue()[1]) / e.getValue()[1];
            gapSum += gap;
            count++;
            int bksVeh = (int) e.getValue()[0];
            if (bksVeh > 0 && r.report().vehicles() <= bksVeh) {
                bksVehicles++;
            }
            String refColumns = "";
            if (reference != null) {
                OrToolsRoutingResult o = OrToolsRouting.solve(in, objective, reference);
                if (o.feasible()) {
                    double refGap = 100.0 * (o.report().distance() - e.getValue()[1]) / e.getValue()[1];
                    refGapSum += refGap;
                    refCount++;
                    if (bksVeh > 0 && o.report().vehicles() <= bksVeh) {
                        refBksVehicles++;
                    }
                    int cmp = objective.compare(r.report().vehicles(), r.report().distance(), o.report().vehicles(),
                            o.report().distance());
                    wins += cmp < 0 ? 1 : 0;
                    ties += cmp == 0 ? 1 : 0;
                    refColumns = String.format(Locale.ROOT, " | %8d %10.2f %8.2f %8.1f", o.report().vehicles(),
                            o.report().distance(), refGap, o.seconds());
                } else {
                    wins++;
                    refColumns = String.format(Locale.ROOT, " | %8s %10s %8s %8.1f  %s %s", "-", "-", "-", o.seconds(),
                            o.status(), o.report() == null ? "" : "INFEASIBLE " + o.report().problems());
                }
            }
            out.printf(Locale.ROOT, "%-10s %-12s %8d %10.2f %8s %10.2f %8.2f %8.1f %9d%s%s%n", name,
                    objective.name().toLowerCase(Locale.ROOT), r.report().vehicles(), r.report().distance(),
                    bksVeh > 0 ? String.valueOf(bksVeh) : "-", e.getValue()[1], gap,
                    r.seconds(), r.iterations(), refColumns,
                    r.report().feasible() ? "" : "  INFEASIBLE " + r.report().problems());
        }
        double mean = count == 0 ? Double.NaN : gapSum / count;
        out.printf(Locale.ROOT, "mean gap %.2f %% over %d instances%n", mean, count);
        if (reference != null) {
            out.printf(Locale.ROOT, "OR-Tools mean gap %.2f %% over %d feasible of %d instances%n",
                    refCount == 0 ? Double.NaN : refGapSum / refCount, refCount, count);
            if (objective == Objective.HIERARCHICAL) {
                out.printf(Locale.ROOT, "best-known vehicle count: ours %d/%d, OR-Tools %d/%d%n", bksVehicles, count,
                        refBksVehicles, count);
            }
            out.printf(Locale.ROOT, "ours better / equal / worse than OR-Tools: %d / %d / %d%n", wins, ties,
                    count - wins - ties);
        }
        return mean;
    }

    /** instance -> {vehicles (0 if free), distance} from bks.csv or optimal.csv. */
    static Map<String, double[]> bestKnown(Path csv, Objective objective) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the best-known file (" + csv + ").", e);
        }
        List<String> header = List.of(lines.get(0).split(","));
        boolean solomon = header.contains("bks_distance");
        String vehCol = solomon ? (objective == Objective.HIERARCHICAL ? "bks_vehicles" : "distmin_routes") : null;
        String distCol = solomon ? (objective == Objective.HIERARCHICAL ? "bks_distance" : "distmin_distance")
                : "optimal_cost";
        Map<String, double[]> result = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> f = new ArrayList<>(List.of(line.split(",", -1)));
            double veh = vehCol == null ? 0 : Double.parseDouble(f.get(header.indexOf(vehCol)));
            result.put(f.get(0), new double[] {veh, Double.parseDouble(f.get(header.indexOf(distCol)))});
        }
        return result;
    }
}
