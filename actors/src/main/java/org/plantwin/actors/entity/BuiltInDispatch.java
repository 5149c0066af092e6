package org.plantwin.actors.entity;

import java.util.ArrayList;
import java.util.List;
import org.plantwin.actors.api.DispatchPolicy;
import org.plantwin.scenarios.model.Fleet;

/** The dispatch rules a scenario can name: first-come first-served, nearest customer, full truckload. */
public final class BuiltInDispatch {

    private BuiltInDispatch() {
    }

    /** The policy for a fleet's rule. */
    public static DispatchPolicy of(Fleet.DispatchRule rule, long maxWaitMillis) {
        return switch (rule) {
            case FCFS -> BuiltInDispatch::firstComeFirstServed;
            case NEAREST -> v -> DispatchPolicy.Decision.load(ids(nearest(v)));
            case FULL_TRUCKLOAD -> v -> fullTruckload(v, maxWaitMillis);
        };
    }

    /** Oldest first, every shipment that still fits. */
    static DispatchPolicy.Decision firstComeFirstServed(DispatchPolicy.View v) {
        List<Long> load = new ArrayList<>();
        int units = 0;
        double volume = 0;
        for (DispatchPolicy.Shipment s : v.waiting()) {
            if (v.fits(units + s.units(), volume + s.volume())) {
                load.add(s.id());
                units += s.units();
                volume += s.volume();
            }
        }
        return DispatchPolicy.Decision.load(load);
    }

    /** The oldest shipment, then repeatedly the nearest one to the last stop that still fits (ties: oldest). */
    static List<DispatchPolicy.Shipment> nearest(DispatchPolicy.View v) {
        List<DispatchPolicy.Shipment> left = new ArrayList<>(v.waiting());
        List<DispatchPolicy.Shipment> load = new ArrayList<>();
        if (left.isEmpty()) {
            return load;
        }
        DispatchPolicy.Shipment cur = left.remove(0);
        load.add(cur);
        int units = cur.units();
        double volume = cur.volume();
        for (;;) {
            DispatchPolicy.Shipment best = null;
            double bestD = Double.MAX_VALUE;
            for (DispatchPolicy.Shipment s : left) {
                double d = Math.hypot(s.x() - cur.x(), s.y() - cur.y());
                if (v.fits(units + s.units(), volume + s.volume()) && d < bestD) {
                    best = s;
                    bestD = d;
                }
            }
            if (best == null) {
                return load;
            }
            left.remove(best);
            load.add(best);
            units += best.units();
            volume += best.volume();
            cur = best;
        }
    }

    /** Nearest-customer loads, but wait for a full truck until the oldest shipment has waited maxWait. */
    static DispatchPolicy.Decision fullTruckload(DispatchPolicy.View v, long maxWaitMillis) {
        List<DispatchPolicy.Shipment> load = nearest(v);
        int units = load.stream().mapToInt(DispatchPolicy.Shipment::units).sum();
        double volume = load.stream().mapToDouble(DispatchPolicy.Shipment::volume).sum();
        long deadline = v.waiting().get(0).readyMillis() + maxWaitMillis;
        boolean full = units >= v.capacity() || volume >= v.volumeCapacity() - 1e-9;
        if (!full && v.nowMillis() < deadline) {
            return DispatchPolicy.Decision.waitUntil(deadline);
        }
        return DispatchPolicy.Decision.load(ids(load));
    }

    private static List<Long> ids(List<DispatchPolicy.Shipment> load) {
        return load.stream().map(DispatchPolicy.Shipment::id).toList();
    }
}
