package org.plantwin.planners.dispatch.ortools;

import com.google.ortools.Loader;
import com.google.ortools.constraintsolver.Assignment;
import com.google.ortools.constraintsolver.FirstSolutionStrategy;
import com.google.ortools.constraintsolver.LocalSearchMetaheuristic;
import com.google.ortools.constraintsolver.RoutingDimension;
import com.google.ortools.constraintsolver.RoutingIndexManager;
import com.google.ortools.constraintsolver.RoutingModel;
import com.google.ortools.constraintsolver.RoutingSearchParameters;
import com.google.ortools.constraintsolver.main;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.plantwin.planners.dispatch.api.Objective;
import org.plantwin.planners.dispatch.api.RoutingInstance;
import org.plantwin.planners.dispatch.api.Site;
import org.plantwin.planners.dispatch.api.Solution;
import org.plantwin.planners.dispatch.api.SolutionValidator;
import org.plantwin.planners.dispatch.api.ValidationReport;

/**
 * OR-Tools routing (first solution PATH_CHEAPEST_ARC, then guided local search) as the reference solver
 * for CVRP and VRPTW that issue 6 compares the hybrid genetic search against.
 *
 * <p>The model: one vehicle per fleet slot from depot 0; a capacity dimension (demand per node, the
 * instance's capacity per vehicle); for instances with time windows a time dimension whose transit is
 * service time at the origin plus travel time, waiting allowed (slack up to the horizon), each customer's
 * cumul in [ready, due], the vehicles' start and end cumuls in the depot's [ready, due]. Under
 * {@link Objective#HIERARCHICAL} every used vehicle costs a fixed amount larger than any possible total
 * distance (so fewer vehicles always win, then distance); under {@link Objective#DISTANCE} no fixed cost.
 * Each customer is a disjunction with a drop penalty above any vehicles-plus-distance cost: without it
 * PATH_CHEAPEST_ARC found no first solution for R101 and RC101 within 10 s (ROUTING_FAIL_TIMEOUT); with it the
 * first solution may leave customers out and guided local search inserts them (a result that still leaves one
 * out is reported infeasible by our validator).
 *
 * <p><b>Scaling.</b> OR-Tools needs integer arcs. Arc costs are {@code round(SCALE * d)} and travel times
 * {@code ceil(SCALE * d)} with {@code SCALE = 1000}: exact for the truncated (one decimal) and nint
 * conventions; for double-precision Euclidean the cost is off by at most 0.0005 per arc, and rounding
 * times up keeps every route OR-Tools calls feasible feasible in real numbers (it may at worst reject a
 * route whose slack is under 0.001 per arc). Times and windows (integers in Solomon files) are scaled by
 * the same factor. The returned routes are re-validated and re-costed by our {@link SolutionValidator}, so
 * the reported distance is always in the instance's own convention.
 *
 * <p>Determinism: the routing search is single-threaded and has no seed; with a time limit its result
 * depends on how far it gets, as for any time-limited run.
 */
public final class OrToolsRouting {

    /** Factor from instance units (distance, time) to OR-Tools integers. */
    public static final long SCALE = 1000;

    private OrToolsRouting() {
    }

    /** Solves {@code instance} under {@code objective} within {@code timeLimit} (wall clock, >= 1 ms). */
    public static OrToolsRoutingResult solve(RoutingInstance instance, Objective objective, Duration timeLimit) {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.toMillis() < 1) {
            throw new IllegalArgumentException("The timeLimit (" + timeLimit + ") must be >= 1 ms.");
        }
        Loader.loadNativeLibraries();
        int nodes = instance.customerCount() + 1;
        int vehicles = instance.vehicleCount();
        long[][] cost = new long[nodes][nodes];
        long[][] travel = new long[nodes][nodes];
        long maxArc = 0;
        for (int i = 0; i < nodes; i++) {
            for (int j = 0; j < nodes; j++) {
                double d = instance.distance(i, j);
                cost[i][j] = Math.round(SCALE * d);
                travel[i][j] = (long) Math.ceil(SCALE * d - 1e-6);
                maxArc = Math.max(maxArc, cost[i][j]);
            }
        }
        // Any solution has at most nodes + vehicles arcs, each at most maxArc: one vehicle outweighs all distance.
        long fixed = objective == Objective.HIERARCHICAL ? (long) (nodes + vehicles) * maxArc + 1 : 0;
        RoutingIndexManager manager = new RoutingIndexManager(nodes, vehicles, 0);
        RoutingModel routing = new RoutingModel(manager);
        int costCallback = routing.registerTransitCallback(
                (from, to) -> cost[manager.indexToNode(from)][manager.indexToNode(to)]);
        routing.setArcCostEvaluatorOfAllVehicles(costCallback);
        if (objective == Objective.HIERARCHICAL) {
            routing.setFixedCostOfAllVehicles(fixed);
        }

