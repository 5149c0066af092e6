package org.plantwin.planners.dispatch.construction;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.plantwin.planners.dispatch.api.Objective;
import org.plantwin.planners.dispatch.api.RoutingInstance;
import org.plantwin.planners.dispatch.api.Site;
import org.plantwin.planners.dispatch.api.Solution;
import org.plantwin.planners.dispatch.api.SolutionValidator;
import org.plantwin.planners.dispatch.api.ValidationReport;

/**
 * Solomon's (1987) I1 sequential insertion heuristic.
 *
 * <p>Routes are built one at a time from a seed customer. For each unrouted customer {@code u} the best
 * feasible position between {@code i} and {@code j} minimises
 * {@code c1 = a1 (d(i,u) + d(u,j) - mu d(i,j)) + a2 (b_j' - b_j)} (detour and push-forward of the start at
 * {@code j}); the customer inserted is the one that maximises {@code c2 = lambda d(0,u) - c1}. When no
 * customer fits, a new route starts. {@link #construct} runs the usual small grid of parameters and seed
 * rules and keeps the best result under the objective. Deterministic; no randomness.
 */
public final class SolomonI1 {

    /** A seed rule: which unrouted customer opens a new route. */
    public enum SeedRule { FARTHEST, EARLIEST_DUE }

    private static final double EPS = SolutionValidator.TIME_EPSILON;

    private final RoutingInstance in;

    private SolomonI1(RoutingInstance instance) {
        this.in = Objects.requireNonNull(instance, "instance");
    }

    /** The best I1 solution over a grid of (alpha1, lambda, seed rule), compared under {@code objective}. */
    public static Solution construct(RoutingInstance instance, Objective objective) {
        SolomonI1 i1 = new SolomonI1(instance);
        Solution best = null;
        ValidationReport bestReport = null;
        for (SeedRule rule : SeedRule.values()) {
            for (double alpha1 : new double[] {1.0, 0.5, 0.0}) {
                for (double lambda : new double[] {1.0, 2.0}) {
                    Solution s = i1.build(1.0, alpha1, lambda, rule);
                    ValidationReport r = SolutionValidator.validate(instance, s);
                    if (best == null || objective.compare(r.vehicles(), r.distance(),
                            bestReport.vehicles(), bestReport.distance()) < 0) {
                        best = s;
                        bestReport = r;
                    }
                }
            }
        }
        return best;
    }

    /** One I1 run with the given parameters ({@code alpha2 = 1 - alpha1}). */
    public static Solution construct(RoutingInstance instance, double mu, double alpha1, double lambda, SeedRule rule) {
        return new SolomonI1(instance).build(mu, alpha1, lambda, rule);
    }

    private Solution build(double mu, double alpha1, double lambda, SeedRule rule) {
        int n = in.customerCount();
        boolean[] routed = new boolean[n + 1];
        int left = n;
        List<List<Integer>> routes = new ArrayList<>();
        while (left > 0) {
            int seed = pickSeed(routed, rule);
            List<Integer> route = new ArrayList<>();
            route.add(0);
            route.add(seed);
            route.add(0);
            routed[seed] = true;
            left--;
            int load = in.site(seed).demand();
            while (left > 0) {
                double[] start = startTimes(route);
                double[] latest = latestStarts(route);
                int bestU = -1;
                int bestPos = -1;
                double bestC2 = Double.NEGATIVE_INFINITY;
                for (int u = 1; u <= n; u++) {
                    if (routed[u] || load + in.site(u).demand() > in.capacity()) {
                        continue;
                    }
                    Site su = in.site(u);
                    double bestC1 = Double.POSITIVE_INFINITY;
                    int pos = -1;
                    for (int p = 0; p + 1 < route.size(); p++) {
                        int i = route.get(p);
                        int j = route.get(p + 1);
                        double bu = Math.max(start[p] + in.site(i).serviceTime() + in.distance(i, u), su.readyTime());
                        if (bu > su.dueTime() + EPS) {
                            continue;
                        }
                        double bj = Math.max(bu + su.serviceTime() + in.distance(u, j), in.site(j).readyTime());
                        if (bj > latest[p + 1] + EPS) {
                            continue;
                        }
                        double c11 = in.distance(i, u) + in.distance(u, j) - mu * in.distance(i, j);
                        double c12 = bj - start[p + 1];
                        double c1 = alpha1 * c11 + (1.0 - alpha1) * c12;
                        if (c1 < bestC1 - 1e-12) {
                            bestC1 = c1;
                            pos = p + 1;
                        }
                    }
                    if (pos < 0) {
                        continue;
                    }
                    double c2 = lambda * in.distance(0, u) - bestC1;
                    if (c2 > bestC2 + 1e-12) {
                        bestC2 = c2;
                        bestU = u;
                        bestPos = pos;
                    }
                }
                if (bestU < 0) {
                    break;
                }
                route.add(bestPos, bestU);
                routed[bestU] = true;
                load += in.site(bestU).demand();
                left--;
            }
            routes.add(new ArrayList<>(route.subList(1, route.size() - 1)));
        }
        return new Solution(routes);
    }

    private int pickSeed(boolean[] routed, SeedRule rule) {
        int best = -1;
        for (int u = 1; u <= in.customerCount(); u++) {
            if (routed[u]) {
                continue;
            }
            if (best < 0) {
                best = u;
            } else if (rule == SeedRule.FARTHEST ? in.distance(0, u) > in.distance(0, best)
                    : in.site(u).dueTime() < in.site(best).dueTime()) {
                best = u;
            }
        }
        return best;
    }

    /** Service start at each position of {@code route} (depot at both ends). */
    private double[] startTimes(List<Integer> route) {
        double[] b = new double[route.size()];
        b[0] = in.site(0).readyTime();
        for (int p = 1; p < route.size(); p++) {
            int i = route.get(p - 1);
            int j = route.get(p);
            b[p] = Math.max(b[p - 1] + in.site(i).serviceTime() + in.distance(i, j), in.site(j).readyTime());
        }
        return b;
    }

    /** The latest service start at each position that keeps the rest of the route feasible. */
    private double[] latestStarts(List<Integer> route) {
        double[] l = new double[route.size()];
        int last = route.size() - 1;
        l[last] = in.site(0).dueTime();
        for (int p = last - 1; p >= 0; p--) {
            int i = route.get(p);
            int j = route.get(p + 1);
            l[p] = Math.min(in.site(i).dueTime(), l[p + 1] - in.distance(i, j) - in.site(i).serviceTime());
        }
        return l;
    }
}
