package org.plantwin.planners.dispatch.twin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.plantwin.actors.api.DispatchPolicy;
import org.plantwin.planners.dispatch.api.Objective;
import org.plantwin.planners.dispatch.api.RoutingInstance;
import org.plantwin.planners.dispatch.api.RoutingSolver;
import org.plantwin.planners.dispatch.api.Site;
import org.plantwin.planners.dispatch.api.SolverOptions;
import org.plantwin.planners.dispatch.api.SolverResult;

/**
 * A rolling-horizon truck dispatcher for the twin: at every decision it plans all waiting shipments as a VRPTW
 * with {@link RoutingSolver} and sends the most urgent planned route that is worth sending now, or waits.
 *
 * <p>Each decision builds a fresh instance, so the plan follows new orders, late returns and travel-time noise
 * as they happen (the twin asks again whenever a shipment arrives or a truck comes back):
 * <ul>
 *   <li>Nodes: the waiting shipments of one customer, packed in due order into truck-sized groups (a group is
 *       one node; its service time is one unloading per shipment, as the twin charges).</li>
 *   <li>Time is in minutes from now; travel time = Euclidean km / speed, times {@link Options#travelSafety()}
 *       (margin for the twin's travel-time noise). A node must be reached by its earliest due time less the
 *       loading time and its own unloading; a window that can no longer be met is widened to the direct trip,
 *       so the instance is always feasible (the route is then simply urgent).</li>
 *   <li>Objective: hierarchical (fewest routes, then distance), on a deterministic iteration budget.</li>
 * </ul>
 * A planned route is sent now when one of these holds, and among those the one with the least slack goes first:
 * it is loaded to at least {@link Options#minLoadFraction()} of capacity; its oldest shipment has waited
 * {@link Options#maxHoldMillis()}; or its slack (how much later it could leave and still be on time) is down
 * to {@link Options#reserveMillis()}, counting only departure times inside the shift when one is given. Otherwise
 * the dispatcher waits until the first of these moments (consolidation: small loads wait for more orders).
 *
 * <p>It is stateless and deterministic: the solver's seed comes from the view (time and shipment ids), there is
 * no wall clock and no thread, so one instance may serve many runs. Loads never exceed the capacity.
 */
public final class RoutingDispatcher implements DispatchPolicy {

    private static final long MS_PER_MINUTE = 60_000L;
    private static final long MS_PER_DAY = 86_400_000L;