        // Every customer may be left out at a penalty above any vehicle count and distance, so that the first
        // solution (PATH_CHEAPEST_ARC) always exists on tight time windows; guided local search then inserts the
        // left-out customers. A result that still leaves one out fails our validator ("served 0 times").
        long dropPenalty = (fixed + 1) * (vehicles + 1) + (long) (nodes + vehicles) * maxArc + 1;
        for (int i = 1; i < nodes; i++) {
            routing.addDisjunction(new long[] {manager.nodeToIndex(i)}, dropPenalty);
        }

        int demandCallback = routing.registerUnaryTransitCallback(
                index -> instance.site(manager.indexToNode(index)).demand());
        long[] capacities = new long[vehicles];
        java.util.Arrays.fill(capacities, instance.capacity());
        routing.addDimensionWithVehicleCapacity(demandCallback, 0, capacities, true, "Capacity");

        if (instance.hasTimeWindows()) {
            long[] service = new long[nodes];
            for (int i = 0; i < nodes; i++) {
                service[i] = (long) Math.ceil(SCALE * instance.site(i).serviceTime() - 1e-6);
            }
            int timeCallback = routing.registerTransitCallback((from, to) -> {
                int i = manager.indexToNode(from);
                return service[i] + travel[i][manager.indexToNode(to)];
            });
            Site depot = instance.site(0);
            long horizon = scaledDue(depot);
            routing.addDimension(timeCallback, horizon, horizon, false, "Time");
            RoutingDimension time = routing.getMutableDimension("Time");
            for (int i = 1; i < nodes; i++) {
                Site s = instance.site(i);
                time.cumulVar(manager.nodeToIndex(i)).setRange(scaledReady(s), Math.min(scaledDue(s), horizon));
            }
            for (int v = 0; v < vehicles; v++) {
                time.cumulVar(routing.start(v)).setRange(scaledReady(depot), horizon);
                time.cumulVar(routing.end(v)).setRange(scaledReady(depot), horizon);
            }
        }

        RoutingSearchParameters parameters = main.defaultRoutingSearchParameters().toBuilder()
                .setFirstSolutionStrategy(FirstSolutionStrategy.Value.PATH_CHEAPEST_ARC)
                .setLocalSearchMetaheuristic(LocalSearchMetaheuristic.Value.GUIDED_LOCAL_SEARCH)
                .setTimeLimit(com.google.protobuf.Duration.newBuilder()
                        .setSeconds(timeLimit.getSeconds()).setNanos(timeLimit.getNano()))
                .build();
        long t0 = System.nanoTime();
        Assignment assignment = routing.solveWithParameters(parameters);
        double seconds = (System.nanoTime() - t0) / 1e9;
        String status = routing.status().name();
        if (assignment == null) {
            return new OrToolsRoutingResult(Optional.empty(), null, status, -1, seconds);
        }
        List<List<Integer>> routes = new ArrayList<>();
        for (int v = 0; v < vehicles; v++) {
            List<Integer> route = new ArrayList<>();
            long index = assignment.value(routing.nextVar(routing.start(v)));
            while (!routing.isEnd(index)) {
                route.add(manager.indexToNode(index));
                index = assignment.value(routing.nextVar(index));
            }
            routes.add(route);
        }
        Solution solution = new Solution(routes);
        ValidationReport report = SolutionValidator.validate(instance, solution);
        return new OrToolsRoutingResult(Optional.of(solution), report, status, assignment.objectiveValue(), seconds);
    }

    private static long scaledReady(Site s) {
        return (long) Math.ceil(SCALE * s.readyTime() - 1e-6);
    }

    private static long scaledDue(Site s) {
        // CVRP sites have no due time; a large finite bound keeps OR-Tools' int64 arithmetic safe.
        return Double.isInfinite(s.dueTime()) ? Long.MAX_VALUE / 4 : (long) Math.floor(SCALE * s.dueTime() + 1e-6);
    }
}
