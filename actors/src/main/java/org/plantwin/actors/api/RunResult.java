package org.plantwin.actors.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What a run measured, after warm-up deletion. Times are in minutes, rates per hour, fractions in [0, 1].
 * Lists are in scenario order, so the JSON form is byte-identical for the same scenario, seed and version.
 * {@code history} is null (and absent from the JSON) unless asked for with {@link RunOptions#withHistory}.
 */
public record RunResult(
        String scenario,
        long seed,
        int replication,
        String horizon,
        String warmup,
        double observedMinutes,
        PlantKpis plant,
        List<LineKpis> lines,
        List<StationKpis> stations,
        List<MachineKpis> machines,
        List<SourceKpis> sources,
        List<SinkKpis> sinks,
        SupplyChainKpis supplyChain,
        List<InventoryKpis> inventory,
        List<CustomerKpis> customers,
        List<FleetKpis> fleets,
        List<SupplierKpis> suppliers,
        List<MaterialKpis> materials,
        List<Batch> batches,
        List<Operation> operations,
        List<Trip> trips,
        MaintenanceSummary maintenanceSummary,
        List<MaintenanceKpis> maintenance,
        List<InspectionKpis> inspection,
        KernelStats kernel,
        @JsonInclude(JsonInclude.Include.NON_NULL) History history) {

    /** The same result without the kernel's statistics (windows, events), which depend on how the run was driven. */
    public RunResult withoutKernelStats() {
        return new RunResult(scenario, seed, replication, horizon, warmup, observedMinutes, plant, lines, stations,
                machines, sources, sinks, supplyChain, inventory, customers, fleets, suppliers, materials, batches,
                operations, trips, maintenanceSummary, maintenance, inspection, null, history);
    }


    /**
     * Plant-wide figures: parts that reached their final destination (a sink, or a warehouse they were made to stock
     * for) and their cycle time from creation or release.
     */
    public record PlantKpis(long partsOut, double throughputPerHour, double wipMean, double cycleTimeMeanMinutes,
                            double cycleTimeP50Minutes, double cycleTimeP95Minutes, long scrapped) {
    }

    /** A line or machine group; {@code materialStarvedShare}: share of time parts waited for raw material. */
    public record LineKpis(String id, String kind, long partsIn, long partsOut, double throughputPerHour,
                           double wipMean, long scrapped, long wipEnd, double materialStarvedShare) {
    }

    /** A station (a machine group is one station) and the buffer in front of it. */
    public record StationKpis(String line, String id, Integer bufferCapacity, double bufferMean, double bufferMax,
                              long started, double waitMeanMinutes, double waitP95Minutes) {
    }

    /**
     * A machine: counts, time by state, OEE = availability x performance x quality; availability is the share of
     * time neither down nor in preventive maintenance.
     */
    public record MachineKpis(String id, String line, String station, long processed, long good, long scrapped,
                              long failures, long setups, Map<String, Double> stateFractions, double utilisation,
                              double availability, double performance, double quality, double oee) {
    }

    /** A source: parts created, arrivals lost (non-blocking source, full buffer), time spent blocked. */
    public record SourceKpis(String id, long created, long lost, double lossProbability, double blockedFraction) {
    }

    /** A sink: parts received and their cycle time (creation to sink). */
    public record SinkKpis(String id, long parts, double throughputPerHour, double cycleTimeMeanMinutes,
                           double cycleTimeSdMinutes, double cycleTimeP50Minutes, double cycleTimeP95Minutes,
                           double cycleTimeMaxMinutes, long late, double tardinessMeanMinutes) {
    }

    /**
     * The supply chain at a glance (null when the scenario has no customers). Fill rates count orders (and units)
     * served from stock the moment they were placed; on-time is delivery by the quoted due date; costs are transport
     * (km and hours), holding and backorder costs over the observed period.
     */
    public record SupplyChainKpis(long orders, double orderFillRate, double unitFillRate, double onTimeDelivery,
                                  double leadTimeMeanHours, double leadTimeP95Hours, double backordersMean,
                                  long stockouts, double kmDriven, double transportCost, double holdingCost,
                                  double backorderCost, double totalCost) {
    }

    /**
     * One product in one warehouse. Inventory figures are time-weighted over the observed period; the unit totals
     * ({@code initial}, {@code received}, {@code shipped}, {@code onHandEnd}) cover the whole run, so that
     * {@code initial + received == shipped + onHandEnd}.
     */
    public record InventoryKpis(String warehouse, String product, String policy, double onHandMean, double onHandMin,
                                double onHandMax, double backordersMean, long orders, long units, double orderFillRate,
                                double unitFillRate, long stockouts, long replenishments, double holdingCost,
                                double backorderCost, long initial, long received, long shipped, long onHandEnd,
                                long onOrderEnd, long backorderedEnd) {
    }

    /** A customer: orders placed, completed, on time, lead time (order to last delivery). */
    public record CustomerKpis(String id, long orders, long units, long completed, double onTimeDelivery,
                               double leadTimeMeanHours, double leadTimeP95Hours, long unitsDeliveredTotal) {
    }

    /** A fleet: trips, kilometres, share of truck time by activity, cost. */
    public record FleetKpis(String id, String depot, int trucks, long trips, double km, double drivingShare,
                            double loadingShare, double unloadingShare, double idleShare, double utilisation,
                            double cost) {
    }

    /**
     * A raw material in the line-side store of a line or machine group: stock (time-weighted), parts that had to
     * wait for it, replenishments, and unit totals over the whole run
     * ({@code initial + received == consumed + onHandEnd}).
     */
    public record MaterialKpis(String resource, String material, double onHandMean, double onHandMin,
                               double onHandMax, long partsWaited, long replenishments, long initial, long received,
                               long onHandEnd, long onOrderEnd) {
    }

    /**
     * A machine that wears or is maintained: its maintenance policy, wear failures (each repaired as good as new),
     * preventive maintenances, time down for repair and in maintenance, availability, OEE, and costs (preventive,
     * corrective, total) over the observed period.
     */
    public record MaintenanceKpis(String id, String line, String policy, long failures, long preventive,
                                  double downMinutes, double maintenanceMinutes, double availability, double oee,
                                  double preventiveCost, double repairCost, double cost) {
    }

    /**
     * The machines of {@link #maintenance()} together (null when there are none): availability and OEE are their
     * means, counts, downtime (repair + maintenance) and cost their sums.
     */
    public record MaintenanceSummary(int machines, double availability, double oee, long failures, long preventive,
                                     double downtimeMinutes, double cost) {
    }

    /**
     * An inspection station: inspections (re-inspections of reworked parts included) and parts inspected for the
     * first time; accepted parts, those accepted at their first inspection, first-pass yield (their share of first
     * inspections); rejects of defective parts (true) and of good parts (false); escapes (defective parts accepted)
     * and their share of the accepted; parts sent to rework, parts scrapped; good output (good parts accepted).
     */
    public record InspectionKpis(String line, String station, long inspected, long firstInspections, long accepted,
                                 long firstPassAccepted, double firstPassYield, long trueRejects, long falseRejects,
                                 long escapes, double escapeRate, long reworked, long scrapped, long goodOutput) {
    }

    /** A supplier: purchase orders, units, late deliveries. */
    public record SupplierKpis(String id, long purchaseOrders, long units, long late) {
    }

    /**
     * Plant figures per batch of simulated time from time 0, warm-up included (only when asked for with
     * {@link RunOptions#withBatchMillis}): the series a warm-up detector looks at. The last batch may be shorter.
     * {@code onHandMean}: time-weighted stock per {@code "warehouse/product"} in the batch (empty without warehouses).
     */
    public record Batch(int index, double endMinutes, long partsOut, double throughputPerHour, double wipMean,
                        double cycleTimeMeanMinutes, Map<String, Double> onHandMean) {
    }

    /**
     * One operation as executed (only when asked for with {@link RunOptions#withOperationTrace}): which machine
     * processed which part, from the start of its setup (or processing) to its end, in minutes; failures inside it
     * are part of the span. For Gantt charts of executed schedules.
     */
    public record Operation(String resource, String station, String machine, long partId, String product,
                            double startMinutes, double processStartMinutes, double endMinutes, boolean scrapped) {
    }

    /**
     * One truck trip (only when asked for with {@link RunOptions#withOperationTrace}, which also bounds how many
     * trips each fleet records): leaving the depot, the stops in order with their coordinates (km) and arrival
     * times, back at the depot. For route maps.
     */
    public record Trip(String fleet, String depot, double depotX, double depotY, double departMinutes,
                       double returnMinutes, double km, int units, List<Stop> stops) {
        public Trip {
            stops = List.copyOf(stops);
        }
    }

    /** A stop of a trip: the customer, where it is, when the truck arrived, what it unloaded. */
    public record Stop(String customer, double x, double y, double arriveMinutes, int units) {
    }

    /**
     * What drove a run (only with {@link RunOptions#withHistory}), from time 0, warm-up included: units ordered per
     * period per customer and product, the failure durations every machine drew, and the travel-time factor of every
     * leg each fleet drove. Training data for scenario generators.
     */
    public record History(double periodMinutes, List<DemandHistory> demand, List<FailureHistory> failures,
                          List<TravelHistory> travel) {
        public History {
            demand = List.copyOf(demand);
            failures = List.copyOf(failures);
            travel = List.copyOf(travel);
        }
    }

    /**
     * Units a customer ordered of a product in each period ({@code units[k]}: period k from time 0; the last period
     * may be cut by the horizon). Demand lines of one customer for the same product are summed.
     */
    public record DemandHistory(String customer, String product, List<Long> units) {
        public DemandHistory {
            units = List.copyOf(units);
        }
    }

    /**
     * The times between failures and repair times (minutes) that failure mode {@code mode} of a machine drew, in
     * order; the last time between failures usually ends after the horizon.
     */
    public record FailureHistory(String machine, int mode, List<Double> timeBetweenMinutes,
                                 List<Double> repairMinutes) {
        public FailureHistory {
            timeBetweenMinutes = List.copyOf(timeBetweenMinutes);
            repairMinutes = List.copyOf(repairMinutes);
        }
    }

    /**
     * The travel-time factor of every leg a fleet drove, in driving order from time 0 (a leg took distance / speed x
     * its factor): the replayed {@code travelTrace} first, then the noise's draws (1 without noise). Legs still under
     * way at the horizon are included.
     */
    public record TravelHistory(String fleet, String depot, List<Double> factors) {
        public TravelHistory {
            factors = List.copyOf(factors);
        }
    }

    /** How the kernel ran: logical processes, windows, events; all deterministic. */
    public record KernelStats(int logicalProcesses, long lookaheadMillis, long windows, long deltaWindows,
                              long events, long messages) {
    }

    /**
     * One customer order delivered in full: when it was placed, due and completed (simulated milliseconds). Live
     * twin forks list these to say which orders will be late.
     */
    public record OrderOutcome(String customer, long order, String product, int quantity, long placedMillis,
                               long dueMillis, long deliveredMillis) {

        public boolean late() {
            return deliveredMillis > dueMillis;
        }
    }
}
