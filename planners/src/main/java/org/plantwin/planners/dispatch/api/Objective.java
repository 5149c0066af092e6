package org.plantwin.planners.dispatch.api;

/**
 * What a solver minimises. Results under different objectives are never compared.
 */
public enum Objective {
    /** First the number of vehicles, then the total distance (SINTEF table for Solomon). */
    HIERARCHICAL,
    /** Total distance only; the number of vehicles is free up to the fleet size (CVRPLIB, CVRP). */
    DISTANCE;

    /** Negative when {@code a} is strictly better than {@code b}. Distances within 1e-7 count as equal. */
    public int compare(int vehiclesA, double distanceA, int vehiclesB, double distanceB) {
        if (this == HIERARCHICAL && vehiclesA != vehiclesB) {
            return Integer.compare(vehiclesA, vehiclesB);
        }
        if (Math.abs(distanceA - distanceB) <= 1e-7) {
            return 0;
        }
        return Double.compare(distanceA, distanceB);
    }
}