    /**
     * Settings of the dispatcher.
     *
     * @param iterations       HGS offspring per decision (the deterministic budget)
     * @param minLoadFraction  a route this full (share of capacity) leaves at once
     * @param maxHoldMillis    a route leaves once its oldest shipment has waited this long
     * @param reserveMillis    a route leaves once its slack is down to this (margin for noise and busy trucks)
     * @param travelSafety     factor on planned travel times (the twin's travel times are noisy)
     * @param shiftStartMillis time of day trucks may start leaving; -1 for no shift
     * @param shiftEndMillis   time of day after which trucks may not leave; -1 for no shift
     * @param seed             mixed into the per-decision solver seed
     */
    public record Options(long iterations, double minLoadFraction, long maxHoldMillis, long reserveMillis,
                          double travelSafety, long shiftStartMillis, long shiftEndMillis, long seed) {

        public Options {
            if (iterations < 1) {
                throw new IllegalArgumentException("The iterations (" + iterations + ") must be >= 1.");
            }
            if (!(minLoadFraction > 0 && minLoadFraction <= 1)) {
                throw new IllegalArgumentException("The minLoadFraction (" + minLoadFraction + ") must be in (0, 1].");
            }
            if (maxHoldMillis < 0) {
                throw new IllegalArgumentException("The maxHoldMillis (" + maxHoldMillis + ") must be >= 0.");
            }
            if (reserveMillis < 0) {
                throw new IllegalArgumentException("The reserveMillis (" + reserveMillis + ") must be >= 0.");
            }
            if (!(travelSafety >= 1)) {
                throw new IllegalArgumentException("The travelSafety (" + travelSafety + ") must be >= 1.");
            }
            boolean noShift = shiftStartMillis == -1 && shiftEndMillis == -1;
            boolean shift = shiftStartMillis >= 0 && shiftEndMillis > shiftStartMillis && shiftEndMillis <= MS_PER_DAY;
            if (!noShift && !shift) {
                throw new IllegalArgumentException("The shift [" + shiftStartMillis + ", " + shiftEndMillis
                        + ") ms of day must satisfy 0 <= start < end <= 86400000, or be -1, -1 for none.");
            }
        }

        /** 40 iterations, 75 % load, 4 h hold, 6 h reserve, travel times x 1.3, no shift, seed 0. */
        public static Options defaults() {
            return new Options(40, 0.75, 4 * 3_600_000L, 6 * 3_600_000L, 1.3, -1, -1, 0);
        }

        public Options withIterations(long n) {
            return new Options(n, minLoadFraction, maxHoldMillis, reserveMillis, travelSafety, shiftStartMillis,
                    shiftEndMillis, seed);
        }

        public Options withMinLoadFraction(double f) {
            return new Options(iterations, f, maxHoldMillis, reserveMillis, travelSafety, shiftStartMillis,
                    shiftEndMillis, seed);
        }

        public Options withMaxHoldMillis(long ms) {
            return new Options(iterations, minLoadFraction, ms, reserveMillis, travelSafety, shiftStartMillis,
                    shiftEndMillis, seed);
        }

        public Options withReserveMillis(long ms) {
            return new Options(iterations, minLoadFraction, maxHoldMillis, ms, travelSafety, shiftStartMillis,
                    shiftEndMillis, seed);
        }

        /** The fleet's daily departure window (the view does not carry it; see the README's gaps). */
        public Options withShift(long startMillisOfDay, long endMillisOfDay) {
            return new Options(iterations, minLoadFraction, maxHoldMillis, reserveMillis, travelSafety,
                    startMillisOfDay, endMillisOfDay, seed);
        }

        public Options withSeed(long s) {
            return new Options(iterations, minLoadFraction, maxHoldMillis, reserveMillis, travelSafety,
                    shiftStartMillis, shiftEndMillis, s);
        }
    }

    /** Why a route was sent. */
    public enum Reason { FULL, HELD_LONG, URGENT }

    /**
     * One planned route: shipment ids in visiting order, units, slack in ms (negative: late even if it left now),
     * the time it is due to leave at the latest (after reserve and shift), and the oldest ready time.
     */
    public record PlannedRoute(List<Long> shipmentIds, int units, long slackMillis, long leaveByMillis,
                               long oldestReadyMillis) {
        public PlannedRoute {
            shipmentIds = List.copyOf(shipmentIds);
        }
    }

    /** A decision with the plan behind it (for tests and reports). */
    public record Plan(List<PlannedRoute> routes, Decision decision, Reason reason) {
        public Plan {
            routes = List.copyOf(routes);
        }
    }

    private final Options options;

