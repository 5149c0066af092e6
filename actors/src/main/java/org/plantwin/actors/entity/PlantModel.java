package org.plantwin.actors.entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.plantwin.scenarios.model.Line;
import org.plantwin.scenarios.model.Machine;
import org.plantwin.scenarios.model.MachineGroup;
import org.plantwin.scenarios.model.Product;
import org.plantwin.scenarios.model.QueueDiscipline;
import org.plantwin.scenarios.model.RoutingStep;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.Sink;
import org.plantwin.scenarios.model.Station;
import org.plantwin.scenarios.model.TimeSpan;

/**
 * A validated scenario compiled to indices: products, resources (lines and machine groups), sinks, and how they
 * map onto logical processes. One LP per resource (it owns its stations, buffers, machines and the sources that
 * feed it), then one LP per sink. Immutable after construction.
 */
public final class PlantModel {

    /** A line or a machine group (a one-station line with an unbounded queue). */
    public record ResourceSpec(String id, String kind, List<StationSpec> stations, QueueDiscipline discipline,
                               List<org.plantwin.scenarios.model.MaterialStock> materials) {
    }

    /** A station: its machines and its buffer capacity (Integer.MAX_VALUE when unbounded). */
    public record StationSpec(String id, List<Machine> machines, int capacity, boolean unbounded,
                              org.plantwin.scenarios.model.Inspection inspection) {
    }

    public final Scenario scenario;
    public final long horizonMillis;
    public final long warmupMillis;
    public final long seed;
    public final List<String> productIds;
    /** routing[product][step] = resource index. */
    public final int[][] routing;
    /** transferMillis[product][step] = delay into that step; [product][routing length] = delay into the sink. */
    public final long[][] transferMillis;
    public final int[] sinkOfProduct;
    public final List<ResourceSpec> resources;
    public final List<Sink> sinks;
    /** sourcesOf.get(resource) = indices into scenario.sources() hosted by that resource. */
    public final List<List<Integer>> sourcesOf;
    /** lookahead.get(from).get(to) = smallest delay of any message from LP {@code from} to LP {@code to}. */
    public final List<TreeMap<Integer, Long>> links;

    /** Sites by id: {x, y} in km. */
    public final Map<String, double[]> sites = new HashMap<>();
    public final List<org.plantwin.scenarios.model.Warehouse> warehouses;
    public final List<org.plantwin.scenarios.model.Supplier> suppliers;
    public final List<org.plantwin.scenarios.model.Customer> customers;
    /** finalLp[product] = LP its finished parts go to (a sink or a warehouse). */
    public final int[] finalLp;
    /**
     * stepMaterials[product][step] = pairs (material index in the step's resource, units) a part consumes when it
     * enters that step's resource; empty when none.
     */
    public final int[][][] stepMaterials;
    /**
     * remainingWorkMillis[product][step] = mean processing time of the steps from {@code step} on, each resource
     * counted at the first machine of each of its stations that knows the product (a planning figure, as MWKR uses).
     */
    public final double[][] remainingWorkMillis;

    /** Length of the batches of the plant series, 0 for none. */
    public long batchMillis;
    /** Operations to record per resource, 0 for none. */
    public int operationTraceLimit;
    /** Period of the demand history, 0 for no history (demand and failure draws are then not recorded). */
    public long historyMillis;

