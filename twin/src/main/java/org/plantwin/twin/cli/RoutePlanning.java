package org.plantwin.twin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.plantwin.planners.dispatch.api.DistanceConvention;
import org.plantwin.planners.dispatch.api.Objective;
import org.plantwin.planners.dispatch.api.RoutingInstance;
import org.plantwin.planners.dispatch.api.RoutingSolver;
import org.plantwin.planners.dispatch.api.SolverOptions;
import org.plantwin.planners.dispatch.api.SolverResult;

/**
 * {@code plantwin plan vrptw|cvrp}: Solomon I1 construction, then hybrid genetic search, through
 * {@link RoutingSolver}, whose result is always checked by the planners' {@code SolutionValidator}.
 *
 * <p>Conventions, never mixed: VRPTW under {@code hierarchical} uses double-precision Euclidean arcs and
 * compares with {@code bks.csv}'s {@code bks_*} columns; under {@code distance}, arcs truncated to one
 * decimal and the {@code distmin_*} columns. CVRP always uses nint arcs and {@code optimal.csv}.
 */
final class RoutePlanning {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One solved instance.
     *
     * @param bestKnownVehicles null when the reference leaves the fleet free (CVRP)
     * @param bestKnownDistance null when the folder has no reference file or row
     */
    record Plan(Path file, String problem, RoutingInstance instance, Objective objective, SolverResult result,
                Integer bestKnownVehicles, Double bestKnownDistance, long seed) {
    }

    private RoutePlanning() {
    }

    static Objective objective(String text, Objective fallback) {
        if (text == null) {
            return fallback;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "hierarchical" -> Objective.HIERARCHICAL;
            case "distance" -> Objective.DISTANCE;
            default -> throw new PlanInputException("--objective: the value (" + text
                    + ") is not an objective. Maybe hierarchical (fewest vehicles, then distance) or distance.");
        };
    }

    static Plan solveVrptw(Path file, Objective objective, PlanOptions options) {
        DistanceConvention convention = objective == Objective.HIERARCHICAL ? DistanceConvention.EUCLIDEAN
                : DistanceConvention.EUCLIDEAN_TRUNCATED_ONE_DECIMAL;
        RoutingInstance instance = PlanInputs.readSolomon(file, convention);
        Optional<Map<String, String>> row = PlanInputs.boundsRow(file, "bks.csv");
        boolean hierarchical = objective == Objective.HIERARCHICAL;
        Double vehicles = PlanInputs.number(row, hierarchical ? "bks_vehicles" : "distmin_routes", file, "bks.csv");
        Double distance = PlanInputs.number(row, hierarchical ? "bks_distance" : "distmin_distance", file, "bks.csv");
        return solve(file, "vrptw", instance, objective, options, vehicles == null ? null : (int) Math.round(vehicles),
                distance);
    }

    static Plan solveCvrp(Path file, Objective objective, PlanOptions options) {
        RoutingInstance instance = PlanInputs.readVrplib(file);
        Optional<Map<String, String>> row = PlanInputs.boundsRow(file, "optimal.csv");
        Double distance = PlanInputs.number(row, "optimal_cost", file, "optimal.csv");
        return solve(file, "cvrp", instance, objective, options, null, distance);
    }

    private static Plan solve(Path file, String problem, RoutingInstance instance, Objective objective,
                              PlanOptions options, Integer bestKnownVehicles, Double bestKnownDistance) {
        Long iterations = options.iterationBudget();
        SolverOptions solverOptions;
        try {
            solverOptions = new SolverOptions(options.seed, iterations == null ? 0 : iterations, options.timeLimit());
        } catch (IllegalArgumentException e) {
            throw new PlanInputException("--time/--iterations: " + e.getMessage(), e);
        }
        SolverResult result = RoutingSolver.solve(instance, objective, solverOptions);
        return new Plan(file, problem, instance, objective, result, bestKnownVehicles, bestKnownDistance, options.seed);
    }

