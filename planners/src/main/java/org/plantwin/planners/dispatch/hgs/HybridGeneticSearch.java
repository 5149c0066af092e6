package org.plantwin.planners.dispatch.hgs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.plantwin.planners.dispatch.api.Objective;
import org.plantwin.planners.dispatch.api.RoutingInstance;
import org.plantwin.planners.dispatch.api.Solution;

/**
 * Hybrid genetic search for CVRP and VRPTW (after Vidal et al. 2012, 2013 and Vidal 2022, HGS-CVRP).
 *
 * <p>Giant-tour chromosomes, OX crossover, a bounded-fleet split with penalised capacity and time warp,
 * the granular {@link LocalSearch} as education, repair with tenfold penalties, penalties adapted to a
 * target share of feasible offspring, and diversity-aware survivor selection. Under the hierarchical
 * objective a route-minimisation phase comes first: the fleet limit is set one below the best feasible
 * vehicle count and the search runs until it finds a feasible solution with that many routes (then the
 * limit drops again) or until half of the budget is spent; the rest minimises distance at the best
 * vehicle count.
 *
 * <p>Randomness comes from one {@link SplittableRandom} seeded by the caller (Commons RNG is not on this
 * module's classpath and the build must not change here); with an iteration budget and no time limit a
 * run is fully deterministic.
 */
public final class HybridGeneticSearch {

    /** Stopping rule: a number of offspring and/or a wall-clock limit, whichever comes first. */
    public record Budget(long maxIterations, long timeLimitNanos) {
    }

    /** The outcome: the best feasible routes found (null if none), and the offspring generated. */
    public record Result(Solution best, long iterations) {
    }

    private static final int MU = 25;
    private static final int LAMBDA = 40;
    private static final int NB_ELITE = 4;
    private static final int NB_CLOSE = 5;
    private static final int GRANULARITY = 20;
    private static final double TARGET_FEASIBLE = 0.2;
    private static final int ITERATIONS_WITHOUT_IMPROVEMENT = 10_000;
    private static final double ROUTE_MINIMISATION_SHARE = 0.5;

    private final RoutingInstance instance;
    private final ProblemData d;
    private final Objective objective;
    private final SplittableRandom rng;
    private final Budget budget;
    private final long startNanos;
    private final LocalSearch localSearch;
    private final Population population = new Population(MU, LAMBDA, NB_ELITE, NB_CLOSE);
    private final int maxFleet;
    private double capacityPenalty;
    private double timeWarpPenalty;
    private long iterations;
    private Individual best;
    private final List<Boolean> recentLoadFeasible = new ArrayList<>();
    private final List<Boolean> recentWarpFeasible = new ArrayList<>();

    private HybridGeneticSearch(RoutingInstance instance, Objective objective, long seed, Budget budget,
                                Solution initial) {
        this.instance = instance;
        this.d = new ProblemData(instance, GRANULARITY);
        this.objective = objective;
        this.rng = new SplittableRandom(seed);
        this.budget = budget;
        this.startNanos = System.nanoTime();
        int initialVehicles = initial == null ? 0 : initial.vehicles();
        int fleet = instance.vehicleCount();
        if (!d.timeWindows && objective == Objective.DISTANCE) {
            // Free fleet: as HGS-CVRP, a generous bound on the routes an optimum can need.
            int bound = (int) Math.ceil(1.3 * instance.totalDemand() / instance.capacity()) + 3;
            fleet = Math.min(fleet, Math.max(bound, initialVehicles));
        }
        this.maxFleet = Math.max(1, Math.min(Math.max(fleet, initialVehicles), d.n));
        this.localSearch = new LocalSearch(d, rng, maxFleet);
        double maxDemand = 1;
        for (int c = 1; c <= d.n; c++) {
            maxDemand = Math.max(maxDemand, d.demand[c]);
        }
        this.capacityPenalty = Math.max(0.1, Math.min(1000.0, d.maxDist / maxDemand));
        this.timeWarpPenalty = 1.0;
        if (initial != null && initial.vehicles() <= maxFleet) {
            Individual ind = individual(toArrays(initial));
            if (ind.feasible()) {
                best = ind;
            }
        }
    }

