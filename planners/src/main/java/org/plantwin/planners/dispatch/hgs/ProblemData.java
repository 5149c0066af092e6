package org.plantwin.planners.dispatch.hgs;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.plantwin.planners.dispatch.api.RoutingInstance;
import org.plantwin.planners.dispatch.api.Site;

/**
 * The instance as flat arrays, plus the granular neighbourhood (correlated vertices) used by the local search.
 */
final class ProblemData {

    final int n;
    final double capacity;
    final double[][] dist;
    final double[] demand;
    final double[] ready;
    final double[] due;
    final double[] service;
    final boolean timeWindows;
    final double maxDist;
    /** For each customer, the customers it is correlated with, in increasing proximity. */
    final int[][] correlated;
    /** Polar angle of each node around the depot, used to order routes in the giant tour. */
    final double[] angle;

    ProblemData(RoutingInstance in, int granularity) {
        n = in.customerCount();
        capacity = in.capacity();
        dist = new double[n + 1][n + 1];
        demand = new double[n + 1];
        ready = new double[n + 1];
        due = new double[n + 1];
        service = new double[n + 1];
        angle = new double[n + 1];
        double md = 0;
        for (int i = 0; i <= n; i++) {
            Site s = in.site(i);
            demand[i] = s.demand();
            ready[i] = s.readyTime();
            due[i] = s.dueTime();
            service[i] = s.serviceTime();
            angle[i] = Math.atan2(s.y() - in.site(0).y(), s.x() - in.site(0).x());
            for (int j = 0; j <= n; j++) {
                dist[i][j] = in.distance(i, j);
                md = Math.max(md, dist[i][j]);
            }
        }
        maxDist = md;
        timeWindows = in.hasTimeWindows();
        correlated = buildCorrelation(Math.min(granularity, n - 1));
    }

    /**
     * Proximity of j after i (Vidal et al. 2013): distance plus weighted minimal waiting time and time warp
     * incurred when j directly follows i.
     */
    private double proximity(int i, int j) {
        double d = dist[i][j];
        if (!timeWindows) {
            return d;
        }
        double wait = Math.max(ready[j] - service[i] - d - due[i], 0.0);
        double warp = Math.max(ready[i] + service[i] + d - due[j], 0.0);
        return d + 0.2 * wait + 1.0 * warp;
    }

    private int[][] buildCorrelation(int k) {
        List<TreeSet<Integer>> sets = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            sets.add(new TreeSet<>());
        }
        for (int i = 1; i <= n; i++) {
            List<Integer> others = new ArrayList<>();
            for (int j = 1; j <= n; j++) {
                if (j != i) {
                    others.add(j);
                }
            }
            final int fi = i;
            others.sort((a, b) -> {
                int c = Double.compare(Math.min(proximity(fi, a), proximity(a, fi)),
                        Math.min(proximity(fi, b), proximity(b, fi)));
                return c != 0 ? c : Integer.compare(a, b);
            });
            for (int t = 0; t < k && t < others.size(); t++) {
                sets.get(i).add(others.get(t));
                sets.get(others.get(t)).add(i);
            }
        }
        int[][] result = new int[n + 1][];
        result[0] = new int[0];
        for (int i = 1; i <= n; i++) {
            result[i] = sets.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return result;
    }
}
