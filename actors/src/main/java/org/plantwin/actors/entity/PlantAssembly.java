package org.plantwin.actors.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.kernel.Kernel;
import org.plantwin.actors.kernel.LogicalProcess;
import org.plantwin.actors.kernel.RandomStreams;
import org.plantwin.actors.stats.Tally;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.TimeSpan;

/** Turns a scenario into the kernel's logical processes, and the LPs' reports into a {@link RunResult}. */
public final class PlantAssembly {

    private final PlantModel model;
    private final int replication;
    private final long rootSeed;
    private final java.util.Map<String, org.plantwin.actors.api.DispatchPolicy> dispatchPolicies;
    private final java.util.Map<String, org.plantwin.actors.api.SchedulingPolicy> schedulingPolicies;
    private final java.util.Map<String, org.plantwin.actors.api.ReplenishmentPolicy> replenishmentPolicies;
    private final java.util.Map<String, org.plantwin.actors.api.MaintenancePolicy> maintenancePolicies;

    public PlantAssembly(Scenario scenario, RunOptions options) {
        long seed = options.seedOverride() != null ? options.seedOverride() : scenario.seed();
        long horizon = options.horizonMillisOverride() != null ? options.horizonMillisOverride()
                : scenario.horizon().toMillis();
        this.model = new PlantModel(scenario, seed, horizon);
        this.model.batchMillis = options.batchMillis();
        this.model.operationTraceLimit = options.operationTraceLimit();
        this.model.historyMillis = options.historyPeriodMillis();
        this.replication = options.replication();
        this.rootSeed = RandomStreams.replicationSeed(seed, replication);
        this.dispatchPolicies = options.dispatchPolicies();
        this.schedulingPolicies = options.schedulingPolicies();
        this.replenishmentPolicies = options.replenishmentPolicies();
        this.maintenancePolicies = options.maintenancePolicies();
        for (String machine : maintenancePolicies.keySet()) {
            if (scenario.machines().stream().noneMatch(m -> m.id().equals(machine) && m.maintenance() != null)) {
                throw new IllegalArgumentException("A maintenance policy names the machine (" + machine + "), which is"
                        + " no machine with a maintenance section in the scenario " + scenario.machines().stream()
                        .filter(m -> m.maintenance() != null).map(m -> m.id()).toList() + ".");
            }
        }
        for (String key : replenishmentPolicies.keySet()) {
            boolean known = scenario.warehouses().stream().anyMatch(w -> w.stock().stream()
                    .anyMatch(st -> key.equals(w.id() + "/" + st.product())));
            if (!known) {
                throw new IllegalArgumentException("A replenishment policy names (" + key + "), which is no"
                        + " warehouse/product stocked in the scenario " + scenario.warehouses().stream()
                        .flatMap(w -> w.stock().stream().map(st -> w.id() + "/" + st.product())).toList() + ".");
            }
        }
        for (String resource : schedulingPolicies.keySet()) {
            if (model.resources.stream().noneMatch(r -> r.id().equals(resource))) {
                throw new IllegalArgumentException("A scheduling policy names the resource (" + resource
                        + ") which is no line or machine group of the scenario "
                        + model.resources.stream().map(PlantModel.ResourceSpec::id).toList() + ".");
            }
        }
        for (String fleet : dispatchPolicies.keySet()) {
            if (scenario.fleets().stream().noneMatch(f -> f.id().equals(fleet))) {
                throw new IllegalArgumentException("A dispatch policy names the fleet (" + fleet
                        + ") which is not in the scenario " + scenario.fleets().stream().map(f -> f.id()).toList() + ".");
            }
        }
    }

    public PlantModel model() {
        return model;
    }

    /** Fresh LPs for one run, indexed as the kernel expects: resources, then sinks. */
    public Kernel.Setup kernelSetup(int maxEventsPerWindow) {
        return kernelSetup(maxEventsPerWindow, new RandomStreams(rootSeed));
    }

