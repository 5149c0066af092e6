package org.plantwin.planners.dispatch.ortools;

import java.util.Optional;
import org.plantwin.planners.dispatch.api.Solution;
import org.plantwin.planners.dispatch.api.ValidationReport;

/**
 * What {@link OrToolsRouting} found.
 *
 * @param solution the routes, empty if OR-Tools found no solution in the budget
 * @param report our {@code SolutionValidator}'s verdict and recomputed cost (vehicles, distance in the
 *     instance's own convention, not OR-Tools' scaled integers); null when there is no solution
 * @param status OR-Tools' routing status, e.g. ROUTING_SUCCESS, ROUTING_PARTIAL_SUCCESS_LOCAL_OPTIMUM_NOT_REACHED
 *     (stopped by the time limit), ROUTING_FAIL, ROUTING_FAIL_TIMEOUT
 * @param scaledObjective OR-Tools' objective in scaled integers (fixed vehicle costs included), -1 if none
 * @param seconds the wall-clock time of the solve
 */
public record OrToolsRoutingResult(Optional<Solution> solution, ValidationReport report, String status,
                                   long scaledObjective, double seconds) {

    public boolean feasible() {
        return report != null && report.feasible();
    }
}
