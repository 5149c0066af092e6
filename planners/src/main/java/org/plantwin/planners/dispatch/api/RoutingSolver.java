package org.plantwin.planners.dispatch.api;

import java.util.Objects;

import org.plantwin.planners.dispatch.construction.SolomonI1;
import org.plantwin.planners.dispatch.hgs.HybridGeneticSearch;

/**
 * Solves CVRP and VRPTW instances: Solomon I1 construction, then hybrid genetic search.
 *
 * <pre>{@code
 * RoutingInstance in = SolomonReader.read(Path.of("C101.txt"), DistanceConvention.EUCLIDEAN);
 * SolverResult r = RoutingSolver.solve(in, Objective.HIERARCHICAL, SolverOptions.iterations(1, 5000));
 * r.report().vehicles();  // 10
 * }</pre>
 *
 * <p>The result is never worse than the construction under the objective, and it is always checked by
 * {@link SolutionValidator}.
 */
public final class RoutingSolver {

    private RoutingSolver() {
    }

    public static SolverResult solve(RoutingInstance instance, Objective objective, SolverOptions options) {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(options, "options");
        long start = System.nanoTime();
        Solution initial = SolomonI1.construct(instance, objective);
        ValidationReport initialReport = SolutionValidator.validate(instance, initial);
        HybridGeneticSearch.Result r = HybridGeneticSearch.solve(instance, objective, options.seed(),
                new HybridGeneticSearch.Budget(options.maxIterations(), options.timeLimit().toNanos()),
                initialReport.feasible() ? initial : null);
        Solution best = initial;
        ValidationReport bestReport = initialReport;
        if (r.best() != null) {
            ValidationReport report = SolutionValidator.validate(instance, r.best());
            boolean better = report.feasible() && (!bestReport.feasible() || objective.compare(report.vehicles(),
                    report.distance(), bestReport.vehicles(), bestReport.distance()) < 0);
            if (better) {
                best = r.best();
                bestReport = report;
            }
        }
        return new SolverResult(best, bestReport, initialReport, r.iterations(), (System.nanoTime() - start) / 1e9);
    }
}
