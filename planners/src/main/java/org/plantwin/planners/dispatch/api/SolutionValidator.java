package org.plantwin.planners.dispatch.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks a solution against its instance from scratch and recomputes its cost.
 *
 * <p>Rules: every customer is served exactly once; indices are customers (1..n); each route's load is
 * within capacity; service starts no later than the due time (waiting when early is allowed); each
 * vehicle is back at the depot by the horizon; at most {@code vehicleCount} routes.
 */
public final class SolutionValidator {

    /** Slack for floating-point comparisons of times. */
    public static final double TIME_EPSILON = 1e-6;

    private SolutionValidator() {
    }

    public static ValidationReport validate(RoutingInstance instance, Solution solution) {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(solution, "solution");
        List<String> problems = new ArrayList<>();
        int n = instance.customerCount();
        int[] visits = new int[n + 1];
        double total = 0.0;
        if (solution.vehicles() > instance.vehicleCount()) {
            problems.add("The solution uses " + solution.vehicles() + " vehicles but the fleet has "
                    + instance.vehicleCount() + ".");
        }
        Site depot = instance.site(0);
        for (int k = 0; k < solution.routes().size(); k++) {
            List<Integer> route = solution.routes().get(k);
            int prev = 0;
            long load = 0;
            double time = depot.readyTime();
            for (int c : route) {
                if (c < 1 || c > n) {
                    problems.add("Route " + (k + 1) + " visits (" + c + "), which is not a customer in 1.." + n + ".");
                    continue;
                }
                visits[c]++;
                Site s = instance.site(c);
                load += s.demand();
                total += instance.distance(prev, c);
                time = Math.max(time + instance.distance(prev, c), s.readyTime());
                if (time > s.dueTime() + TIME_EPSILON) {
                    problems.add("Route " + (k + 1) + " starts service at customer (" + c + ") at " + time
                            + ", after its due time " + s.dueTime() + ".");
                }
                time += s.serviceTime();
                prev = c;
            }
            total += instance.distance(prev, 0);
            time += instance.distance(prev, 0);
            if (time > depot.dueTime() + TIME_EPSILON) {
                problems.add("Route " + (k + 1) + " returns to the depot at " + time + ", after the horizon "
                        + depot.dueTime() + ".");
            }
            if (load > instance.capacity()) {
                problems.add("Route " + (k + 1) + " carries " + load + ", more than the capacity "
                        + instance.capacity() + ".");
            }
        }
        for (int c = 1; c <= n; c++) {
            if (visits[c] != 1) {
                problems.add("Customer (" + c + ") is served " + visits[c] + " times; it must be served exactly once.");
            }
        }
        return new ValidationReport(solution.vehicles(), total, problems);
    }
}
