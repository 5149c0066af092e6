package org.plantwin.actors.api;

import java.util.List;

/**
 * Decides what a free truck at a depot takes on its next trip. Built-in rules (first-come first-served, nearest
 * customer, full truckload) implement it, and planners plug in their own through it. It is called inside the
 * warehouse's logical process, in simulated time: it must be deterministic and must not block.
 */
public interface DispatchPolicy {

    /**
     * The next trip: the shipments to load, in visiting order, each of them whole; their units must fit the truck.
     * An empty list means "wait": the policy is asked again when something changes, or at {@code recheckAtMillis}
     * if that is later than now. A truck's load is limited by units ({@code capacity}) and by volume
     * ({@code volumeCapacity}, infinite where the fleet sets none).
     */
    Decision decide(View view);

    /**
     * Marks a fleet whose trips an agent chooses step by step ({@link SteppedRun}): the run stops at each free truck
     * with shipments waiting ({@link DecisionPoint.Dispatch}). Not callable.
     */
    DispatchPolicy AGENT = view -> {
        throw new IllegalStateException("DispatchPolicy.AGENT decides through a SteppedRun, not by decide().");
    };

    /** A shipment waiting at the depot: units for one customer order (a large order may be split in several). */
    record Shipment(long id, String customer, double x, double y, int units, long readyMillis, long dueMillis,
                    double volume) {
        /** A shipment whose volume is its number of units (products of volume 1). */
        public Shipment(long id, String customer, double x, double y, int units, long readyMillis, long dueMillis) {
            this(id, customer, x, y, units, readyMillis, dueMillis, units);
        }
    }

    /**
     * What the policy sees: the time, the depot (coordinates in km), the fleet (capacity in units, free and total
     * trucks, speed, loading time per trip and unloading time per stop) and the waiting shipments, oldest first.
     * Distances between coordinates are Euclidean; a scenario with a road matrix drives the matrix distances.
     * Also: the daily shift (times of day, -1 when none), the coefficient of variation of travel-time noise, and
     * when each busy truck is due back (ascending).
     */
    record View(long nowMillis, String fleet, double depotX, double depotY, int capacity, int freeTrucks,
                int trucks, double speedKmPerHour, long loadMillis, long unloadMillis, List<Shipment> waiting,
                double volumeCapacity, long shiftStartMillis, long shiftEndMillis, double travelNoiseCv,
                List<Long> trucksBackMillis) {
        public View {
            waiting = List.copyOf(waiting);
            trucksBackMillis = List.copyOf(trucksBackMillis);
        }

        /** A view of a fleet limited by units only, without shift, noise or busy trucks. */
        public View(long nowMillis, String fleet, double depotX, double depotY, int capacity, int freeTrucks,
                    int trucks, double speedKmPerHour, long loadMillis, long unloadMillis, List<Shipment> waiting) {
            this(nowMillis, fleet, depotX, depotY, capacity, freeTrucks, trucks, speedKmPerHour, loadMillis,
                    unloadMillis, waiting, Double.POSITIVE_INFINITY, -1, -1, 0, List.of());
        }

        /** Whether the fleet has a daily shift ({@code shiftStartMillis}, {@code shiftEndMillis}: time of day). */
        public boolean hasShift() {
            return shiftStartMillis >= 0;
        }

        /** Whether shipments of these totals fit one truck (units and volume). */
        public boolean fits(int units, double volume) {
            return units <= capacity && volume <= volumeCapacity + 1e-9;
        }
    }

    /** The policy's answer. */
    record Decision(List<Long> shipmentIds, long recheckAtMillis) {
        public Decision {
            shipmentIds = List.copyOf(shipmentIds);
        }

        public static Decision load(List<Long> ids) {
            return new Decision(ids, -1);
        }

        public static Decision waitUntil(long atMillis) {
            return new Decision(List.of(), atMillis);
        }
    }
}
