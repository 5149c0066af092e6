package org.plantwin.scenarios.validate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.plantwin.scenarios.api.Problem;
import org.plantwin.scenarios.io.Hints;
import org.plantwin.scenarios.model.Customer;
import org.plantwin.scenarios.model.Degradation;
import org.plantwin.scenarios.model.Maintenance;
import org.plantwin.scenarios.model.MaintenancePolicyKind;
import org.plantwin.scenarios.model.Demand;
import org.plantwin.scenarios.model.Distribution;
import org.plantwin.scenarios.model.Failure;
import org.plantwin.scenarios.model.Fleet;
import org.plantwin.scenarios.model.Inspection;
import org.plantwin.scenarios.model.InspectionClassifier;
import org.plantwin.scenarios.model.InspectionDisposition;
import org.plantwin.scenarios.model.InventoryPolicy;
import org.plantwin.scenarios.model.Line;
import org.plantwin.scenarios.model.Machine;
import org.plantwin.scenarios.model.MachineGroup;
import org.plantwin.scenarios.model.Order;
import org.plantwin.scenarios.model.Product;
import org.plantwin.scenarios.model.Quantity;
import org.plantwin.scenarios.model.RoutingStep;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.SensorFault;
import org.plantwin.scenarios.model.Setup;
import org.plantwin.scenarios.model.Sink;
import org.plantwin.scenarios.model.Site;
import org.plantwin.scenarios.model.Source;
import org.plantwin.scenarios.model.Station;
import org.plantwin.scenarios.model.StockItem;
import org.plantwin.scenarios.model.Supplier;
import org.plantwin.scenarios.model.TimeSpan;
import org.plantwin.scenarios.model.Travel;
import org.plantwin.scenarios.model.Warehouse;

/**
 * Semantic checks of a parsed scenario; reports every problem, each with its JSON path, the bad value, the rule and
 * a hint that starts with "Maybe".
 *
 * <p>Values are written as in JSON: strings quoted ({@code "M9"}), numbers bare ({@code -1}), a field that is
 * absent as {@code (missing)}. Problems come in document order: scenario fields, products, machines, lines, machine
 * groups, sources, sinks, the supply chain (sites, travel, warehouses, suppliers, customers, fleets), then checks that
 * span several lists.
 *
 * <p>Supply chain: a product whose {@code sink} names a warehouse is made to stock there, so that warehouse must stock
 * it with {@code replenishFrom: production}; conversely a stock item replenished from production only receives parts
 * when the product's sink is its warehouse. Warehouse and sink ids share one name space for that reason.
 *
 * <p>Routings may revisit a resource, also twice in a row (re-entrant flow, rework in a job shop): a routing is a
 * finite list, so it cannot loop for ever, and no revisit is flagged.
 */
public final class ScenarioValidator {

    private final Scenario s;
    private final List<Problem> problems = new ArrayList<>();
    /** Product id -> path of its first definition. */
    private final Map<String, String> products = new LinkedHashMap<>();
    /** Machine id -> index of its first definition. */
    private final Map<String, Integer> machines = new LinkedHashMap<>();
    /** Line id -> line, first definition. */
    private final Map<String, Line> lines = new LinkedHashMap<>();
    /** Machine group id -> group, first definition. */
    private final Map<String, MachineGroup> groups = new LinkedHashMap<>();
    private final Set<String> sinks = new LinkedHashSet<>();
    /** Machine id -> path of the station or group that first uses it. */
    private final Map<String, String> machineUsedAt = new LinkedHashMap<>();
    /** Site id -> path of its first definition. */
    private final Map<String, String> sites = new LinkedHashMap<>();
    /** Warehouse id -> warehouse, first definition. */
    private final Map<String, Warehouse> warehouses = new LinkedHashMap<>();
    /** Supplier id -> path of its first definition. */
    private final Map<String, String> suppliers = new LinkedHashMap<>();

    private ScenarioValidator(Scenario s) {
        this.s = Objects.requireNonNull(s, "scenario");
    }

    /** Every problem of {@code scenario}, in document order; empty when it is valid. */
    public static List<Problem> validate(Scenario scenario) {
        ScenarioValidator v = new ScenarioValidator(scenario);
        v.run();
        return List.copyOf(v.problems);
    }

    private void run() {
        collectIds();
        checkScenarioFields();
        for (int i = 0; i < s.products().size(); i++) {
            checkProduct(i, s.products().get(i));
        }
        for (int i = 0; i < s.machines().size(); i++) {
            checkMachine(i, s.machines().get(i));
        }
        for (int i = 0; i < s.lines().size(); i++) {
            checkLine(i, s.lines().get(i));
        }
        for (int i = 0; i < s.machineGroups().size(); i++) {
            checkGroup(i, s.machineGroups().get(i));
        }
        for (int i = 0; i < s.sources().size(); i++) {
            checkSource(i, s.sources().get(i));
        }
        for (int i = 0; i < s.sites().size(); i++) {
            checkSite(i, s.sites().get(i));
        }
        checkTravel(s.travel());
        for (int i = 0; i < s.warehouses().size(); i++) {
            checkWarehouse(i, s.warehouses().get(i));
        }
        for (int i = 0; i < s.suppliers().size(); i++) {
            checkSupplier(i, s.suppliers().get(i));
        }
        for (int i = 0; i < s.customers().size(); i++) {
            checkCustomer(i, s.customers().get(i));
        }
        for (int i = 0; i < s.fleets().size(); i++) {
            checkFleet(i, s.fleets().get(i));
        }
        checkUnusedMachines();
        checkProcessingTimes();
    }

    // ---------------------------------------------------------------- ids

    private void collectIds() {
        Map<String, String> seenProducts = new LinkedHashMap<>();
        for (int i = 0; i < s.products().size(); i++) {
            String id = s.products().get(i).id();
            String path = "$.products[" + i + "].id";
            if (checkId(path, id, "product", seenProducts)) {
                products.put(id, path);
            }
        }
        Map<String, String> seenMachines = new LinkedHashMap<>();
        for (int i = 0; i < s.machines().size(); i++) {
            String id = s.machines().get(i).id();
            if (checkId("$.machines[" + i + "].id", id, "machine", seenMachines)) {
                machines.put(id, i);
            }
        }
        // Lines and machine groups share one name space: a routing step names either.
        Map<String, String> seenResources = new LinkedHashMap<>();
        for (int i = 0; i < s.lines().size(); i++) {
            Line l = s.lines().get(i);
            if (checkId("$.lines[" + i + "].id", l.id(), "line or machine group", seenResources)) {
                lines.put(l.id(), l);
            }
        }
        for (int i = 0; i < s.machineGroups().size(); i++) {
            MachineGroup g = s.machineGroups().get(i);
            if (checkId("$.machineGroups[" + i + "].id", g.id(), "line or machine group", seenResources)) {
                groups.put(g.id(), g);
            }
        }
        Map<String, String> seenSources = new LinkedHashMap<>();
        for (int i = 0; i < s.sources().size(); i++) {
            checkId("$.sources[" + i + "].id", s.sources().get(i).id(), "source", seenSources);
        }
        Map<String, String> seenSinks = new LinkedHashMap<>();
        for (int i = 0; i < s.sinks().size(); i++) {
            Sink k = s.sinks().get(i);
            if (checkId("$.sinks[" + i + "].id", k.id(), "sink", seenSinks)) {
                sinks.add(k.id());
            }
        }
        collectSupplyChainIds(seenSinks);
    }

    private void collectSupplyChainIds(Map<String, String> seenSinks) {
        Map<String, String> seenSites = new LinkedHashMap<>();
        for (int i = 0; i < s.sites().size(); i++) {
            String path = "$.sites[" + i + "].id";
            String id = s.sites().get(i).id();
            if (checkId(path, id, "site", seenSites)) {
                sites.put(id, path);
            }
        }
        // A product's sink names a sink or a warehouse, so the two share one name space.
        Map<String, String> seenWarehouses = new LinkedHashMap<>();
        for (int i = 0; i < s.warehouses().size(); i++) {
            Warehouse w = s.warehouses().get(i);
            String path = "$.warehouses[" + i + "].id";
            if (w.id() != null && seenSinks.containsKey(w.id())) {
                add(path, q(w.id()), "A warehouse id must differ from every sink id, since a product's sink names either; "
                        + seenSinks.get(w.id()) + " already has it", "Maybe rename the warehouse, e.g. \"" + w.id() + "-wh\".");
            } else if (checkId(path, w.id(), "warehouse", seenWarehouses)) {
                warehouses.put(w.id(), w);
            }
        }
        Map<String, String> seenSuppliers = new LinkedHashMap<>();
        for (int i = 0; i < s.suppliers().size(); i++) {
            String path = "$.suppliers[" + i + "].id";
            String id = s.suppliers().get(i).id();
            if (StockItem.PRODUCTION.equals(id)) {
                add(path, q(id), "A supplier cannot be called \"" + StockItem.PRODUCTION
                        + "\": replenishFrom: production means making the product", "Maybe \"" + id + "-supplier\".");
            } else if (checkId(path, id, "supplier", seenSuppliers)) {
                suppliers.put(id, path);
            }
        }
        Map<String, String> seenCustomers = new LinkedHashMap<>();
        for (int i = 0; i < s.customers().size(); i++) {
            checkId("$.customers[" + i + "].id", s.customers().get(i).id(), "customer", seenCustomers);
        }
        Map<String, String> seenFleets = new LinkedHashMap<>();
        for (int i = 0; i < s.fleets().size(); i++) {
            checkId("$.fleets[" + i + "].id", s.fleets().get(i).id(), "fleet", seenFleets);
        }
    }

