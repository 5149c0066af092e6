package org.plantwin.planners.dispatch.api;

import java.util.List;

/**
 * What {@link SolutionValidator} found: the recomputed cost and every broken rule.
 *
 * @param vehicles  non-empty routes
 * @param distance  total arc length, recomputed from the instance
 * @param problems  one line per broken rule; empty when the solution is feasible
 */
public record ValidationReport(int vehicles, double distance, List<String> problems) {

    public ValidationReport {
        problems = List.copyOf(problems);
    }

    public boolean feasible() {
        return problems.isEmpty();
    }
}