    /** The random streams of this run (replication and seed applied); forkable ones can be reseeded mid-run. */
    public RandomStreams streams(boolean forkable) {
        return new RandomStreams(rootSeed, forkable);
    }

    /** Fresh LPs for one run drawing from {@code rs} (made by {@link #streams}). */
    public Kernel.Setup kernelSetup(int maxEventsPerWindow, RandomStreams rs) {
        List<LogicalProcess> lps = new ArrayList<>();
        for (int r = 0; r < model.resources.size(); r++) {
            lps.add(new ResourceProcess(model, r, rs, schedulingPolicies.get(model.resources.get(r).id()),
                    maintenancePolicies));
        }
        for (int k = 0; k < model.sinks.size(); k++) {
            lps.add(new SinkProcess(model, k));
        }
        for (int w = 0; w < model.warehouses.size(); w++) {
            lps.add(new WarehouseProcess(model, w, rs, dispatchPolicies, replenishmentPolicies));
        }
        for (int k = 0; k < model.suppliers.size(); k++) {
            lps.add(new SupplierProcess(model, k, rs));
        }
        for (int c = 0; c < model.customers.size(); c++) {
            lps.add(new CustomerProcess(model, c, rs));
        }
        return new Kernel.Setup(List.copyOf(lps), model.links, model.horizonMillis, maxEventsPerWindow);
    }

    private static void addInto(double[] total, double[] part) {
        for (int i = 0; i < Math.min(total.length, part.length); i++) {
            total[i] += part[i];
        }
    }

    private static RunResult.MaintenanceSummary maintenanceSummary(List<RunResult.MaintenanceKpis> ms) {
        if (ms.isEmpty()) {
            return null;
        }
        double availability = 0;
        double oee = 0;
        long failures = 0;
        long preventive = 0;
        double downtime = 0;
        double cost = 0;
        for (RunResult.MaintenanceKpis m : ms) {
            availability += m.availability();
            oee += m.oee();
            failures += m.failures();
            preventive += m.preventive();
            downtime += m.downMinutes() + m.maintenanceMinutes();
            cost += m.cost();
        }
        return new RunResult.MaintenanceSummary(ms.size(), availability / ms.size(), oee / ms.size(), failures,
                preventive, downtime, cost);
    }

