package org.plantwin.planners.dispatch.api;

/**
 * How an arc's length is derived from two coordinates; one instance uses exactly one convention.
 *
 * <p>Travel time equals the arc length under the same convention, so cost and feasibility are
 * always judged with the same numbers (the published tables do the same).
 */
public enum DistanceConvention {
    /** Double-precision Euclidean: the hierarchical (SINTEF, heuristics) convention for Solomon. */
    EUCLIDEAN,
    /** Euclidean truncated to one decimal, {@code floor(10 d) / 10}: the CVRPLIB exact-methods convention. */
    EUCLIDEAN_TRUNCATED_ONE_DECIMAL,
    /** TSPLIB EUC_2D: Euclidean rounded to the nearest integer, {@code (int) (d + 0.5)}. */
    EUCLIDEAN_NINT,
    /** Lengths given as a matrix; nothing is derived from coordinates. */
    EXPLICIT;

    /** The arc length for the offsets {@code dx, dy} under this convention. */
    public double arc(double dx, double dy) {
        double d = Math.sqrt(dx * dx + dy * dy);
        switch (this) {
            case EUCLIDEAN:
                return d;
            case EUCLIDEAN_TRUNCATED_ONE_DECIMAL:
                // The small epsilon keeps values such as 0.3 (stored as 0.29999...) from dropping a tenth.
                return Math.floor(10.0 * d + 1e-9) / 10.0;
            case EUCLIDEAN_NINT:
                return (int) (d + 0.5);
            default:
                throw new IllegalStateException("The convention (" + this + ") has no formula; lengths come from a matrix.");
        }
    }
}