    /** Runs the search; {@code initial} (may be null) seeds the population and the incumbent. */
    public static Result solve(RoutingInstance instance, Objective objective, long seed, Budget budget,
                               Solution initial) {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(budget, "budget");
        if (budget.maxIterations() <= 0 && budget.timeLimitNanos() <= 0) {
            throw new IllegalArgumentException("The budget (" + budget + ") must limit iterations or time.");
        }
        HybridGeneticSearch hgs = new HybridGeneticSearch(instance, objective, seed, budget, initial);
        hgs.run();
        return new Result(hgs.best == null ? null : toSolution(hgs.best), hgs.iterations);
    }

    private void run() {
        if (objective == Objective.HIERARCHICAL) {
            int lowerBound = (int) Math.ceil((double) instance.totalDemand() / instance.capacity());
            while (best != null && best.vehicles() - 1 >= lowerBound && progress() < ROUTE_MINIMISATION_SHARE) {
                int target = best.vehicles() - 1;
                boolean reached = evolve(target, ROUTE_MINIMISATION_SHARE, target);
                if (!reached) {
                    break;
                }
            }
            evolve(best == null ? maxFleet : best.vehicles(), 1.0, 0);
        } else {
            evolve(maxFleet, 1.0, 0);
        }
    }

    /** Fraction of the budget spent, in [0, 1+]. */
    private double progress() {
        double p = 0.0;
        if (budget.maxIterations() > 0) {
            p = (double) iterations / budget.maxIterations();
        }
        if (budget.timeLimitNanos() > 0) {
            p = Math.max(p, (double) (System.nanoTime() - startNanos) / budget.timeLimitNanos());
        }
        return p;
    }

    /**
     * Evolves a population with at most {@code fleet} routes until the budget share {@code until} is spent;
     * returns early (true) once a feasible solution with at most {@code stopAtVehicles} routes is found.
     */
    private boolean evolve(int fleet, double until, int stopAtVehicles) {
        population.clear();
        long lastImprovement = iterations;
        if (best != null && best.vehicles() <= fleet) {
            population.add(best);
        }
        for (int k = 0; k < 4 * MU && progress() < until; k++) {
            int[] tour = new int[d.n];
            for (int i = 0; i < d.n; i++) {
                tour[i] = i + 1;
            }
            for (int i = d.n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = tour[i];
                tour[i] = tour[j];
                tour[j] = t;
            }
            if (educateAndInsert(tour, fleet, stopAtVehicles)) {
                return true;
            }
        }
        while (progress() < until) {
            Individual p1 = population.tournament(rng);
            Individual p2 = population.tournament(rng);
            double before = best == null ? Double.NaN : best.distance;
            int beforeVehicles = best == null ? -1 : best.vehicles();
            if (educateAndInsert(crossover(p1.tour, p2.tour), fleet, stopAtVehicles)) {
                return true;
            }
            iterations++;
            if (best != null && (best.distance != before || best.vehicles() != beforeVehicles)) {
                lastImprovement = iterations;
            }
            if (iterations % 100 == 0) {
                managePenalties();
            }
            if (iterations - lastImprovement > ITERATIONS_WITHOUT_IMPROVEMENT) {
                population.clear();
                if (best != null && best.vehicles() <= fleet) {
                    population.add(best);
                }
                lastImprovement = iterations;
            }
        }
        return false;
    }

    private boolean educateAndInsert(int[] tour, int fleet, int stopAtVehicles) {
        int[][] routes = localSearch.run(split(tour, fleet), fleet, capacityPenalty, timeWarpPenalty);
        Individual ind = individual(routes);
        recentLoadFeasible.add(ind.capacityExcess < 1e-9);
        recentWarpFeasible.add(ind.timeWarp < 1e-7);
        population.add(ind);
        boolean reached = consider(ind, stopAtVehicles);
        if (!ind.feasible() && rng.nextDouble() < 0.5) {
            int[][] repaired = localSearch.run(routes, fleet, 10 * capacityPenalty, 10 * timeWarpPenalty);
            Individual fixed = individual(repaired);
            if (fixed.feasible()) {
                population.add(fixed);
                reached |= consider(fixed, stopAtVehicles);
            }
        }
        return reached;
    }

    private boolean consider(Individual ind, int stopAtVehicles) {
        if (!ind.feasible()) {
            return false;
        }
        if (best == null || objective.compare(ind.vehicles(), ind.distance, best.vehicles(), best.distance) < 0) {
            best = ind;
        }
        return ind.vehicles() <= stopAtVehicles;
    }