    /** Merges the LPs' final reports into the run result. */
    public RunResult result(Kernel.Completed done) {
        long end = model.horizonMillis;
        double observedMillis = Math.max(1, end - model.warmupMillis);
        double hours = observedMillis / 3_600_000.0;
        List<RunResult.LineKpis> lines = new ArrayList<>();
        List<RunResult.StationKpis> stations = new ArrayList<>();
        List<RunResult.MachineKpis> machines = new ArrayList<>();
        List<RunResult.SourceKpis> sources = new ArrayList<>();
        List<RunResult.SinkKpis> sinks = new ArrayList<>();
        double wipIntegral = 0;
        long scrapped = 0;
        Tally pooled = new Tally();
        long partsOut = 0;
        List<RunResult.InventoryKpis> inventory = new ArrayList<>();
        List<RunResult.FleetKpis> fleets = new ArrayList<>();
        List<RunResult.CustomerKpis> customers = new ArrayList<>();
        List<RunResult.SupplierKpis> suppliers = new ArrayList<>();
        List<RunResult.MaterialKpis> materials = new ArrayList<>();
        List<RunResult.Operation> operations = new ArrayList<>();
        List<RunResult.Trip> trips = new ArrayList<>();
        List<RunResult.DemandHistory> demandHistory = new ArrayList<>();
        List<RunResult.FailureHistory> failureHistory = new ArrayList<>();
        List<RunResult.TravelHistory> travelHistory = new ArrayList<>();
        List<RunResult.MaintenanceKpis> maintenance = new ArrayList<>();
        List<RunResult.InspectionKpis> inspection = new ArrayList<>();
        int nb = model.batchMillis > 0 ? org.plantwin.actors.stats.BatchSeries.batchesUntil(end, model.batchMillis) : 0;
        double[] bParts = new double[nb];
        double[] bCycle = new double[nb];
        double[] bWip = new double[nb];
        java.util.Map<String, double[]> bStock = new java.util.LinkedHashMap<>();
        Tally leadHours = new Tally();
        long onTime = 0;
        double km = 0;
        double transportCost = 0;
        double holdingCost = 0;
        double backorderCost = 0;
        double backorderIntegral = 0;
        for (Object o : done.reports()) {
            if (o instanceof WarehouseProcess.Report w) {
                inventory.addAll(w.inventory());
                fleets.addAll(w.fleets());
                km += w.kmDriven();
                transportCost += w.transportCost();
                holdingCost += w.holdingCost();
                backorderCost += w.backorderCost();
                backorderIntegral += w.backorderIntegralUnitMillis();
                for (double v : w.madeCycleMinutes()) {
                    pooled.add(v);
                }
                addInto(bParts, w.madePerBatch());
                bStock.putAll(w.onHandIntegralPerBatch());
                trips.addAll(w.trips());
                travelHistory.addAll(w.travelHistory());
                addInto(bCycle, w.madeCycleMinutesSumPerBatch());
                partsOut += w.madeCycleMinutes().length;
                continue;
            }
            if (o instanceof CustomerProcess.Report c) {
                customers.add(c.kpis());
                demandHistory.addAll(c.demandHistory());
                for (double v : c.leadHours()) {
                    leadHours.add(v);
                }
                onTime += c.onTime();
                continue;
            }
            if (o instanceof RunResult.SupplierKpis k) {
                suppliers.add(k);
                continue;
            }
            if (o instanceof ResourceProcess.Report r) {
                lines.add(r.line());
                stations.addAll(r.stations());
                machines.addAll(r.machines());
                sources.addAll(r.sources());
                materials.addAll(r.materials());
                addInto(bWip, r.wipIntegralPerBatch());
                operations.addAll(r.operations());
                failureHistory.addAll(r.failureHistory());
                maintenance.addAll(r.maintenance());
                inspection.addAll(r.inspection());
                wipIntegral += r.wipIntegralMillis();
                scrapped += r.scrapped();
            } else if (o instanceof SinkProcess.Report s) {
                Tally t = new Tally();
                for (double v : s.cycleMinutes()) {
                    t.add(v);
                    pooled.add(v);
                }
                partsOut += t.count();
                addInto(bParts, s.partsPerBatch());
                addInto(bCycle, s.cycleMinutesSumPerBatch());
                sinks.add(new RunResult.SinkKpis(s.id(), t.count(), t.count() / hours, t.mean(),
                        t.standardDeviation(), t.quantile(0.5), t.quantile(0.95), t.max(), s.late(),
                        s.tardinessMeanMinutes()));
            } else {
                throw new IllegalStateException("Unknown report (" + o + ").");
            }
        }
        Map<String, Integer> sourceOrder = new HashMap<>();
        for (int i = 0; i < model.scenario.sources().size(); i++) {
            sourceOrder.put(model.scenario.sources().get(i).id(), i);
        }
        sources.sort(Comparator.comparing(s -> sourceOrder.get(s.id())));
        RunResult.PlantKpis plant = new RunResult.PlantKpis(partsOut, partsOut / hours,
                wipIntegral / observedMillis, pooled.mean(), pooled.quantile(0.5), pooled.quantile(0.95), scrapped);
        RunResult.SupplyChainKpis supply = null;
        if (!customers.isEmpty()) {
            long orders = 0;
            long units = 0;
            double filledOrders = 0;
            double filledUnits = 0;
            long stockouts = 0;
            for (RunResult.InventoryKpis i : inventory) {
                orders += i.orders();
                units += i.units();
                filledOrders += i.orderFillRate() * i.orders();
                filledUnits += i.unitFillRate() * i.units();
                stockouts += i.stockouts();
            }
            supply = new RunResult.SupplyChainKpis(orders, orders == 0 ? 0 : filledOrders / orders,
                    units == 0 ? 0 : filledUnits / units, leadHours.count() == 0 ? 0 : (double) onTime / leadHours.count(),
                    leadHours.mean(), leadHours.quantile(0.95), backorderIntegral / observedMillis, stockouts, km,
                    transportCost, holdingCost, backorderCost, transportCost + holdingCost + backorderCost);
        }
        List<RunResult.Batch> batches = new ArrayList<>();
        for (int b = 0; b < nb; b++) {
            long from = b * model.batchMillis;
            long to = Math.min(end, from + model.batchMillis);
            double len = to - from;
            java.util.Map<String, Double> stock = new java.util.LinkedHashMap<>();
            for (var e : bStock.entrySet()) {
                stock.put(e.getKey(), b < e.getValue().length ? e.getValue()[b] / len : 0.0);
            }
            batches.add(new RunResult.Batch(b, to / 60_000.0, (long) bParts[b], bParts[b] / (len / 3_600_000.0),
                    bWip[b] / len, bParts[b] == 0 ? 0 : bCycle[b] / bParts[b],
                    java.util.Collections.unmodifiableMap(stock)));
        }
        Kernel.Stats k = done.stats();
        return new RunResult(model.scenario.name(), model.seed, replication,
                TimeSpan.ofMillis(model.horizonMillis).text(), TimeSpan.ofMillis(model.warmupMillis).text(),
                observedMillis / 60_000.0, plant, List.copyOf(lines), List.copyOf(stations), List.copyOf(machines),
                List.copyOf(sources), List.copyOf(sinks), supply, List.copyOf(inventory), List.copyOf(customers),
                List.copyOf(fleets), List.copyOf(suppliers), List.copyOf(materials), List.copyOf(batches),
                List.copyOf(operations), List.copyOf(trips), maintenanceSummary(maintenance), List.copyOf(maintenance),
                List.copyOf(inspection),
                new RunResult.KernelStats(k.logicalProcesses(), model.minLookahead(), k.windows(), k.deltaWindows(),
                        k.events(), k.messages()),
                model.historyMillis > 0 ? new RunResult.History(model.historyMillis / 60_000.0,
                        demandHistory, machineOrder(failureHistory), fleetOrder(travelHistory)) : null);
    }

    /** Travel histories in the scenario's fleet order (the LPs report per warehouse). */
    private List<RunResult.TravelHistory> fleetOrder(List<RunResult.TravelHistory> histories) {
        List<RunResult.TravelHistory> sorted = new ArrayList<>(histories);
        sorted.sort(scenarioOrder(model.scenario.fleets().stream().map(f -> f.id()).toList(),
                RunResult.TravelHistory::fleet));
        return sorted;
    }

    /** Failure histories in the scenario's machine order (the LPs report per line or machine group). */
    private List<RunResult.FailureHistory> machineOrder(List<RunResult.FailureHistory> histories) {
        List<RunResult.FailureHistory> sorted = new ArrayList<>(histories);
        sorted.sort(scenarioOrder(model.scenario.machines().stream().map(m -> m.id()).toList(),
                RunResult.FailureHistory::machine).thenComparingInt(RunResult.FailureHistory::mode));
        return sorted;
    }

    /** Orders items by the position of their id in {@code ids} (unknown ids first). */
    private static <T> Comparator<T> scenarioOrder(List<String> ids, java.util.function.Function<T, String> id) {
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            order.put(ids.get(i), i);
        }
        return Comparator.comparing(x -> order.getOrDefault(id.apply(x), -1));
    }
}