    /** Checks that {@code id} is present, not blank and new in {@code seen}; true when it is a new good id. */
    private boolean checkId(String path, String id, String kind, Map<String, String> seen) {
        if (id == null || id.isBlank()) {
            add(path, id == null ? null : q(id), "A " + kind + " needs a non-blank id",
                    "Maybe give it a short name like \"" + (kind.startsWith("line") ? "L1" : kind.substring(0, 1).toUpperCase() + "1") + "\".");
            return false;
        }
        String first = seen.putIfAbsent(id, path);
        if (first != null) {
            add(path, q(id), "The id of a " + kind + " must be unique; " + first + " already has it",
                    "Maybe rename one of them, e.g. \"" + id + "-2\".");
            return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- scenario

    private void checkScenarioFields() {
        if (s.name() == null || s.name().isBlank()) {
            add("$.name", s.name() == null ? null : q(s.name()), "The scenario needs a non-blank name",
                    "Maybe name it after the file.");
        }
        if (s.horizon() == null) {
            add("$.horizon", null, "The scenario needs a horizon", "Maybe horizon: 30d.");
        } else if (s.horizon().millis() <= 0) {
            add("$.horizon", q(s.horizon()), "The horizon must be > 0", "Maybe \"30d\".");
        }
        if (s.horizon() != null && s.horizon().millis() > 0 && s.warmup().millis() >= s.horizon().millis()) {
            add("$.warmup", q(s.warmup()), "The warm-up must be shorter than the horizon (" + s.horizon().text() + ")",
                    "Maybe a tenth of the horizon, or make the horizon longer.");
        }
        if (s.products().isEmpty()) {
            add("$.products", "[]", "A scenario needs at least one product", "Maybe add products: [{id: part, routing: [L1]}].");
        }
        if (s.sources().isEmpty() && s.customers().isEmpty()) {
            add("$.sources", "[]", "A scenario needs at least one source or customer",
                    "Maybe add sources: [{id: in, product: part, interarrival: {type: exponential, mean: 1m}}].");
        }
        if (s.sinks().isEmpty() && s.warehouses().isEmpty()) {
            add("$.sinks", "[]", "A scenario needs at least one sink or warehouse where finished parts go",
                    "Maybe add sinks: [{id: out}].");
        }
    }

    // ---------------------------------------------------------------- products

    private void checkProduct(int i, Product p) {
        String path = "$.products[" + i + "]";
        if (p.volume() != null && (!(p.volume() > 0) || p.volume().isInfinite())) {
            add(path + ".volume", num(p.volume()), "The volume of a unit must be a finite number > 0",
                    "Maybe leave it out (1 per unit).");
        }
        // A product that is only bought (stocked from a supplier, made nowhere) needs no routing.
        boolean boughtOnly = s.warehouses().stream().flatMap(w -> w.stock().stream())
                .anyMatch(st -> p.id() != null && p.id().equals(st.product()) && st.replenishFrom() != null
                        && !org.plantwin.scenarios.model.StockItem.PRODUCTION.equals(st.replenishFrom()))
                && s.warehouses().stream().flatMap(w -> w.stock().stream())
                .noneMatch(st -> p.id() != null && p.id().equals(st.product())
                        && org.plantwin.scenarios.model.StockItem.PRODUCTION.equals(st.replenishFrom()))
                && s.sources().stream().noneMatch(src -> p.id() != null && (p.id().equals(src.product())
                        || src.mix().containsKey(p.id())
                        || src.orders().stream().anyMatch(o -> p.id().equals(o.product()))));
        if (p.routing().isEmpty() && !boughtOnly) {
            add(path + ".routing", "[]", "A routing needs at least one step (a line or machine group id)",
                    "Maybe routing: [" + firstOr(resourceIds(), "L1") + "].");
        }
        for (int j = 0; j < p.routing().size(); j++) {
            RoutingStep step = p.routing().get(j);
            String stepPath = path + ".routing[" + j + "]";
            if (step == null) {
                add(stepPath, null, "A routing step must name a line or machine group", "Maybe remove the empty entry.");
                continue;
            }
            if (!lines.containsKey(step.at()) && !groups.containsKey(step.at())) {
                String hint = sinks.contains(step.at())
                        ? "Maybe drop it from the routing and write sink: " + step.at() + " on the product: a sink is not a routing step."
                        : machines.containsKey(step.at())
                        ? "Maybe name the line or machine group that holds machine " + step.at() + ": a routing names resources, not machines."
                        : Hints.closest(String.valueOf(step.at()), resourceIds());
                add(stepPath, q(step.at()), "A routing step must name a line or machine group", hint);
            } else {
                checkStepMaterials(stepPath, step);
            }
        }
        Set<String> destinations = new LinkedHashSet<>(sinks);
        s.warehouses().forEach(w -> destinations.add(w.id()));
        if (p.sink() != null) {
            if (!destinations.contains(p.sink())) {
                add(path + ".sink", q(p.sink()), "The sink is neither a sink nor a warehouse",
                        Hints.closest(p.sink(), destinations));
            } else if (warehouses.containsKey(p.sink()) && p.id() != null) {
                checkMadeToStock(path + ".sink", p, warehouses.get(p.sink()));
            }
        } else if (sinks.size() != 1 && !boughtOnly) {
            add(path + ".sink", null, "The product must name its sink or warehouse because there "
                    + (sinks.isEmpty() ? "is no sink" : "are several sinks " + sinks),
                    "Maybe add sink: " + (destinations.isEmpty() ? "out" : destinations.iterator().next()) + ".");
        }
    }

    /** A product whose sink is warehouse {@code w} is made to stock there: w must stock it, from production. */
    private void checkMadeToStock(String path, Product p, Warehouse w) {
        StockItem item = stockItem(w, p.id());
        if (item == null) {
            add(path, q(p.sink()), "The product is made to stock in warehouse " + w.id() + ", which does not stock it",
                    "Maybe add {product: " + p.id() + ", replenishFrom: production, policy: {type: baseStock, level: 10}}"
                            + " to the stock of " + w.id() + ", or send the product to a sink.");
        } else if (!StockItem.PRODUCTION.equals(item.replenishFrom())) {
            add(path, q(p.sink()), "The product is made to stock in warehouse " + w.id() + ", but " + w.id()
                            + " replenishes it from " + q(item.replenishFrom()) + ", not from production",
                    "Maybe write replenishFrom: production on its stock item, or send the product to a sink.");
        }
    }

    // ---------------------------------------------------------------- machines

    private void checkMachine(int i, Machine m) {
        String path = "$.machines[" + i + "]";
        if (m.processTime() != null) {
            checkDistribution(path + ".processTime", m.processTime(), false);
        }
        m.processTimes().forEach((product, d) -> {
            String p = key(path + ".processTimes", product);
            if (!products.containsKey(product)) {
                add(p, q(product), "processTimes names a product that is not defined", Hints.closest(product, products.keySet()));
            }
            checkDistribution(p, d, false);
        });
        Double scrap = m.scrap();
        if (scrap != null && !(scrap >= 0 && scrap < 1)) {
            add(path + ".scrap", num(scrap), "The scrap probability must be in [0, 1)",
                    "Maybe write a fraction: 0.02 for 2 %.");
        }
        for (int f = 0; f < m.failures().size(); f++) {
            Failure failure = m.failures().get(f);
            String fp = path + ".failures[" + f + "]";
            if (failure == null) {
                add(fp, null, "A failure must be an object with timeBetween and repair", "Maybe remove the empty entry.");
                continue;
            }
            if (failure.timeBetween() != null) {
                checkDistribution(fp + ".timeBetween", failure.timeBetween(), true);
            }
            if (failure.repair() != null) {
                checkDistribution(fp + ".repair", failure.repair(), false);
            }
            if (failure.trace() != null) {
                checkTrace(fp + ".trace.timeBetween", failure.trace().timeBetween(), true);
                checkTrace(fp + ".trace.repair", failure.trace().repair(), false);
            }
        }
        if (m.setup() != null) {
            checkSetup(path + ".setup", m.setup());
        }
        if (m.degradation() != null) {
            checkDegradation(path + ".degradation", m.degradation());
        }
        if (m.maintenance() != null) {
            checkMaintenance(path + ".maintenance", m.maintenance(), m.degradation());
        }
    }

    private void checkDegradation(String path, Degradation d) {
        if (d.wearPerHour() != null && !(d.wearPerHour() > 0 && d.wearPerHour() <= 1)) {
            add(path + ".wearPerHour", num(d.wearPerHour()), "The wear per operating hour must be in (0, 1]",
                    "Maybe 0.01: a machine lasts about 100 operating hours.");
        }
        if (!(d.wearCv() >= 0) || Double.isInfinite(d.wearCv())) {
            add(path + ".wearCv", num(d.wearCv()), "The coefficient of variation of wear must be a finite number >= 0",
                    "Maybe 0.5, or 0 for deterministic wear.");
        }
        if (!(d.rateCv() >= 0) || Double.isInfinite(d.rateCv())) {
            add(path + ".rateCv", num(d.rateCv()), "The coefficient of variation of the wear rate must be a finite"
                    + " number >= 0", "Maybe 0.3, or 0 for the same rate in every life.");
        }
        if (!(d.hazardPerHour() >= 0) || Double.isInfinite(d.hazardPerHour())) {
            add(path + ".hazardPerHour", num(d.hazardPerHour()), "The hazard rate must be a finite number >= 0",
                    "Maybe 0.05 (one failure per 20 operating hours at health 0).");
        }
        if (!(d.hazardShape() > 0) || Double.isInfinite(d.hazardShape())) {
            add(path + ".hazardShape", num(d.hazardShape()), "The hazard shape must be a finite number > 0",
                    "Maybe 2 (the hazard grows with the square of the wear).");
        }
        if (!(d.slowdownAtFailure() >= 0 && d.slowdownAtFailure() <= 100)) {
            add(path + ".slowdownAtFailure", num(d.slowdownAtFailure()), "The slowdown at failure must be a number in"
                    + " [0, 100]", "Maybe 0.3: a worn-out machine takes 30 % longer per cycle; 0 = no slowdown.");
        }
        if (!(d.scrapAtFailure() >= 0 && d.scrapAtFailure() <= 1)) {
            add(path + ".scrapAtFailure", num(d.scrapAtFailure()), "The extra scrap probability at failure must be in"
                    + " [0, 1]", "Maybe 0.1: a worn-out machine scraps 10 % more parts; 0 = no effect.");
        }
        if (d.repair() != null) {
            checkDistribution(path + ".repair", d.repair(), false);
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int k = 0; k < d.sensors().size(); k++) {
            Degradation.Sensor sensor = d.sensors().get(k);
            String sp = path + ".sensors[" + k + "]";
            if (sensor == null) {
                add(sp, null, "A sensor must be an object with id, atNew and atFailure", "Maybe remove the empty entry.");
                continue;
            }
            if (sensor.id() != null && !ids.add(sensor.id())) {
                add(sp + ".id", q(sensor.id()), "Sensor ids must be unique within a machine",
                        "Maybe \"" + sensor.id() + "2\".");
            }
            if (sensor.atNew() != null && sensor.atFailure() != null && sensor.atNew().equals(sensor.atFailure())) {
                add(sp + ".atFailure", num(sensor.atFailure()), "The reading at failure must differ from the reading"
                        + " when new (" + num(sensor.atNew()) + "), or the sensor shows no wear",
                        "Maybe atFailure: " + num(sensor.atNew() + 1) + ".");
            }
            if (!(sensor.noise() >= 0) || Double.isInfinite(sensor.noise())) {
                add(sp + ".noise", num(sensor.noise()), "The noise (a standard deviation) must be a finite number >= 0",
                        "Maybe 0.05.");
            }
            for (int f = 0; f < sensor.faults().size(); f++) {
                SensorFault fault = sensor.faults().get(f);
                String fp = sp + ".faults[" + f + "]";
                if (fault == null) {
                    add(fp, null, "A fault must be an object with type, start and duration", "Maybe remove the empty entry.");
                    continue;
                }
                if (fault.duration() != null && fault.duration().millis() <= 0) {
                    add(fp + ".duration", q(fault.duration()), "The duration of a fault must be > 0", "Maybe \"12h\".");
                }
                probability(fp + ".rate", fault.rate(), "Maybe 0.2: one reading in five is spiked.");
                if (!Double.isFinite(fault.magnitude())) {
                    add(fp + ".magnitude", num(fault.magnitude()), "The magnitude must be a finite number", "Maybe 1.");
                }
            }
        }
    }

    private void checkMaintenance(String path, Maintenance mt, Degradation d) {
        MaintenancePolicyKind kind = mt.policy();
        if (kind == MaintenancePolicyKind.FIXED_INTERVAL) {
            if (mt.interval() == null || mt.interval().millis() <= 0) {
                add(path + ".interval", mt.interval() == null ? null : q(mt.interval()),
                        "A fixedInterval policy needs an interval of operating time > 0", "Maybe interval: \"40h\".");
            }
        } else if (mt.interval() != null) {
            add(path + ".interval", q(mt.interval()), "Only a fixedInterval policy takes an interval",
                    "Maybe policy: fixedInterval, or remove the interval.");
        }
        if (kind == MaintenancePolicyKind.PREDICTIVE) {
            if (mt.threshold() == null || mt.threshold().millis() <= 0) {
                add(path + ".threshold", mt.threshold() == null ? null : q(mt.threshold()),
                        "A predictive policy needs a threshold of remaining operating life > 0",
                        "Maybe threshold: \"10h\".");
            }
            if (d == null || d.sensors().isEmpty()) {
                add(path + ".policy", q("predictive"), "A predictive policy needs a degradation with sensors to read",
                        "Maybe add degradation.sensors, or policy: fixedInterval.");
            }
        } else if (mt.threshold() != null) {
            add(path + ".threshold", q(mt.threshold()), "Only a predictive policy takes a threshold",
                    "Maybe policy: predictive, or remove the threshold.");
        }
        if (kind != null && kind != MaintenancePolicyKind.RUN_TO_FAILURE && mt.duration() == null) {
            add(path + ".duration", null, "A preventive policy needs the duration of a maintenance",
                    "Maybe duration: \"1h\".");
        }
        if (mt.duration() != null) {
            checkDistribution(path + ".duration", mt.duration(), false);
        }
        if (!(mt.cost() >= 0) || Double.isInfinite(mt.cost())) {
            add(path + ".cost", num(mt.cost()), "The cost of a maintenance must be a finite number >= 0", "Maybe 500.");
        }
        if (!(mt.repairCost() >= 0) || Double.isInfinite(mt.repairCost())) {
            add(path + ".repairCost", num(mt.repairCost()), "The cost of a repair must be a finite number >= 0",
                    "Maybe 3000.");
        }
    }

    private void checkTrace(String path, List<TimeSpan> durations, boolean positive) {
        for (int k = 0; k < durations.size(); k++) {
            TimeSpan d = durations.get(k);
            if (d == null || (positive ? !(d.millis() > 0) : !(d.millis() >= 0))) {
                add(path + "[" + k + "]", d == null ? null : q(d), positive ? "A time between failures must be > 0"
                        : "A repair time must be >= 0", "Maybe \"90m\"; remove the entry to end the trace earlier.");
            }
        }
    }

    private void checkSetup(String path, Setup setup) {
        if (setup.changeover() != null) {
            checkDistribution(path + ".changeover", setup.changeover(), false);
        }
        setup.matrix().forEach((from, row) -> {
            String rowPath = key(path + ".matrix", from);
            if (!products.containsKey(from)) {
                add(rowPath, q(from), "The setup matrix names a product that is not defined",
                        Hints.closest(from, products.keySet()));
            }
            row.forEach((to, d) -> {
                String cell = key(rowPath, to);
                if (!products.containsKey(to)) {
                    add(cell, q(to), "The setup matrix names a product that is not defined",
                            Hints.closest(to, products.keySet()));
                }
                if (d != null) {
                    checkDistribution(cell, d, false);
                }
            });
        });
    }

    // ---------------------------------------------------------------- lines and groups

    private void checkLine(int i, Line l) {
        String path = "$.lines[" + i + "]";
        if (l.stations().isEmpty()) {
            add(path + ".stations", "[]", "A line needs at least one station",
                    "Maybe stations: [{id: S1, machines: [" + firstOr(machines.keySet(), "M1") + "]}].");
        }
        Map<String, String> seenStations = new LinkedHashMap<>();
        for (int j = 0; j < l.stations().size(); j++) {
            Station st = l.stations().get(j);
            String sp = path + ".stations[" + j + "]";
            if (st == null) {
                add(sp, null, "A station must be an object with id and machines", "Maybe remove the empty entry.");
                continue;
            }
            checkId(sp + ".id", st.id(), "station of a line", seenStations);
            if (st.buffer() != null && st.buffer() < 0) {
                add(sp + ".buffer", String.valueOf(st.buffer()), "The buffer capacity must be >= 0 (0 = no buffer)",
                        "Maybe leave buffer out for an unbounded buffer, or write 0.");
            }
            checkMachineRefs(sp + ".machines", st.machines(), "station " + st.id() + " of line " + l.id());
            if (st.inspection() != null) {
                checkInspection(sp + ".inspection", st.inspection(), l, j);
            }
        }
        checkMaterialStores(path + ".materials", l.materials());
    }

    private void checkInspection(String path, Inspection in, Line l, int stationIndex) {
        probability(path + ".defectRate", in.defectRate(), "Maybe 0.05 for 5 % defective parts.");
        probability(path + ".detection", in.detection(), "Maybe 0.95: 95 % of defects are caught.");
        probability(path + ".falseReject", in.falseReject(), "Maybe 0.02: 2 % of good parts are rejected.");
        probability(path + ".reworkSuccess", in.reworkSuccess(), "Maybe 0.9.");
        if (in.classifier() != null) {
            checkClassifier(path + ".classifier", in.classifier());
            if (in.detection() != null || in.falseReject() != null) {
                add(path + (in.detection() != null ? ".detection" : ".falseReject"),
                        num(in.detection() != null ? in.detection() : in.falseReject()),
                        "Give the classifier or detection and falseReject, not both",
                        "Maybe remove detection and falseReject: the classifier's confusion matrix sets them.");
            }
        }
        if (in.maxReworks() < 0) {
            add(path + ".maxReworks", String.valueOf(in.maxReworks()), "The number of reworks must be >= 0",
                    "Maybe 2.");
        }
        if (in.disposition() == InspectionDisposition.REWORK) {
            List<String> allowed = l.stations().subList(0, stationIndex + 1).stream()
                    .filter(Objects::nonNull).map(Station::id).toList();
            if (in.reworkAt() == null) {
                add(path + ".reworkAt", null, "A rework disposition needs the station that reworks",
                        "Maybe reworkAt: " + allowed.get(allowed.size() - 1) + ".");
            } else if (!allowed.contains(in.reworkAt())) {
                add(path + ".reworkAt", q(in.reworkAt()), "reworkAt must name this station or an earlier station of"
                        + " line " + l.id() + " " + allowed, Hints.closest(in.reworkAt(), new LinkedHashSet<>(allowed)));
            }
        } else if (in.reworkAt() != null) {
            add(path + ".reworkAt", q(in.reworkAt()), "Only a rework disposition takes reworkAt",
                    "Maybe disposition: rework, or remove reworkAt.");
        }
    }

    private void checkClassifier(String path, InspectionClassifier c) {
        List<String> classes = c.classes();
        if (classes.isEmpty() && c.model() == null) {
            add(path + ".classes", "[]", "A classifier needs its classes and confusion matrix, or a model file",
                    "Maybe model: models/inspection/inspection.json.");
            return;
        }
        if (classes.isEmpty()) {
            return; // the model file could not be read: reported where it was read
        }
        boolean square = c.confusion().size() == classes.size()
                && c.confusion().stream().allMatch(r -> r != null && r.size() == classes.size()
                && r.stream().allMatch(v -> v != null && v >= 0 && !v.isInfinite()));
        if (!square) {
            add(path + ".confusion", String.valueOf(c.confusion()), "The confusion matrix must be " + classes.size()
                    + " x " + classes.size() + " non-negative numbers (rows true, columns predicted class)",
                    "Maybe one row per class in " + classes + ".");
        }
        if (c.reject().isEmpty()) {
            add(path + ".reject", "[]", "The classifier needs at least one class to reject",
                    "Maybe reject: [" + classes.get(0) + "].");
        }
        for (int k = 0; k < c.reject().size(); k++) {
            String r = c.reject().get(k);
            if (!classes.contains(r)) {
                add(path + ".reject[" + k + "]", q(r), "reject names a class the classifier does not have " + classes,
                        r == null ? "Maybe " + classes.get(0) + "." : Hints.closest(r, new LinkedHashSet<>(classes)));
            }
        }
    }

    private void probability(String path, Double p, String hint) {
        if (p != null && !(p >= 0 && p <= 1)) {
            add(path, num(p), "The probability must be in [0, 1]", hint);
        }
    }

    private void checkGroup(int i, MachineGroup g) {
        String path = "$.machineGroups[" + i + "]";
        checkMachineRefs(path + ".machines", g.machines(), "machine group " + g.id());
        checkMaterialStores(path + ".materials", g.materials());
    }

    // ---------------------------------------------------------------- raw materials

    private void checkMaterialStores(String path, List<org.plantwin.scenarios.model.MaterialStock> stores) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (int k = 0; k < stores.size(); k++) {
            var m = stores.get(k);
            String mp = path + "[" + k + "]";
            if (m == null) {
                add(mp, null, "A material store must be an object", "Maybe remove the empty entry.");
                continue;
            }
            checkId(mp + ".material", m.material(), "material store", seen);
            if (m.initial() < 0) {
                add(mp + ".initial", String.valueOf(m.initial()), "Initial stock must be >= 0", "Maybe 0.");
            }
            if (m.reorderPoint() != null && m.reorderPoint() < 0) {
                add(mp + ".reorderPoint", String.valueOf(m.reorderPoint()), "The reorder point must be >= 0",
                        "Maybe 0 to reorder only when the store is empty.");
            }
            if (m.orderQuantity() != null && m.orderQuantity() < 1) {
                add(mp + ".orderQuantity", String.valueOf(m.orderQuantity()), "The order quantity must be >= 1",
                        "Maybe a few days of use.");
            }
            if (m.supplier() != null && !suppliers.containsKey(m.supplier())) {
                add(mp + ".supplier", q(m.supplier()), "The supplier is not defined in suppliers",
                        Hints.closest(m.supplier(), suppliers.keySet()));
            }
        }
    }

    private void checkStepMaterials(String stepPath, RoutingStep step) {
        List<org.plantwin.scenarios.model.MaterialStock> stores = lines.containsKey(step.at())
                ? lines.get(step.at()).materials() : groups.get(step.at()).materials();
        Set<String> stocked = new LinkedHashSet<>();
        stores.forEach(m -> stocked.add(m.material()));
        step.materials().forEach((material, units) -> {
            String mp = key(stepPath + ".materials", material);
            if (!stocked.contains(material)) {
                add(mp, q(material), "The material is not in the line-side stores of " + step.at(),
                        stocked.isEmpty() ? "Maybe add materials: [{material: " + material + ", reorderPoint: ..., "
                                + "orderQuantity: ..., supplier: ...}] to " + step.at() + "."
                                : Hints.closest(material, stocked));
            }
            if (units == null || units < 1) {
                add(mp, String.valueOf(units), "A part consumes at least 1 unit of each material it names",
                        "Maybe 1, or drop the material.");
            }
        });
    }

    private void checkMachineRefs(String path, List<String> ids, String owner) {
        if (ids.isEmpty()) {
            add(path, "[]", "The " + owner.replaceAll(" .*", "") + " needs at least one machine",
                    "Maybe machines: [" + firstOr(machines.keySet(), "M1") + "].");
        }
        for (int k = 0; k < ids.size(); k++) {
            String id = ids.get(k);
            String p = path + "[" + k + "]";
            if (!machines.containsKey(id)) {
                add(p, q(id), "The machine is not defined in machines", Hints.closest(String.valueOf(id), machines.keySet()));
                continue;
            }
            String first = machineUsedAt.putIfAbsent(id, p);
            if (first != null) {
                add(p, q(id), "A machine works in exactly one station or machine group; " + first + " already uses it",
                        "Maybe define a second machine (e.g. \"" + id + "b\") or share it through one machine group.");
            }
        }
    }

    private void checkUnusedMachines() {
        machines.forEach((id, index) -> {
            if (!machineUsedAt.containsKey(id)) {
                add("$.machines[" + index + "].id", q(id), "The machine is in no station and no machine group",
                        "Maybe add it to a station's or machine group's machines, or delete it.");
            }
        });
    }

    /** Each machine a product can reach must know how long it takes for that product. */
    private void checkProcessingTimes() {
        // Machine id -> products missing a time, reported once per machine and product.
        Map<String, Set<String>> reported = new TreeMap<>();
        for (Product p : s.products()) {
            if (p.id() == null || !products.containsKey(p.id())) {
                continue;
            }
            for (RoutingStep step : p.routing()) {
                if (step == null) {
                    continue;
                }
                for (String machineId : machinesOf(step.at())) {
                    Integer index = machines.get(machineId);
                    if (index == null) {
                        continue;
                    }
                    Machine m = s.machines().get(index);
                    if (m.processTimeOf(p.id()) == null
                            && reported.computeIfAbsent(machineId, k -> new LinkedHashSet<>()).add(p.id())) {
                        add("$.machines[" + index + "].processTimes", q(p.id()),
                                "The machine has no processing time for product " + p.id() + ", which visits " + step.at(),
                                "Maybe add processTimes: {" + p.id() + ": {type: exponential, mean: 1m}} or a processTime for all products.");
                    }
                }
            }
        }
    }

    private List<String> machinesOf(String resource) {
        List<String> out = new ArrayList<>();
        Line l = lines.get(resource);
        if (l != null) {
            l.stations().stream().filter(Objects::nonNull).forEach(st -> out.addAll(st.machines()));
        }
        MachineGroup g = groups.get(resource);
        if (g != null) {
            out.addAll(g.machines());
        }
        return out;
    }

    // ---------------------------------------------------------------- sources

    private void checkSource(int i, Source src) {
        String path = "$.sources[" + i + "]";
        boolean arrivals = src.interarrival() != null;
        boolean orders = !src.orders().isEmpty();
        if (arrivals && orders) {
            add(path + ".orders", "[" + src.orders().size() + " orders]",
                    "A source has either an interarrival (an arrival process) or orders, not both",
                    "Maybe split it into two sources.");
        } else if (!arrivals && !orders) {
            add(path + ".interarrival", null, "A source needs an interarrival (with product or mix) or a list of orders",
                    "Maybe add interarrival: {type: exponential, mean: 1m}.");
        }
        if (arrivals) {
            checkDistribution(path + ".interarrival", src.interarrival(), true);
            checkProductOrMix(path, src);
        } else if (orders && (src.product() != null || !src.mix().isEmpty())) {
            add(path + (src.product() != null ? ".product" : ".mix"),
                    src.product() != null ? q(src.product()) : mixText(src.mix()),
                    "A source with orders takes the product from each order",
                    "Maybe remove it and write product: on each order.");
        }
        if (src.batch() != null && src.batch() < 1) {
            add(path + ".batch", String.valueOf(src.batch()), "The batch size must be >= 1",
                    "Maybe leave batch out for one part per arrival.");
        }
        if (src.limit() != null && src.limit() < 1) {
            add(path + ".limit", String.valueOf(src.limit()), "The limit must be >= 1",
                    "Maybe leave limit out for no limit.");
        }
        for (int o = 0; o < src.orders().size(); o++) {
            Order order = src.orders().get(o);
            String op = path + ".orders[" + o + "]";
            if (order == null) {
                add(op, null, "An order must be an object with release, product and quantity", "Maybe remove the empty entry.");
                continue;
            }
            if (order.product() != null && !products.containsKey(order.product())) {
                add(op + ".product", q(order.product()), "The order names a product that is not defined",
                        Hints.closest(order.product(), products.keySet()));
            }
            if (order.quantity() != null && order.quantity() < 1) {
                add(op + ".quantity", String.valueOf(order.quantity()), "The order quantity must be >= 1",
                        "Maybe remove the order instead of ordering " + order.quantity() + ".");
            }
        }
    }

    private void checkProductOrMix(String path, Source src) {
        boolean hasProduct = src.product() != null;
        boolean hasMix = !src.mix().isEmpty();
        if (hasProduct && hasMix) {
            add(path + ".mix", mixText(src.mix()), "A source has either product or mix, not both",
                    "Maybe remove product: " + src.product() + ", or the mix.");
            return;
        }
        if (!hasProduct && !hasMix) {
            add(path + ".product", null, "A source with an interarrival needs a product or a mix",
                    "Maybe add product: " + firstOr(products.keySet(), "part") + ".");
            return;
        }
        if (hasProduct) {
            if (!products.containsKey(src.product())) {
                add(path + ".product", q(src.product()), "The source names a product that is not defined",
                        Hints.closest(src.product(), products.keySet()));
            }
            return;
        }
        // Mix: known products, positive weights, one first resource.
        Map<String, String> firstResource = new LinkedHashMap<>();
        src.mix().forEach((product, weight) -> {
            String p = key(path + ".mix", product);
            if (!products.containsKey(product)) {
                add(p, q(product), "The mix names a product that is not defined", Hints.closest(product, products.keySet()));
            } else {
                Product prod = s.products().stream().filter(x -> product.equals(x.id())).findFirst().orElseThrow();
                if (!prod.routing().isEmpty() && prod.routing().get(0) != null) {
                    firstResource.put(product, prod.routing().get(0).at());
                }
            }
            if (weight == null || !(weight > 0) || weight.isInfinite()) {
                add(p, weight == null ? null : num(weight), "A mix weight must be a finite number > 0",
                        "Maybe remove the product from the mix instead of weighting it 0.");
            }
        });
        if (new LinkedHashSet<>(firstResource.values()).size() > 1) {
            add(path + ".mix", firstResource.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                            .collect(java.util.stream.Collectors.joining(", ", "{", "}")),
                    "All products of a mix must start at the same resource",
                    "Maybe use one source per product, or start every routing at the same line or machine group.");
        }
    }

    // ---------------------------------------------------------------- supply chain

    private void checkSite(int i, Site site) {
        String path = "$.sites[" + i + "]";
        finite(path + ".x", site.x(), "Maybe the east coordinate in km, e.g. 12.5.");
        finite(path + ".y", site.y(), "Maybe the north coordinate in km, e.g. 48.1.");
    }

    private void checkTravel(Travel travel) {
        String path = "$.travel";
        travel.matrix().forEach((from, row) -> {
            String rowPath = key(path + ".matrix", from);
            if (!sites.containsKey(from)) {
                add(rowPath, q(from), "The distance matrix names a site that is not defined", siteHint(from));
            }
            row.forEach((to, km) -> {
                String cell = key(rowPath, to);
                if (!sites.containsKey(to)) {
                    add(cell, q(to), "The distance matrix names a site that is not defined", siteHint(to));
                }
                if (km == null || !(km >= 0) || km.isInfinite()) {
                    add(cell, km == null ? null : num(km), "A distance must be a finite number of km >= 0",
                            "Maybe leave the pair out to use the straight-line distance.");
                }
            });
        });
        Double speed = travel.speedKmPerHour();
        if (speed == null || !(speed > 0) || speed.isInfinite()) {
            add(path + ".speedKmPerHour", speed == null ? null : num(speed), "The speed must be a finite number of km/h > 0",
                    "Maybe 60, or leave it out for the default of 60 km/h.");
        }
        Double cv = travel.noiseCv();
        if (cv == null || !(cv >= 0) || cv.isInfinite()) {
            add(path + ".noiseCv", cv == null ? null : num(cv), "The coefficient of variation must be a finite number >= 0",
                    "Maybe 0.1 for travel times that vary by about 10 %, or 0 for none.");
        }
    }

    private void checkWarehouse(int i, Warehouse w) {
        String path = "$.warehouses[" + i + "]";
        checkSiteRef(path + ".site", w.site());
        if (w.capacity() != null && w.capacity() < 1) {
            add(path + ".capacity", String.valueOf(w.capacity()), "The capacity must be >= 1 unit",
                    "Maybe leave capacity out for an unlimited warehouse.");
        }
        if (w.stock().isEmpty()) {
            add(path + ".stock", "[]", "A warehouse needs at least one stock item",
                    "Maybe stock: [{product: " + firstOr(products.keySet(), "part")
                            + ", replenishFrom: production, policy: {type: sS, reorderPoint: 10, orderUpTo: 50}}].");
        }
        long initial = w.stock().stream().filter(it -> it != null && it.initial() != null && it.initial() > 0)
                .mapToLong(StockItem::initial).sum();
        if (w.capacity() != null && w.capacity() >= 1 && initial > w.capacity()) {
            add(path + ".capacity", String.valueOf(w.capacity()),
                    "The capacity must hold the initial stock (" + initial + " units in all)",
                    "Maybe capacity: " + initial + " or more, or less initial stock.");
        }
        Map<String, String> seen = new LinkedHashMap<>();
        for (int j = 0; j < w.stock().size(); j++) {
            StockItem item = w.stock().get(j);
            String ip = path + ".stock[" + j + "]";
            if (item == null) {
                add(ip, null, "A stock item must be an object with product, policy and replenishFrom", "Maybe remove the empty entry.");
                continue;
            }
            checkStockItem(ip, w, item, seen);
        }
    }

    private void checkStockItem(String path, Warehouse w, StockItem item, Map<String, String> seen) {
        String product = item.product();
        if (product == null || !products.containsKey(product)) {
            add(path + ".product", q(product), "The stock item names a product that is not defined",
                    productHint(product));
        } else {
            String first = seen.putIfAbsent(product, path);
            if (first != null) {
                add(path + ".product", q(product), "A warehouse stocks each product once; " + first + " already stocks it",
                        "Maybe merge the two stock items.");
            }
        }
        if (item.initial() != null && item.initial() < 0) {
            add(path + ".initial", String.valueOf(item.initial()), "The initial stock must be >= 0",
                    "Maybe 0; backorders build up on their own.");
        }
        if (item.capacity() != null && (item.capacity() < 1 || item.capacity() < item.initial())) {
            add(path + ".capacity", String.valueOf(item.capacity()),
                    "The product's capacity must be >= 1 and hold its initial stock (" + item.initial() + ")",
                    "Maybe capacity: " + Math.max(1, item.initial()) + " or more.");
        }
        if (item.policy() == null) {
            add(path + ".policy", null, "A stock item needs a replenishment policy",
                    "Maybe policy: {type: sS, reorderPoint: 10, orderUpTo: 50}.");
        } else {
            checkPolicy(path + ".policy", item.policy());
        }
        String from = item.replenishFrom();
        if (from == null) {
            add(path + ".replenishFrom", null, "A stock item needs replenishFrom: production or a supplier id",
                    "Maybe replenishFrom: production.");
        } else if (StockItem.PRODUCTION.equals(from)) {
            Product p = product == null ? null : productById(product);
            if (p != null) {
                String sink = p.sink() != null ? p.sink() : (sinks.size() == 1 ? sinks.iterator().next() : null);
                if (!Objects.equals(sink, w.id())) {
                    add(path + ".replenishFrom", q(from), "Product " + product + " is replenished from production, but its"
                                    + " finished parts go to " + (sink == null ? "no sink" : sink) + ", not to warehouse " + w.id(),
                            "Maybe write sink: " + w.id() + " on product " + product + ", or replenish it from a supplier.");
                }
            }
        } else if (!suppliers.containsKey(from)) {
            Set<String> allowed = new LinkedHashSet<>();
            allowed.add(StockItem.PRODUCTION);
            allowed.addAll(suppliers.keySet());
            add(path + ".replenishFrom", q(from), "replenishFrom must be production or a supplier id",
                    Hints.closest(from, allowed));
        }
        nonNegative(path + ".holdingCostPerUnitDay", item.holdingCostPerUnitDay(), "cost");
        nonNegative(path + ".backorderCostPerUnitDay", item.backorderCostPerUnitDay(), "cost");
    }

    private void checkPolicy(String path, InventoryPolicy policy) {
        if (policy.type() == null) {
            add(path + ".type", null, "A policy needs a type: sS, sQ, baseStock or makeToOrder", "Maybe type: sS.");
            return;
        }
        Integer rp = policy.reorderPoint();
        switch (policy.type()) {
            case S_S -> {
                if (rp == null) {
                    add(path + ".reorderPoint", null, "An sS policy needs reorderPoint (s)", "Maybe reorderPoint: 10.");
                } else if (rp < 0) {
                    add(path + ".reorderPoint", String.valueOf(rp), "The reorder point must be >= 0",
                            "Maybe 0: order when the last unit is gone.");
                }
                Integer upTo = policy.orderUpTo();
                if (upTo == null) {
                    add(path + ".orderUpTo", null, "An sS policy needs orderUpTo (S)",
                            "Maybe orderUpTo: " + (rp == null ? 50 : Math.max(1, rp) * 3) + ".");
                } else if (rp != null && upTo <= rp) {
                    add(path + ".orderUpTo", String.valueOf(upTo), "orderUpTo must be > reorderPoint (" + rp + ")",
                            upTo < rp ? "Maybe swap reorderPoint and orderUpTo."
                                    : "Maybe orderUpTo: " + (rp + Math.max(1, rp)) + "; S - s is the smallest order.");
                }
                foreign(path, "orderQuantity", policy.orderQuantity(), "sS", "sQ");
                foreign(path, "level", policy.level(), "sS", "baseStock");
            }
            case S_Q -> {
                if (rp == null) {
                    add(path + ".reorderPoint", null, "An sQ policy needs reorderPoint (s)", "Maybe reorderPoint: 10.");
                } else if (rp < 0) {
                    add(path + ".reorderPoint", String.valueOf(rp), "The reorder point must be >= 0",
                            "Maybe 0: order when the last unit is gone.");
                }
                Integer qty = policy.orderQuantity();
                if (qty == null) {
                    add(path + ".orderQuantity", null, "An sQ policy needs orderQuantity (Q)", "Maybe orderQuantity: 50.");
                } else if (qty < 1) {
                    add(path + ".orderQuantity", String.valueOf(qty), "The order quantity must be >= 1",
                            "Maybe the usual lot size, e.g. 50.");
                }
                foreign(path, "orderUpTo", policy.orderUpTo(), "sQ", "sS");
                foreign(path, "level", policy.level(), "sQ", "baseStock");
            }
            case BASE_STOCK -> {
                if (policy.level() == null) {
                    add(path + ".level", null, "A baseStock policy needs level", "Maybe level: 20.");
                } else if (policy.level() < 1) {
                    add(path + ".level", String.valueOf(policy.level()), "The base-stock level must be >= 1",
                            "Maybe type: makeToOrder to keep no stock.");
                }
                foreign(path, "reorderPoint", rp, "baseStock", "sS or sQ");
                foreign(path, "orderUpTo", policy.orderUpTo(), "baseStock", "sS");
                foreign(path, "orderQuantity", policy.orderQuantity(), "baseStock", "sQ");
            }
            case MAKE_TO_ORDER -> {
                foreign(path, "reorderPoint", rp, "makeToOrder", "sS or sQ");
                foreign(path, "orderUpTo", policy.orderUpTo(), "makeToOrder", "sS");
                foreign(path, "orderQuantity", policy.orderQuantity(), "makeToOrder", "sQ");
                foreign(path, "level", policy.level(), "makeToOrder", "baseStock");
            }
            default -> throw new IllegalStateException("The policy type (" + policy.type() + ") is not handled.");
        }
    }

    /** A parameter that belongs to another policy type is an error (it would be silently ignored). */
    private void foreign(String path, String field, Integer value, String type, String owner) {
        if (value != null) {
            add(path + "." + field, String.valueOf(value),
                    (type.startsWith("s") ? "An " : "A ") + type + " policy takes no " + field + " (that is for " + owner + ")",
                    "Maybe remove " + field + ", or use type " + owner + ".");
        }
    }

    private void checkSupplier(int i, Supplier sup) {
        String path = "$.suppliers[" + i + "]";
        checkSiteRef(path + ".site", sup.site());
        if (sup.leadTime() == null) {
            add(path + ".leadTime", null, "A supplier needs a lead time", "Maybe leadTime: {type: uniform, min: 2d, max: 4d}.");
        } else {
            checkDistribution(path + ".leadTime", sup.leadTime(), false);
        }
        Double r = sup.reliability();
        if (r == null || !(r > 0 && r <= 1)) {
            add(path + ".reliability", r == null ? null : num(r), "The reliability must be in (0, 1]",
                    "Maybe write a fraction: 0.95 for 95 % on time.");
        } else if (r < 1) {
            if (sup.lateBy() == null) {
                add(path + ".lateBy", null, "A supplier with reliability < 1 needs lateBy, the delay of a late delivery",
                        "Maybe lateBy: {type: exponential, mean: 2d}.");
            } else {
                checkDistribution(path + ".lateBy", sup.lateBy(), false);
            }
        } else if (sup.lateBy() != null) {
            checkDistribution(path + ".lateBy", sup.lateBy(), false);
        }
    }

    private void checkCustomer(int i, Customer c) {
        String path = "$.customers[" + i + "]";
        checkSiteRef(path + ".site", c.site());
        Warehouse w = c.warehouse() == null ? null : warehouses.get(c.warehouse());
        if (w == null) {
            add(path + ".warehouse", q(c.warehouse()), "The customer orders from a warehouse that is not defined",
                    warehouseHint(c.warehouse()));
        }
        if (c.quotedLeadTime() == null) {
            add(path + ".quotedLeadTime", null, "A customer needs a quoted lead time (due date = order time + it)",
                    "Maybe quotedLeadTime: 2d.");
        }
        if (c.demand().isEmpty()) {
            add(path + ".demand", "[]", "A customer needs at least one demand",
                    "Maybe demand: [{product: " + firstOr(products.keySet(), "part") + ", interarrival: {type: exponential, mean: 4h}}].");
        }
        for (int j = 0; j < c.demand().size(); j++) {
            Demand d = c.demand().get(j);
            String dp = path + ".demand[" + j + "]";
            if (d == null) {
                add(dp, null, "A demand must be an object with product and interarrival", "Maybe remove the empty entry.");
                continue;
            }
            checkDemand(dp, w, d);
        }
    }

    private void checkDemand(String path, Warehouse w, Demand d) {
        if (d.product() == null || !products.containsKey(d.product())) {
            add(path + ".product", q(d.product()), "The demand names a product that is not defined", productHint(d.product()));
        } else if (w != null && stockItem(w, d.product()) == null) {
            add(path + ".product", q(d.product()), "The customer's warehouse " + w.id() + " does not stock this product",
                    "Maybe add a stock item for " + d.product() + " to warehouse " + w.id() + ", or order from another warehouse.");
        }
        if (d.series() != null) {
            if (d.interarrival() != null) {
                add(path + ".interarrival", "(an interarrival)", "A demand has either an interarrival or a series, not both",
                        "Maybe drop the interarrival: the series gives the orders.");
            }
            checkSeries(path + ".series", d.series());
        } else if (d.interarrival() == null) {
            add(path + ".interarrival", null, "A demand needs an interarrival (or a series)",
                    "Maybe interarrival: {type: exponential, mean: 4h}.");
        } else {
            checkDistribution(path + ".interarrival", d.interarrival(), true);
        }
        if (d.quantity() != null) {
            checkQuantity(path + ".quantity", d.quantity());
        }
        if (!(d.scale() > 0) || d.scale().isInfinite()) {
            add(path + ".scale", num(d.scale()), "The demand scale must be a finite number > 0",
                    "Maybe 1.2 for 20% more demand.");
        }
        checkFactors(path + ".hourly", d.hourly(), 24, "hour of the day");
        checkFactors(path + ".weekly", d.weekly(), 7, "day of the week");
    }

    private void checkSeries(String path, org.plantwin.scenarios.model.DemandSeries series) {
        if (series.period() != null && series.period().millis() <= 0) {
            add(path + ".period", q(series.period()), "The period must be > 0", "Maybe \"1d\".");
        }
        if (series.values() == null) {
            add(path + (series.file() == null ? ".values" : ".file"), series.file() == null ? null : q(series.file()),
                    series.file() == null ? "A series needs a file or values" : "The series file was not read",
                    "Maybe file: demand.csv beside the scenario, or values: [3, 0, 5].");
            return;
        }
        for (int k = 0; k < series.values().size(); k++) {
            Double v = series.values().get(k);
            if (v == null || !(v >= 0) || v.isInfinite()) {
                add(path + ".values[" + k + "]", v == null ? null : num(v), "Units per period must be finite and >= 0",
                        "Maybe 0 for a period without demand.");
            }
        }
    }

    private void checkQuantity(String path, Quantity qty) {
        if (qty.type() == null) {
            add(path + ".type", null, "A quantity needs a type: constant, uniform, poisson or geometric", "Maybe type: constant.");
            return;
        }
        switch (qty.type()) {
            case CONSTANT -> {
                atLeastOne(path + ".value", qty.value(), "value: 1");
                foreignQuantity(path, "min", qty.min(), "constant");
                foreignQuantity(path, "max", qty.max(), "constant");
                foreignQuantity(path, "mean", qty.mean(), "constant");
            }
            case UNIFORM -> {
                atLeastOne(path + ".min", qty.min(), "min: 1");
                atLeastOne(path + ".max", qty.max(), "max: 5");
                if (qty.min() != null && qty.max() != null && qty.min() >= 1 && qty.max() >= 1 && qty.min() > qty.max()) {
                    add(path + ".min", String.valueOf(qty.min()), "min must be <= max (" + qty.max() + ")", "Maybe swap min and max.");
                }
                foreignQuantity(path, "value", qty.value(), "uniform");
                foreignQuantity(path, "mean", qty.mean(), "uniform");
            }
            case POISSON, GEOMETRIC -> {
                String type = qty.type() == Quantity.Type.POISSON ? "poisson" : "geometric";
                Double mean = qty.mean();
                if (mean == null) {
                    add(path + ".mean", null, "A " + type + " quantity needs mean", "Maybe mean: 3.");
                } else if (!(mean >= 1) || mean.isInfinite()) {
                    add(path + ".mean", num(mean), "The mean units per order must be a finite number >= 1",
                            "Maybe 1 for single units; orders are never empty.");
                }
                foreignQuantity(path, "value", qty.value(), type);
                foreignQuantity(path, "min", qty.min(), type);
                foreignQuantity(path, "max", qty.max(), type);
            }
            default -> throw new IllegalStateException("The quantity type (" + qty.type() + ") is not handled.");
        }
    }

    private void atLeastOne(String path, Integer value, String example) {
        String field = path.substring(path.lastIndexOf('.') + 1);
        if (value == null) {
            add(path, null, "The quantity needs " + field, "Maybe " + example + ".");
        } else if (value < 1) {
            add(path, String.valueOf(value), "The " + field + " of a quantity (units per order) must be >= 1", "Maybe " + example + ".");
        }
    }

    private void foreignQuantity(String path, String field, Number value, String type) {
        if (value != null) {
            add(path + "." + field, value instanceof Double x ? num(x) : String.valueOf(value),
                    "A " + type + " quantity takes no " + field,
                    "Maybe remove " + field + ", or change the type (constant: value; uniform: min, max; poisson or geometric: mean).");
        }
    }

    private void checkFactors(String path, List<Double> factors, int size, String what) {
        if (factors == null) {
            return;
        }
        if (factors.size() != size) {
            add(path, factors.stream().map(x -> x == null ? "null" : num(x)).collect(java.util.stream.Collectors.joining(", ", "[", "]")),
                    "There must be exactly " + size + " factors, one per " + what + " (found " + factors.size() + ")",
                    "Maybe leave it out for a flat profile (all 1).");
            return;
        }
        boolean positive = false;
        for (int k = 0; k < factors.size(); k++) {
            Double x = factors.get(k);
            if (x == null || !(x >= 0) || x.isInfinite()) {
                add(path + "[" + k + "]", x == null ? null : num(x), "A factor must be a finite number >= 0",
                        "Maybe 0 for no orders in that " + what.substring(0, what.indexOf(' ')) + ".");
                return;
            }
            positive |= x > 0;
        }
        if (!positive) {
            add(path, "[" + size + " zeros]", "The factors must not all be 0, or no order ever arrives",
                    "Maybe leave it out for a flat profile (all 1).");
        }
    }

    private void checkFleet(int i, Fleet f) {
        String path = "$.fleets[" + i + "]";
        if (f.depot() == null || !warehouses.containsKey(f.depot())) {
            String atSite = warehouses.values().stream().filter(w -> Objects.equals(w.site(), f.depot())).map(Warehouse::id)
                    .findFirst().orElse(null);
            add(path + ".depot", q(f.depot()), "The depot must be a warehouse id", atSite != null
                    ? "Maybe " + atSite + ", the warehouse at site " + f.depot() + ": a depot names the warehouse, not its site."
                    : warehouseHint(f.depot()));
        }
        if (f.trucks() == null || f.trucks() < 1) {
            add(path + ".trucks", f.trucks() == null ? null : String.valueOf(f.trucks()), "A fleet needs >= 1 truck",
                    "Maybe trucks: 1, or remove the fleet.");
        }
        if (f.capacity() == null || f.capacity() < 1) {
            add(path + ".capacity", f.capacity() == null ? null : String.valueOf(f.capacity()),
                    "The truck capacity must be >= 1 unit", "Maybe capacity: 20.");
        }
        Double vol = f.volumeCapacity();
        if (vol != null) {
            if (!(vol > 0) || vol.isInfinite()) {
                add(path + ".volumeCapacity", num(vol), "The volume capacity must be a finite number > 0",
                        "Maybe leave it out to limit trucks by units only.");
            } else {
                for (Product p : s.products()) {
                    if (p != null && p.volume() != null && p.volume() > vol) {
                        add(path + ".volumeCapacity", num(vol), "A unit of product " + p.id() + " (volume "
                                + num(p.volume()) + ") does not fit a truck", "Maybe a larger volumeCapacity.");
                        break;
                    }
                }
            }
        }
        Double speed = f.speedKmPerHour();
        if (speed != null && (!(speed > 0) || speed.isInfinite())) {
            add(path + ".speedKmPerHour", num(speed), "The speed must be a finite number of km/h > 0",
                    "Maybe leave it out to use the travel model's speed.");
        }
        nonNegative(path + ".costPerKm", f.costPerKm(), "cost");
        nonNegative(path + ".costPerHour", f.costPerHour(), "cost");
        if (f.maxWait() != null && f.maxWait().millis() <= 0) {
            add(path + ".maxWait", q(f.maxWait()), "maxWait must be > 0", "Maybe \"4h\", or dispatch: nearest to wait for nothing.");
        }
        List<Double> trace = f.travelTrace();
        for (int k = 0; k < trace.size(); k++) {
            Double x = trace.get(k);
            if (x == null || !(x > 0) || x.isInfinite()) {
                add(path + ".travelTrace[" + k + "]", x == null ? null : num(x),
                        "A travel-time factor must be a finite number > 0",
                        "Maybe 1 for a leg as long as distance / speed; remove the entry to end the trace earlier.");
            }
        }
        Fleet.Shift shift = f.shift();
        if (shift != null && shift.start() != null && shift.end() != null) {
            if (shift.end().millis() > DAY_MILLIS) {
                add(path + ".shift.end", q(shift.end()), "A shift ends at most 24h after midnight",
                        "Maybe \"24h\"; a shift cannot run past midnight, so split a night shift in two fleets.");
            } else if (shift.start().millis() >= shift.end().millis()) {
                add(path + ".shift.start", q(shift.start()), "The shift must start before it ends (" + shift.end().text() + ")",
                        "Maybe swap start and end.");
            }
        }
    }

    private static final double DAY_MILLIS = 86_400_000;

    private void checkSiteRef(String path, String site) {
        if (site == null || !sites.containsKey(site)) {
            add(path, q(site), "The site is not defined in sites", siteHint(site));
        }
    }

    private String siteHint(String given) {
        if (sites.isEmpty() || given == null) {
            return sites.isEmpty() ? "Maybe add sites: [{id: " + (given == null ? "plant" : given) + ", x: 0, y: 0}] (km)."
                    : "Maybe use one of " + sites.keySet() + ".";
        }
        return Hints.closest(given, sites.keySet());
    }

    private String warehouseHint(String given) {
        if (warehouses.isEmpty()) {
            return "Maybe add a warehouse to warehouses.";
        }
        return given == null ? "Maybe use one of " + warehouses.keySet() + "." : Hints.closest(given, warehouses.keySet());
    }

    private String productHint(String given) {
        return given == null ? "Maybe use one of " + products.keySet() + "." : Hints.closest(given, products.keySet());
    }

    private Product productById(String id) {
        return s.products().stream().filter(p -> p != null && id.equals(p.id())).findFirst().orElse(null);
    }

    private static StockItem stockItem(Warehouse w, String product) {
        return w.stock().stream().filter(it -> it != null && product.equals(it.product())).findFirst().orElse(null);
    }

    private void finite(String path, Double x, String hint) {
        if (x == null || x.isNaN() || x.isInfinite()) {
            add(path, x == null ? null : num(x), "The coordinate must be a finite number (km)", hint);
        }
    }

    private void nonNegative(String path, Double x, String what) {
        if (x == null || !(x >= 0) || x.isInfinite()) {
            add(path, x == null ? null : num(x), "The " + what + " must be a finite number >= 0", "Maybe 0 for none.");
        }
    }

    // ---------------------------------------------------------------- distributions

    /**
     * Checks a distribution's parameters; {@code positiveMean} is for clocks that would never advance at mean 0
     * (interarrival, time between failures).
     */
    private void checkDistribution(String path, Distribution d, boolean positiveMean) {
        if (d instanceof Distribution.Constant c) {
            required(path, "value", c.value());
            if (positiveMean && c.value() != null && c.value().millis() <= 0) {
                add(path, q(c.value()), "This time must be > 0, or the clock never advances", "Maybe \"1m\".");
            }
        } else if (d instanceof Distribution.Exponential e) {
            positive(path + ".mean", e.mean());
        } else if (d instanceof Distribution.Uniform u) {
            required(path, "min", u.min());
            required(path, "max", u.max());
            if (u.min() != null && u.max() != null && u.min().millis() > u.max().millis()) {
                add(path + ".min", q(u.min()), "min must be <= max (" + u.max().text() + ")", "Maybe swap min and max.");
            } else if (positiveMean && u.max() != null && u.max().millis() <= 0) {
                add(path + ".max", q(u.max()), "max must be > 0, or the clock never advances", "Maybe \"1m\".");
            }
        } else if (d instanceof Distribution.Triangular t) {
            required(path, "min", t.min());
            required(path, "mode", t.mode());
            required(path, "max", t.max());
            if (t.min() != null && t.max() != null && t.mode() != null) {
                if (t.min().millis() >= t.max().millis()) {
                    add(path + ".min", q(t.min()), "min must be < max (" + t.max().text() + ")",
                            t.min().millis() == t.max().millis() ? "Maybe use the constant \"" + t.min().text() + "\"."
                                    : "Maybe swap min and max.");
                } else if (t.mode().millis() < t.min().millis() || t.mode().millis() > t.max().millis()) {
                    add(path + ".mode", q(t.mode()), "mode must lie in [min, max] = [" + t.min().text() + ", " + t.max().text() + "]",
                            "Maybe the mode is in another unit than min and max.");
                }
            }
        } else if (d instanceof Distribution.Normal n) {
            // Draws below 0 are redrawn; with mean > 0 at least half are kept, so rejection ends quickly.
            positive(path + ".mean", n.mean());
            required(path, "sd", n.sd());
        } else if (d instanceof Distribution.Lognormal l) {
            positive(path + ".mean", l.mean());
            required(path, "sd", l.sd());
            if (l.sd() != null && l.sd().millis() <= 0) {
                add(path + ".sd", q(l.sd()), "The sd of a lognormal must be > 0",
                        "Maybe use a constant, like \"" + (l.mean() == null ? "1m" : l.mean().text()) + "\".");
            }
        } else if (d instanceof Distribution.Gamma g) {
            if (!(g.shape() > 0) || Double.isInfinite(g.shape())) {
                add(path + ".shape", num(g.shape()), "The shape of a gamma must be a finite number > 0",
                        "Maybe 2 (mean = shape x scale).");
            }
            positive(path + ".scale", g.scale());
        } else if (d instanceof Distribution.Erlang e) {
            if (e.k() < 1) {
                add(path + ".k", String.valueOf(e.k()), "The number of phases k must be >= 1",
                        "Maybe k: 1 (an exponential) or 2.");
            }
            positive(path + ".mean", e.mean());
        } else if (d instanceof Distribution.Weibull w) {
            if (!(w.shape() > 0) || Double.isInfinite(w.shape())) {
                add(path + ".shape", num(w.shape()), "The shape of a Weibull must be a finite number > 0",
                        "Maybe 1.5 (wear-out) or 1 (exponential).");
            }
            positive(path + ".scale", w.scale());
        } else if (d instanceof Distribution.Empirical e) {
            checkEmpirical(path, e, positiveMean);
        }
    }

    private void checkEmpirical(String path, Distribution.Empirical e, boolean positiveMean) {
        if (e.values().isEmpty()) {
            add(path + ".values", "[]", "An empirical distribution needs at least one value",
                    "Maybe values: [\"1m\", \"2m\"].");
            return;
        }
        List<Double> w = e.weights();
        if (w == null) {
            if (positiveMean && e.values().stream().allMatch(v -> v == null || v.millis() <= 0)) {
                add(path + ".values", e.values().toString(), "Some value must be > 0, or the clock never advances", "Maybe \"1m\".");
            }
            return;
        }
        if (w.size() != e.values().size()) {
            add(path + ".weights", w.toString(), "weights must have one entry per value (" + e.values().size() + " values)",
                    "Maybe leave weights out for equal weights.");
            return;
        }
        double sum = 0;
        for (int i = 0; i < w.size(); i++) {
            Double x = w.get(i);
            if (x == null || !(x >= 0) || x.isInfinite()) {
                add(path + ".weights[" + i + "]", x == null ? null : num(x), "A weight must be a finite number >= 0",
                        "Maybe drop the minus sign.");
                return;
            }
            sum += x;
        }
        if (sum <= 0) {
            add(path + ".weights", w.toString(), "The weights must not all be 0", "Maybe leave weights out for equal weights.");
        }
    }

    private void required(String path, String field, Object value) {
        if (value == null) {
            add(path + "." + field, null, "The distribution needs " + field, "Maybe add " + field + ": \"1m\".");
        }
    }

    private void positive(String path, TimeSpan t) {
        if (t == null) {
            add(path, null, "The distribution needs " + path.substring(path.lastIndexOf('.') + 1),
                    "Maybe add " + path.substring(path.lastIndexOf('.') + 1) + ": \"1m\".");
        } else if (t.millis() <= 0) {
            add(path, q(t), "The " + path.substring(path.lastIndexOf('.') + 1) + " must be > 0",
                    "Maybe \"1m\"; use a constant such as \"0s\" where no time is meant.");
        }
    }

    // ---------------------------------------------------------------- helpers

    private Set<String> resourceIds() {
        Set<String> ids = new LinkedHashSet<>(lines.keySet());
        ids.addAll(groups.keySet());
        return ids;
    }

    private void add(String path, String value, String rule, String hint) {
        problems.add(new Problem(path, value == null ? "(missing)" : value, rule, hint));
    }

    private static String firstOr(Set<String> ids, String fallback) {
        return ids.isEmpty() ? fallback : ids.iterator().next();
    }

    private static String mixText(Map<String, Double> mix) {
        StringBuilder sb = new StringBuilder("{");
        mix.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(k).append(": ").append(v == null ? "null" : num(v)));
        return sb.append('}').toString();
    }

    /** A JSON path step for a map key: {@code .key} for plain names, else {@code ['key']}. */
    static String key(String base, String name) {
        if (name != null && name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return base + "." + name;
        }
        return base + "['" + name + "']";
    }

    private static String q(Object value) {
        return value == null ? null : "\"" + value + "\"";
    }

    /** A number as JSON writes it: {@code 1} not {@code 1.0}. */
    private static String num(double x) {
        if (x == Math.rint(x) && !Double.isInfinite(x) && Math.abs(x) < 1e15) {
            return String.valueOf((long) x);
        }
        return String.valueOf(x);
    }
}
