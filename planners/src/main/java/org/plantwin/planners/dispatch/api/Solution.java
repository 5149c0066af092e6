package org.plantwin.planners.dispatch.api;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of routes; each route lists customer indices in visiting order, the depot implicit at both ends.
 * Empty routes are dropped.
 */
public record Solution(List<List<Integer>> routes) {

    public Solution {
        List<List<Integer>> copy = new ArrayList<>();
        for (List<Integer> r : routes) {
            if (!r.isEmpty()) {
                copy.add(List.copyOf(r));
            }
        }
        routes = List.copyOf(copy);
    }

    /** The number of vehicles used (non-empty routes). */
    public int vehicles() {
        return routes.size();
    }

    /** Route {@code k} as {@code Route #k+1: c1 c2 ...} lines, the CVRPLIB .sol layout without the cost line. */
    public String toSolText() {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < routes.size(); k++) {
            sb.append("Route #").append(k + 1).append(':');
            for (int c : routes.get(k)) {
                sb.append(' ').append(c);
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