    public PlantModel(Scenario s, long seed, long horizonMillis) {
        this.scenario = s;
        this.seed = seed;
        this.horizonMillis = horizonMillis;
        this.warmupMillis = Math.min(s.warmup().toMillis(), horizonMillis);
        Map<String, Machine> machines = new HashMap<>();
        for (Machine m : s.machines()) {
            machines.put(m.id(), m);
        }
        List<ResourceSpec> res = new ArrayList<>();
        for (Line line : s.lines()) {
            List<StationSpec> st = new ArrayList<>();
            for (Station station : line.stations()) {
                st.add(new StationSpec(station.id(), station.machines().stream().map(machines::get).toList(),
                        station.buffer() == null ? Integer.MAX_VALUE : station.buffer(), station.buffer() == null,
                        station.inspection()));
            }
            res.add(new ResourceSpec(line.id(), "line", List.copyOf(st), line.queue(), line.materials()));
        }
        for (MachineGroup g : s.machineGroups()) {
            res.add(new ResourceSpec(g.id(), "machineGroup", List.of(new StationSpec(g.id(),
                    g.machines().stream().map(machines::get).toList(), Integer.MAX_VALUE, true, null)), g.queue(),
                    g.materials()));
        }
        this.resources = List.copyOf(res);
        Map<String, Integer> resIndex = new HashMap<>();
        for (int i = 0; i < res.size(); i++) {
            resIndex.put(res.get(i).id(), i);
        }
        this.sinks = s.sinks();
        Map<String, Integer> sinkIndex = new HashMap<>();
        for (int i = 0; i < sinks.size(); i++) {
            sinkIndex.put(sinks.get(i).id(), i);
        }
        int np = s.products().size();
        productIds = s.products().stream().map(Product::id).toList();
        routing = new int[np][];
        transferMillis = new long[np][];
        sinkOfProduct = new int[np];
        long defaultTransfer = s.transferTime().toMillis();
        for (int p = 0; p < np; p++) {
            Product prod = s.products().get(p);
            List<RoutingStep> steps = prod.routing();
            routing[p] = new int[steps.size()];
            transferMillis[p] = new long[steps.size() + 1];
            for (int k = 0; k < steps.size(); k++) {
                routing[p][k] = resIndex.get(steps.get(k).at());
                TimeSpan t = steps.get(k).transferTime();
                transferMillis[p][k] = t == null ? (k == 0 ? 0 : defaultTransfer) : t.toMillis();
            }
            transferMillis[p][steps.size()] = defaultTransfer;
            sinkOfProduct[p] = prod.sink() == null || !sinkIndex.containsKey(prod.sink()) ? 0 : sinkIndex.get(prod.sink());
        }
        this.warehouses = s.warehouses();
        this.suppliers = s.suppliers();
        this.customers = s.customers();
        for (var site : s.sites()) {
            sites.put(site.id(), new double[] {site.x(), site.y()});
        }
        finalLp = new int[np];
        for (int p = 0; p < np; p++) {
            String dest = s.products().get(p).sink();
            int w = dest == null ? -1 : warehouseIndex(dest);
            finalLp[p] = w >= 0 ? warehouseLp(w) : sinkLp(sinkOfProduct[p]);
        }
        Map<String, Integer> productIndex = new HashMap<>();
        for (int p = 0; p < np; p++) {
            productIndex.put(productIds.get(p), p);
        }
        List<List<Integer>> hosted = new ArrayList<>();
        for (int i = 0; i < res.size(); i++) {
            hosted.add(new ArrayList<>());
        }
        for (int i = 0; i < s.sources().size(); i++) {
            var src = s.sources().get(i);
            String first = src.product() != null ? src.product()
                    : !src.mix().isEmpty() ? src.mix().keySet().iterator().next()
                    : src.orders().get(0).product();
            hosted.get(routing[productIndex.get(first)][0]).add(i);
        }
        this.sourcesOf = hosted.stream().map(List::copyOf).toList();
        stepMaterials = new int[np][][];
        for (int p = 0; p < np; p++) {
            List<RoutingStep> steps = s.products().get(p).routing();
            stepMaterials[p] = new int[steps.size()][];
            for (int k = 0; k < steps.size(); k++) {
                var mats = res.get(routing[p][k]).materials();
                List<int[]> need = new ArrayList<>();
                steps.get(k).materials().forEach((material, units) -> {
                    for (int m = 0; m < mats.size(); m++) {
                        if (mats.get(m).material().equals(material)) {
                            need.add(new int[] {m, units});
                        }
                    }
                });
                stepMaterials[p][k] = need.stream().flatMapToInt(java.util.Arrays::stream).toArray();
            }
        }
        remainingWorkMillis = new double[np][];
        for (int p = 0; p < np; p++) {
            int steps = routing[p].length;
            remainingWorkMillis[p] = new double[steps + 1];
            for (int k = steps - 1; k >= 0; k--) {
                double w = 0;
                for (StationSpec st : res.get(routing[p][k]).stations()) {
                    for (Machine m : st.machines()) {
                        var d = m.processTimeOf(productIds.get(p));
                        if (d != null) {
                            w += d.meanMillis();
                            break;
                        }
                    }
                }
                remainingWorkMillis[p][k] = remainingWorkMillis[p][k + 1] + w;
            }
        }
        // Links between LPs with their smallest delay: the lookahead the kernel may use.
        List<TreeMap<Integer, Long>> l = new ArrayList<>();
        for (int i = 0; i < lpCount(); i++) {
            l.add(new TreeMap<>());
        }
        for (int p = 0; p < np; p++) {
            for (int k = 1; k <= routing[p].length; k++) {
                int from = routing[p][k - 1];
                int to = k < routing[p].length ? routing[p][k] : finalLp[p];
                if (from != to) {
                    l.get(from).merge(to, transferMillis[p][k], Math::min);
                }
            }
        }
        for (int r = 0; r < res.size(); r++) {
            for (var m : res.get(r).materials()) {
                int sup = supplierIndex(m.supplier());
                l.get(r).merge(supplierLp(sup), 0L, Math::min);
                l.get(supplierLp(sup)).merge(r, (long) Math.floor(suppliers.get(sup).leadTime().minMillis()),
                        Math::min);
            }
        }
        for (int w = 0; w < warehouses.size(); w++) {
            var wh = warehouses.get(w);
            for (var item : wh.stock()) {
                if (org.plantwin.scenarios.model.StockItem.PRODUCTION.equals(item.replenishFrom())) {
                    l.get(warehouseLp(w)).merge(routing[productIndex(item.product())][0], 0L, Math::min);
                } else {
                    int sup = supplierIndex(item.replenishFrom());
                    l.get(warehouseLp(w)).merge(supplierLp(sup), 0L, Math::min);
                    l.get(supplierLp(sup)).merge(warehouseLp(w),
                            (long) Math.floor(suppliers.get(sup).leadTime().minMillis()), Math::min);
                }
            }
        }
        for (int c = 0; c < customers.size(); c++) {
            var cust = customers.get(c);
            int w = warehouseIndex(cust.warehouse());
            l.get(customerLp(c)).merge(warehouseLp(w), 0L, Math::min);
            l.get(warehouseLp(w)).merge(customerLp(c), minDeliveryMillis(w, c), Math::min);
        }
        this.links = l.stream().map(TreeMap::new).toList();
    }

