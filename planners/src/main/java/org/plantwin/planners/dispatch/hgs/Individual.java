package org.plantwin.planners.dispatch.hgs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A solution in the genetic search: its routes, its giant tour (routes concatenated) and its penalised cost.
 */
final class Individual {

    /** Non-empty routes, customers only. */
    final int[][] routes;
    final int[] tour;
    final int[] successor;
    final int[] predecessor;
    final double distance;
    final double capacityExcess;
    final double timeWarp;
    double penalizedCost;
    double biasedFitness;
    /** Other members of the same subpopulation, closest first. */
    final List<Proximity> proximity = new ArrayList<>();

    record Proximity(double distance, Individual other) {
    }

    Individual(ProblemData d, int[][] rawRoutes, double capacityPenalty, double timeWarpPenalty) {
        List<int[]> kept = new ArrayList<>();
        for (int[] r : rawRoutes) {
            if (r.length > 0) {
                kept.add(r);
            }
        }
        // Routes ordered by the polar angle of their barycentre: neighbouring routes stay close in the tour.
        double[] key = new double[kept.size()];
        Integer[] order = new Integer[kept.size()];
        for (int k = 0; k < kept.size(); k++) {
            double sx = 0;
            for (int c : kept.get(k)) {
                sx += d.angle[c];
            }
            key[k] = sx / kept.get(k).length;
            order[k] = k;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer k) -> key[k]).thenComparingInt(k -> k));
        routes = new int[kept.size()][];
        for (int k = 0; k < order.length; k++) {
            routes[k] = kept.get(order[k]);
        }
        tour = new int[d.n];
        successor = new int[d.n + 1];
        predecessor = new int[d.n + 1];
        int t = 0;
        double dist = 0;
        double excess = 0;
        double warp = 0;
        Segment seg = new Segment();
        for (int[] r : routes) {
            seg.setNode(d, 0);
            for (int i = 0; i < r.length; i++) {
                tour[t++] = r[i];
                seg.appendNode(d, r[i]);
                predecessor[r[i]] = i == 0 ? 0 : r[i - 1];
                successor[r[i]] = i == r.length - 1 ? 0 : r[i + 1];
            }
            seg.appendNode(d, 0);
            dist += seg.distance;
            excess += Math.max(0.0, seg.load - d.capacity);
            warp += seg.timeWarp;
        }
        if (t != d.n) {
            throw new IllegalStateException("The routes hold " + t + " customers; expected " + d.n + ".");
        }
        distance = dist;
        capacityExcess = excess;
        timeWarp = warp;
        setPenalties(capacityPenalty, timeWarpPenalty);
    }

    void setPenalties(double capacityPenalty, double timeWarpPenalty) {
        penalizedCost = distance + capacityPenalty * capacityExcess + timeWarpPenalty * timeWarp;
    }

    boolean feasible() {
        return capacityExcess < 1e-9 && timeWarp < 1e-7;
    }

    int vehicles() {
        return routes.length;
    }

    /** Broken-pairs distance in [0, 1]: the share of customers whose neighbours differ. */
    double brokenPairsDistance(Individual o) {
        int diff = 0;
        int n = tour.length;
        for (int c = 1; c <= n; c++) {
            if (successor[c] != o.successor[c] && successor[c] != o.predecessor[c]) {
                diff++;
            }
            if (predecessor[c] == 0 && o.predecessor[c] != 0 && o.successor[c] != 0) {
                diff++;
            }
        }
        return (double) diff / n;
    }

    double averageClosest(int count) {
        int k = Math.min(count, proximity.size());
        if (k == 0) {
            return 0.0;
        }
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += proximity.get(i).distance();
        }
        return sum / k;
    }
}