    private RoutingDispatcher(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public static RoutingDispatcher create(Options options) {
        return new RoutingDispatcher(options);
    }

    public Options options() {
        return options;
    }

    @Override
    public Decision decide(View view) {
        return plan(view).decision();
    }

    /** Plans every waiting shipment and picks the route to send now, or the time to look again. */
    public Plan plan(View view) {
        Objects.requireNonNull(view, "view");
        if (view.waiting().isEmpty()) {
            return new Plan(List.of(), Decision.waitUntil(-1), null);
        }
        List<Node> nodes = nodes(view);
        List<List<Integer>> routes = solve(view, nodes);
        List<PlannedRoute> planned = new ArrayList<>();
        for (List<Integer> r : routes) {
            planned.add(evaluate(view, nodes, r));
        }
        PlannedRoute chosen = null;
        Reason chosenReason = null;
        long recheck = Long.MAX_VALUE;
        for (PlannedRoute r : planned) {
            Reason reason = reasonToGo(view, r);
            if (reason != null) {
                if (chosen == null || r.slackMillis() < chosen.slackMillis()
                        || r.slackMillis() == chosen.slackMillis() && r.units() > chosen.units()) {
                    chosen = r;
                    chosenReason = reason;
                }
            } else {
                recheck = Math.min(recheck, Math.min(r.leaveByMillis(), r.oldestReadyMillis() + options.maxHoldMillis()));
            }
        }
        if (chosen != null) {
            return new Plan(planned, Decision.load(chosen.shipmentIds()), chosenReason);
        }
        return new Plan(planned, Decision.waitUntil(Math.max(view.nowMillis() + 1, recheck)), null);
    }

    private Reason reasonToGo(View view, PlannedRoute r) {
        if (r.units() >= options.minLoadFraction() * view.capacity()) {
            return Reason.FULL;
        }
        if (view.nowMillis() >= r.leaveByMillis()) {
            return Reason.URGENT;
        }
        if (view.nowMillis() >= r.oldestReadyMillis() + options.maxHoldMillis()) {
            return Reason.HELD_LONG;
        }
        return null;
    }

    /** A node of the instance: shipments of one customer that fit on one truck, in due order. */
    private record Node(double x, double y, List<Shipment> shipments, int units, long dueMillis, long readyMillis) {
    }

    private List<Node> nodes(View view) {
        Map<String, List<Shipment>> byCustomer = new LinkedHashMap<>();
        for (Shipment s : view.waiting()) {
            if (s.units() > view.capacity()) {
                throw new IllegalArgumentException("The shipment (" + s.id() + ") of " + s.units()
                        + " units exceeds the capacity (" + view.capacity() + ") of fleet (" + view.fleet() + ").");
            }
            byCustomer.computeIfAbsent(s.customer(), k -> new ArrayList<>()).add(s);
        }
        List<Node> nodes = new ArrayList<>();
        for (List<Shipment> group : byCustomer.values()) {
            List<Shipment> sorted = new ArrayList<>(group);
            sorted.sort(Comparator.comparingLong(Shipment::dueMillis).thenComparingLong(Shipment::id));
            // Next fit in due order: the most urgent shipments of a customer travel together.
            List<Shipment> cur = new ArrayList<>();
            int units = 0;
            for (Shipment s : sorted) {
                if (units + s.units() > view.capacity()) {
                    nodes.add(node(cur, units));
                    cur = new ArrayList<>();
                    units = 0;
                }
                cur.add(s);
                units += s.units();
            }
            nodes.add(node(cur, units));
        }
        return nodes;
    }

    private static Node node(List<Shipment> shipments, int units) {
        long due = Long.MAX_VALUE;
        long ready = Long.MAX_VALUE;
        for (Shipment s : shipments) {
            due = Math.min(due, s.dueMillis());
            ready = Math.min(ready, s.readyMillis());
        }
        Shipment first = shipments.get(0);
        return new Node(first.x(), first.y(), List.copyOf(shipments), units, due, ready);
    }

    /** Planned driving minutes between two points, with the safety factor. */
    private double minutes(View view, double x1, double y1, double x2, double y2) {
        return Math.hypot(x1 - x2, y1 - y2) / view.speedKmPerHour() * 60.0 * options.travelSafety();
    }

    /** Latest start of service at a node, in minutes from now (may be negative when already too late). */
    private static double latestStartMinutes(View view, Node n) {
        long ms = n.dueMillis() - view.nowMillis() - view.loadMillis() - n.shipments().size() * view.unloadMillis();
        return ms / (double) MS_PER_MINUTE;
    }

    /** Routes as lists of node indices (0-based), from the solver; one node needs no solver. */
    private List<List<Integer>> solve(View view, List<Node> nodes) {
        int n = nodes.size();
        if (n == 1) {
            return List.of(List.of(0));
        }
        double[][] t = new double[n + 1][n + 1];
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= n; j++) {
                double xi = i == 0 ? view.depotX() : nodes.get(i - 1).x();
                double yi = i == 0 ? view.depotY() : nodes.get(i - 1).y();
                double xj = j == 0 ? view.depotX() : nodes.get(j - 1).x();
                double yj = j == 0 ? view.depotY() : nodes.get(j - 1).y();
                t[i][j] = i == j ? 0 : minutes(view, xi, yi, xj, yj);
            }
        }
        List<Site> sites = new ArrayList<>();
        sites.add(new Site(view.depotX(), view.depotY(), 0, 0, Double.POSITIVE_INFINITY, 0));
        for (int i = 1; i <= n; i++) {
            Node node = nodes.get(i - 1);
            // Widened to the direct trip when it can no longer be met, so that the instance stays feasible.
            double due = Math.max(latestStartMinutes(view, node), t[0][i]);
            double service = node.shipments().size() * view.unloadMillis() / (double) MS_PER_MINUTE;
            sites.add(new Site(node.x(), node.y(), node.units(), 0, due, service));
        }
        RoutingInstance instance = RoutingInstance.fromMatrix(view.fleet() + "@" + view.nowMillis(), view.capacity(),
                n, sites, t);
        SolverResult result = RoutingSolver.solve(instance, Objective.HIERARCHICAL,
                SolverOptions.iterations(seed(view), options.iterations()));
        List<List<Integer>> routes = new ArrayList<>();
        if (!result.report().feasible()) {
            // Cannot happen with widened windows and a route per node; still never send an unchecked load.
            for (int i = 0; i < n; i++) {
                routes.add(List.of(i));
            }
            return routes;
        }
        for (List<Integer> r : result.solution().routes()) {
            if (r.isEmpty()) {
                continue;
            }
            List<Integer> route = new ArrayList<>();
            for (int c : r) {
                route.add(c - 1);
            }
            routes.add(route);
        }
        return routes;
    }

    private long seed(View view) {
        long h = options.seed() * 0x9E3779B97F4A7C15L + view.nowMillis();
        for (Shipment s : view.waiting()) {
            h = h * 31 + s.id();
        }
        return h ^ (h >>> 29);
    }

    private PlannedRoute evaluate(View view, List<Node> nodes, List<Integer> route) {
        List<Long> ids = new ArrayList<>();
        int units = 0;
        long oldest = Long.MAX_VALUE;
        double clock = 0;
        double slack = Double.POSITIVE_INFINITY;
        double x = view.depotX();
        double y = view.depotY();
        for (int i : route) {
            Node n = nodes.get(i);
            clock += minutes(view, x, y, n.x(), n.y());
            slack = Math.min(slack, latestStartMinutes(view, n) - clock);
            clock += n.shipments().size() * view.unloadMillis() / (double) MS_PER_MINUTE;
            x = n.x();
            y = n.y();
            for (Shipment s : n.shipments()) {
                ids.add(s.id());
            }
            units += n.units();
            oldest = Math.min(oldest, n.readyMillis());
        }
        if (units > view.capacity()) {
            throw new IllegalStateException("The planned route " + ids + " carries " + units
                    + " units, over the capacity (" + view.capacity() + ") of fleet (" + view.fleet() + ").");
        }
        long slackMillis = (long) Math.floor(slack * MS_PER_MINUTE);
        long leaveBy = lastDepartureAtOrBefore(view.nowMillis() + slackMillis - options.reserveMillis());
        return new PlannedRoute(ids, units, slackMillis, leaveBy, oldest);
    }

    /** The latest moment at or before {@code t} inside the shift (t itself when there is no shift). */
    long lastDepartureAtOrBefore(long t) {
        if (options.shiftStartMillis() < 0) {
            return t;
        }
        long day = Math.floorDiv(t, MS_PER_DAY) * MS_PER_DAY;
        long tod = t - day;
        if (tod >= options.shiftStartMillis() && tod < options.shiftEndMillis()) {
            return t;
        }
        // Before today's shift: the end of yesterday's; after it: the end of today's (1 ms before closing).
        return tod < options.shiftStartMillis() ? day - MS_PER_DAY + options.shiftEndMillis() - 1
                : day + options.shiftEndMillis() - 1;
    }
}