    public int productIndex(String id) {
        int i = productIds.indexOf(id);
        if (i < 0) {
            throw new IllegalArgumentException("The product (" + id + ") is not in the scenario " + productIds + ".");
        }
        return i;
    }

    /** The routing step at which {@code product} visits resource {@code resource} (its first visit), or -1. */
    public int stepOf(int product, int resource) {
        for (int k = 0; k < routing[product].length; k++) {
            if (routing[product][k] == resource) {
                return k;
            }
        }
        return -1;
    }

    /**
     * A product that station {@code station} of {@code resource} can process: the first, in scenario order, routed
     * through the resource whose station has a processing time for it. Parts that a live twin adds to a buffer to
     * match a reported level are of this product.
     */
    public int productAtStation(int resource, int station) {
        StationSpec st = resources.get(resource).stations().get(station);
        for (int p = 0; p < productIds.size(); p++) {
            if (stepOf(p, resource) >= 0 && st.machines().get(0).processTimeOf(productIds.get(p)) != null) {
                return p;
            }
        }
        throw new IllegalArgumentException("No product of the scenario is processed at station ("
                + st.id() + ") of (" + resources.get(resource).id() + ").");
    }

    public int lpCount() {
        return resources.size() + sinks.size() + warehouses.size() + suppliers.size() + customers.size();
    }

    public int warehouseLp(int w) {
        return resources.size() + sinks.size() + w;
    }

    public int supplierLp(int k) {
        return resources.size() + sinks.size() + warehouses.size() + k;
    }

    public int customerLp(int c) {
        return resources.size() + sinks.size() + warehouses.size() + suppliers.size() + c;
    }

    public int warehouseIndex(String id) {
        for (int i = 0; i < warehouses.size(); i++) {
            if (warehouses.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    public int supplierIndex(String id) {
        for (int i = 0; i < suppliers.size(); i++) {
            if (suppliers.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("The supplier (" + id + ") is not in the scenario.");
    }

    /** Road distance in km: the matrix (either direction) where it has the pair, else Euclidean. */
    public double distanceKm(String fromSite, String toSite) {
        if (fromSite.equals(toSite)) {
            return 0;
        }
        var m = scenario.travel().matrix();
        Double d = m.containsKey(fromSite) ? m.get(fromSite).get(toSite) : null;
        if (d == null && m.containsKey(toSite)) {
            d = m.get(toSite).get(fromSite);
        }
        if (d != null) {
            return d;
        }
        double[] a = sites.get(fromSite);
        double[] b = sites.get(toSite);
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    /** Smallest factor the travel-time noise can draw (noise factors are clamped to [0.5, 3]). */
    public double minNoiseFactor() {
        return TravelFactors.min(List.of(), scenario.travel().noiseCv());
    }

    /** A lower bound of the time from a customer order's shipment decision to its delivery (the link's lookahead). */
    long minDeliveryMillis(int w, int c) {
        var wh = warehouses.get(w);
        var cust = customers.get(c);
        double km = distanceKm(wh.site(), cust.site());
        double best = Double.MAX_VALUE;
        boolean anyFleet = false;
        for (var f : scenario.fleets()) {
            if (f.depot().equals(wh.id())) {
                anyFleet = true;
                double speed = f.speedKmPerHour() != null ? f.speedKmPerHour() : scenario.travel().speedKmPerHour();
                // A replayed trace may hold factors below the noise's smallest: the lookahead must allow them.
                best = Math.min(best, f.loadTime().millis() + f.unloadTime().millis()
                        + TravelFactors.min(f.travelTrace(), scenario.travel().noiseCv()) * km / speed * 3_600_000.0);
            }
        }
        if (!anyFleet) {
            best = minNoiseFactor() * km / scenario.travel().speedKmPerHour() * 3_600_000.0;
        }
        return (long) Math.floor(best);
    }

    public int sinkLp(int sink) {
        return resources.size() + sink;
    }

    /** The smallest delay on any link, or 0 when there are none (the kernel's global lookahead, for reporting). */
    public long minLookahead() {
        long min = Long.MAX_VALUE;
        for (TreeMap<Integer, Long> m : links) {
            for (long v : m.values()) {
                min = Math.min(min, v);
            }
        }
        return min == Long.MAX_VALUE ? 0 : min;
    }
}
