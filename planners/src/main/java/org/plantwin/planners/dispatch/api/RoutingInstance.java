package org.plantwin.planners.dispatch.api;

import java.util.List;
import java.util.Objects;

/**
 * A single-depot routing instance with a homogeneous fleet: CVRP, or VRPTW when sites carry windows.
 *
 * <p>Index 0 is the depot, 1..n are the customers. Arc lengths are computed once, under one
 * {@link DistanceConvention}, and travel time equals arc length.
 */
public final class RoutingInstance {

    private final String name;
    private final int capacity;
    private final int vehicleCount;
    private final List<Site> sites;
    private final DistanceConvention convention;
    private final double[][] distance;
    private final boolean timeWindows;

    private RoutingInstance(String name, int capacity, int vehicleCount, List<Site> sites,
                            DistanceConvention convention, double[][] distance) {
        this.name = Objects.requireNonNull(name, "name");
        if (capacity <= 0) {
            throw new IllegalArgumentException("The capacity (" + capacity + ") of instance (" + name + ") must be > 0.");
        }
        if (vehicleCount <= 0) {
            throw new IllegalArgumentException(
                    "The vehicleCount (" + vehicleCount + ") of instance (" + name + ") must be > 0.");
        }
        if (sites.size() < 2) {
            throw new IllegalArgumentException(
                    "The instance (" + name + ") needs a depot and at least one customer, got " + sites.size() + " sites.");
        }
        for (int i = 1; i < sites.size(); i++) {
            if (sites.get(i).demand() > capacity) {
                throw new IllegalArgumentException("The demand (" + sites.get(i).demand() + ") of customer (" + i
                        + ") exceeds the capacity (" + capacity + ") of instance (" + name + ").");
            }
        }
        this.capacity = capacity;
        this.vehicleCount = vehicleCount;
        this.sites = List.copyOf(sites);
        this.convention = Objects.requireNonNull(convention, "convention");
        this.distance = distance;
        this.timeWindows = this.sites.stream()
                .anyMatch(s -> s.readyTime() > 0 || s.dueTime() != Double.POSITIVE_INFINITY || s.serviceTime() > 0);
    }

    /** An instance whose arc lengths come from the coordinates under {@code convention}. */
    public static RoutingInstance fromCoordinates(String name, int capacity, int vehicleCount, List<Site> sites,
                                                  DistanceConvention convention) {
        if (convention == DistanceConvention.EXPLICIT) {
            throw new IllegalArgumentException("The convention (EXPLICIT) needs a matrix; use fromMatrix.");
        }
        int n = sites.size();
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = i == j ? 0.0 : convention.arc(sites.get(i).x() - sites.get(j).x(), sites.get(i).y() - sites.get(j).y());
            }
        }
        return new RoutingInstance(name, capacity, vehicleCount, sites, convention, d);
    }

    /** An instance whose arc lengths (and travel times) are given by {@code matrix[from][to]}. */
    public static RoutingInstance fromMatrix(String name, int capacity, int vehicleCount, List<Site> sites,
                                             double[][] matrix) {
        int n = sites.size();
        if (matrix.length != n) {
            throw new IllegalArgumentException("The matrix has " + matrix.length + " rows but there are " + n + " sites.");
        }
        double[][] d = new double[n][];
        for (int i = 0; i < n; i++) {
            if (matrix[i].length != n) {
                throw new IllegalArgumentException("Row (" + i + ") of the matrix has " + matrix[i].length
                        + " entries but there are " + n + " sites.");
            }
            d[i] = matrix[i].clone();
        }
        return new RoutingInstance(name, capacity, vehicleCount, sites, DistanceConvention.EXPLICIT, d);
    }

    /** The same sites and fleet with arc lengths recomputed under another convention. */
    public RoutingInstance withConvention(DistanceConvention other) {
        return fromCoordinates(name, capacity, vehicleCount, sites, other);
    }

    public String name() {
        return name;
    }

    public int capacity() {
        return capacity;
    }

    /** The fleet size: the most routes a solution may use. */
    public int vehicleCount() {
        return vehicleCount;
    }

    /** The number of customers, n; sites are indexed 0..n. */
    public int customerCount() {
        return sites.size() - 1;
    }

    public Site site(int index) {
        return sites.get(index);
    }

    public List<Site> sites() {
        return sites;
    }

    public DistanceConvention convention() {
        return convention;
    }

    /** Arc length, which is also the travel time, from {@code from} to {@code to}. */
    public double distance(int from, int to) {
        return distance[from][to];
    }

    /** True when some site has a ready time, a finite due time or a service time. */
    public boolean hasTimeWindows() {
        return timeWindows;
    }

    /** The total demand of all customers. */
    public long totalDemand() {
        long sum = 0;
        for (Site s : sites) {
            sum += s.demand();
        }
        return sum;
    }

    @Override
    public String toString() {
        return "RoutingInstance[" + name + ", n=" + customerCount() + ", Q=" + capacity + ", fleet=" + vehicleCount
                + ", " + convention + "]";
    }
}