    /** One JSON object; routes list customer numbers in visiting order, the depot (0) implicit at both ends. */
    static String json(Plan p) {
        ObjectNode root = JSON.createObjectNode();
        SolverResult r = p.result();
        root.put("problem", p.problem());
        root.put("instance", p.instance().name());
        root.put("file", p.file().toString());
        root.put("objective", p.objective().name().toLowerCase(Locale.ROOT));
        root.put("distanceConvention", p.instance().convention().name());
        root.put("customers", p.instance().customerCount());
        root.put("capacity", p.instance().capacity());
        root.put("fleet", p.instance().vehicleCount());
        root.put("vehicles", r.report().vehicles());
        root.put("distance", r.report().distance());
        if (p.bestKnownDistance() != null) {
            ObjectNode best = root.putObject("bestKnown");
            if (p.bestKnownVehicles() != null) {
                best.put("vehicles", p.bestKnownVehicles());
            } else {
                best.putNull("vehicles");
            }
            best.put("distance", p.bestKnownDistance());
            root.put("gapPercent", ShopPlanning.round(
                    ShopPlanning.gapPercent(r.report().distance(), p.bestKnownDistance()), 4));
        } else {
            root.putNull("bestKnown");
            root.putNull("gapPercent");
        }
        root.put("feasible", r.report().feasible());
        ArrayNode problems = root.putArray("problems");
        r.report().problems().forEach(problems::add);
        ObjectNode construction = root.putObject("construction");
        construction.put("vehicles", r.construction().vehicles());
        construction.put("distance", r.construction().distance());
        root.put("iterations", r.iterations());
        root.put("seed", p.seed());
        root.put("timeSeconds", ShopPlanning.round(r.seconds(), 3));
        ArrayNode routes = root.putArray("routes");
        for (List<Integer> route : r.solution().routes()) {
            ArrayNode a = routes.addArray();
            route.forEach(a::add);
        }
        return root.toString() + System.lineSeparator();
    }

    static String text(Plan p) {
        SolverResult r = p.result();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %s, %d customers, capacity %d, fleet %d (%s)%n", p.instance().name(),
                p.problem().equals("vrptw") ? "VRP with time windows" : "capacitated VRP", p.instance().customerCount(),
                p.instance().capacity(), p.instance().vehicleCount(), p.file()));
        sb.append(String.format(Locale.ROOT, "  objective    %s, arcs %s%n", p.objective().name().toLowerCase(Locale.ROOT),
                p.instance().convention()));
        sb.append(String.format(Locale.ROOT, "  vehicles     %d%n", r.report().vehicles()));
        sb.append(String.format(Locale.ROOT, "  distance     %.2f  (%s)%n", r.report().distance(),
                r.report().feasible() ? "feasible: checked and recomputed by SolutionValidator"
                        : "INFEASIBLE: " + r.report().problems()));
        if (p.bestKnownDistance() != null) {
            sb.append(String.format(Locale.ROOT, "  best known   %s%.2f  (gap %.2f%%)%n",
                    p.bestKnownVehicles() == null ? "" : p.bestKnownVehicles() + " vehicles, ", p.bestKnownDistance(),
                    ShopPlanning.gapPercent(r.report().distance(), p.bestKnownDistance())));
        }
        sb.append(String.format(Locale.ROOT, "  start        %d vehicles, %.2f  (Solomon I1 construction)%n",
                r.construction().vehicles(), r.construction().distance()));
        sb.append(String.format(Locale.ROOT, "  search       hybrid genetic search, %d iterations, seed %d, %.2f s%n",
                r.iterations(), p.seed(), r.seconds()));
        sb.append("Routes (customers in visiting order; depot 0 at both ends):\n");
        List<List<Integer>> routes = r.solution().routes();
        for (int k = 0; k < routes.size(); k++) {
            sb.append(String.format(Locale.ROOT, "  #%-3d", k + 1));
            for (int c : routes.get(k)) {
                sb.append(' ').append(c);
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