    private void managePenalties() {
        capacityPenalty = adapt(capacityPenalty, recentLoadFeasible);
        timeWarpPenalty = adapt(timeWarpPenalty, recentWarpFeasible);
        recentLoadFeasible.clear();
        recentWarpFeasible.clear();
        population.updatePenalties(capacityPenalty, timeWarpPenalty);
    }

    private static double adapt(double penalty, List<Boolean> recent) {
        if (recent.isEmpty()) {
            return penalty;
        }
        double share = recent.stream().filter(b -> b).count() / (double) recent.size();
        if (share < TARGET_FEASIBLE - 0.05) {
            return Math.min(100_000.0, penalty * 1.2);
        }
        if (share > TARGET_FEASIBLE + 0.05) {
            return Math.max(0.1, penalty * 0.85);
        }
        return penalty;
    }

    private Individual individual(int[][] routes) {
        return new Individual(d, routes, capacityPenalty, timeWarpPenalty);
    }

    /** Ordered crossover (OX) on giant tours. */
    private int[] crossover(int[] a, int[] b) {
        int n = a.length;
        int[] child = new int[n];
        if (n < 2) {
            return a.clone();
        }
        boolean[] taken = new boolean[n + 1];
        int start = rng.nextInt(n);
        int end = rng.nextInt(n);
        while (end == start) {
            end = rng.nextInt(n);
        }
        int i = start;
        while (i % n != (end + 1) % n) {
            child[i % n] = a[i % n];
            taken[a[i % n]] = true;
            i++;
        }
        int j = end + 1;
        for (int k = 1; k <= n; k++) {
            int c = b[(end + k) % n];
            if (!taken[c]) {
                child[j % n] = c;
                j++;
            }
        }
        return child;
    }

    /**
     * Splits a giant tour into at most {@code fleet} routes minimising the penalised cost (Bellman on the
     * auxiliary graph, bounded fleet; loads above 1.5 Q are not considered unless nothing else fits).
     */
    private int[][] split(int[] tour, int fleet) {
        int[][] routes = split(tour, fleet, 1.5 * d.capacity);
        return routes != null ? routes : split(tour, fleet, Double.POSITIVE_INFINITY);
    }

    private int[][] split(int[] tour, int fleet, double loadCap) {
        int n = tour.length;
        double[][] pot = new double[fleet + 1][n + 1];
        int[][] pred = new int[fleet + 1][n + 1];
        for (double[] row : pot) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        pot[0][0] = 0.0;
        Segment seg = new Segment();
        Segment closed = new Segment();
        for (int k = 0; k < fleet; k++) {
            for (int i = 0; i < n; i++) {
                if (pot[k][i] == Double.POSITIVE_INFINITY) {
                    continue;
                }
                seg.setNode(d, 0);
                for (int j = i + 1; j <= n; j++) {
                    seg.appendNode(d, tour[j - 1]);
                    if (seg.load > loadCap && j > i + 1) {
                        break;
                    }
                    closed.copyFrom(seg);
                    closed.appendNode(d, 0);
                    double cost = pot[k][i] + closed.penalizedCost(d, capacityPenalty, timeWarpPenalty);
                    if (cost < pot[k + 1][j]) {
                        pot[k + 1][j] = cost;
                        pred[k + 1][j] = i;
                    }
                }
            }
        }
        int bestK = -1;
        for (int k = 1; k <= fleet; k++) {
            if (pot[k][n] < Double.POSITIVE_INFINITY && (bestK < 0 || pot[k][n] < pot[bestK][n] - 1e-9)) {
                bestK = k;
            }
        }
        if (bestK < 0) {
            return null;
        }
        int[][] routes = new int[bestK][];
        int j = n;
        for (int k = bestK; k >= 1; k--) {
            int i = pred[k][j];
            routes[k - 1] = Arrays.copyOfRange(tour, i, j);
            j = i;
        }
        return routes;
    }

    private static int[][] toArrays(Solution s) {
        int[][] r = new int[s.vehicles()][];
        for (int k = 0; k < r.length; k++) {
            r[k] = s.routes().get(k).stream().mapToInt(Integer::intValue).toArray();
        }
        return r;
    }

    private static Solution toSolution(Individual ind) {
        List<List<Integer>> routes = new ArrayList<>();
        for (int[] r : ind.routes) {
            List<Integer> route = new ArrayList<>();
            for (int c : r) {
                route.add(c);
            }
            routes.add(route);
        }
        return new Solution(routes);
    }
}
