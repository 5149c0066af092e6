package org.plantwin.twin.experiment;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.plantwin.actors.api.RunResult;
import org.plantwin.scenarios.io.Hints;
import org.plantwin.scenarios.model.Line;
import org.plantwin.scenarios.model.Machine;
import org.plantwin.scenarios.model.MachineGroup;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.Sink;
import org.plantwin.scenarios.model.Source;
import org.plantwin.scenarios.model.Station;

/**
 * KPIs by name: {@code plant.throughputPerHour}, {@code stations[S1].waitMeanMinutes},
 * {@code machines[M3].utilisation}, {@code machines[M3].stateFractions.down}, {@code sinks[out].cycleTimeP95Minutes},
 * {@code maintenanceSummary.oee}, {@code maintenance[M3].cost}, {@code inspection[QC].firstPassYield}.
 * The names are the {@link RunResult} record fields; an entity is chosen by id ({@code [M3]} or {@code [id=M3]}).
 */
public final class Kpis {

    /** KPIs an experiment reports unless told otherwise. */
    public static final List<String> DEFAULTS = List.of("plant.throughputPerHour", "plant.cycleTimeMeanMinutes",
            "plant.wipMean");

    /** Keys of {@link RunResult.MachineKpis#stateFractions()}; the actors module writes every state, in this order. */
    static final List<String> MACHINE_STATES = List.of("idle", "busy", "blocked", "starved", "setup", "down",
            "maintenance");

    private static final Set<String> HIGHER = Set.of("partsOut", "partsIn", "throughputPerHour", "good", "processed",
            "utilisation", "availability", "performance", "quality", "oee", "created", "parts", "started",
            "orderFillRate", "unitFillRate", "onTimeDelivery", "completed", "firstPassYield", "goodOutput");
    private static final Set<String> LOWER = Set.of("wipMean", "cycleTimeMeanMinutes", "cycleTimeP50Minutes",
            "cycleTimeP95Minutes", "cycleTimeSdMinutes", "cycleTimeMaxMinutes", "scrapped", "bufferMean", "bufferMax",
            "waitMeanMinutes", "waitP95Minutes", "failures", "setups", "lost", "lossProbability", "blockedFraction",
            "late", "tardinessMeanMinutes", "leadTimeMeanHours", "leadTimeP95Hours", "backordersMean", "stockouts",
            "kmDriven", "km", "transportCost", "holdingCost", "backorderCost", "totalCost", "cost",
            "materialStarvedShare", "partsWaited", "downMinutes", "maintenanceMinutes", "downtimeMinutes", "preventiveCost",
            "repairCost", "escapes", "escapeRate", "falseRejects", "reworked");

    private Kpis() {
    }

    /** Every numeric KPI of {@code r}, by name, in result order. */
    public static Map<String, Double> all(RunResult r) {
        Map<String, Double> out = new LinkedHashMap<>();
        fields("plant.", r.plant(), out);
        r.lines().forEach(l -> fields("lines[" + l.id() + "].", l, out));
        r.stations().forEach(s -> fields("stations[" + s.id() + "].", s, out));
        for (RunResult.MachineKpis m : r.machines()) {
            fields("machines[" + m.id() + "].", m, out);
            m.stateFractions().forEach((k, v) -> out.putIfAbsent("machines[" + m.id() + "].stateFractions." + k, v));
        }
        r.sources().forEach(s -> fields("sources[" + s.id() + "].", s, out));
        r.sinks().forEach(s -> fields("sinks[" + s.id() + "].", s, out));
        if (r.supplyChain() != null) {
            fields("supplyChain.", r.supplyChain(), out);
        }
        r.inventory().forEach(i -> fields("inventory[" + i.warehouse() + "/" + i.product() + "].", i, out));
        r.customers().forEach(c -> fields("customers[" + c.id() + "].", c, out));
        r.fleets().forEach(f -> fields("fleets[" + f.id() + "].", f, out));
        r.suppliers().forEach(x -> fields("suppliers[" + x.id() + "].", x, out));
        r.materials().forEach(m -> fields("materials[" + m.resource() + "/" + m.material() + "].", m, out));
        if (r.maintenanceSummary() != null) {
            fields("maintenanceSummary.", r.maintenanceSummary(), out);
        }
        r.maintenance().forEach(m -> fields("maintenance[" + m.id() + "].", m, out));
        r.inspection().forEach(q -> fields("inspection[" + q.station() + "].", q, out));
        return out;
    }

    /** The value of KPI {@code name} in {@code r}. */
    public static double value(RunResult r, String name) {
        String key = normalise(name);
        Double v = all(r).get(key);
        if (v == null) {
            throw unknown(name, all(r).keySet(), r.scenario());
        }
        return v;
    }

    /** Every KPI name a run of {@code s} reports (ids from the scenario, fields from {@link RunResult}). */
    public static List<String> names(Scenario s) {
        List<String> out = new ArrayList<>();
        names("plant.", RunResult.PlantKpis.class, out);
        for (Line l : s.lines()) {
            names("lines[" + l.id() + "].", RunResult.LineKpis.class, out);
        }
        for (MachineGroup g : s.machineGroups()) {
            names("lines[" + g.id() + "].", RunResult.LineKpis.class, out);
        }
        for (Line l : s.lines()) {
            for (Station st : l.stations()) {
                names("stations[" + st.id() + "].", RunResult.StationKpis.class, out);
            }
        }
        for (MachineGroup g : s.machineGroups()) {
            names("stations[" + g.id() + "].", RunResult.StationKpis.class, out);
        }
        for (Machine m : s.machines()) {
            names("machines[" + m.id() + "].", RunResult.MachineKpis.class, out);
            MACHINE_STATES.forEach(st -> out.add("machines[" + m.id() + "].stateFractions." + st));
        }
        for (Source src : s.sources()) {
            names("sources[" + src.id() + "].", RunResult.SourceKpis.class, out);
        }
        for (Sink k : s.sinks()) {
            names("sinks[" + k.id() + "].", RunResult.SinkKpis.class, out);
        }
        if (!s.customers().isEmpty()) {
            names("supplyChain.", RunResult.SupplyChainKpis.class, out);
        }
        for (var w : s.warehouses()) {
            for (var item : w.stock()) {
                names("inventory[" + w.id() + "/" + item.product() + "].", RunResult.InventoryKpis.class, out);
            }
        }
        for (var c : s.customers()) {
            names("customers[" + c.id() + "].", RunResult.CustomerKpis.class, out);
        }
        for (var f : s.fleets()) {
            names("fleets[" + f.id() + "].", RunResult.FleetKpis.class, out);
        }
        for (var x : s.suppliers()) {
            names("suppliers[" + x.id() + "].", RunResult.SupplierKpis.class, out);
        }
        for (Line l : s.lines()) {
            for (var m : l.materials()) {
                names("materials[" + l.id() + "/" + m.material() + "].", RunResult.MaterialKpis.class, out);
            }
        }
        for (MachineGroup g : s.machineGroups()) {
            for (var m : g.materials()) {
                names("materials[" + g.id() + "/" + m.material() + "].", RunResult.MaterialKpis.class, out);
            }
        }
        if (s.machines().stream().anyMatch(m -> m.degradation() != null || m.maintenance() != null)) {
            names("maintenanceSummary.", RunResult.MaintenanceSummary.class, out);
        }
        for (Machine m : s.machines()) {
            if (m.degradation() != null || m.maintenance() != null) {
                names("maintenance[" + m.id() + "].", RunResult.MaintenanceKpis.class, out);
            }
        }
        for (Line l : s.lines()) {
            for (Station st : l.stations()) {
                if (st.inspection() != null) {
                    names("inspection[" + st.id() + "].", RunResult.InspectionKpis.class, out);
                }
            }
        }
        return out;
    }

    /** Checks {@code kpis} against {@link #names(Scenario)}; throws {@link UnknownKpiException} for the first bad one. */
    public static void check(Collection<String> kpis, Scenario s, String where) {
        List<String> valid = names(s);
        for (String k : kpis) {
            if (!valid.contains(normalise(k))) {
                throw unknown(k, valid, where);
            }
        }
    }

    /** Whether higher or lower is better, from the field name. */
    public static Direction direction(String name) {
        String key = normalise(name);
        if (key.contains(".stateFractions.")) {
            return Direction.NEUTRAL;
        }
        String field = key.substring(key.lastIndexOf('.') + 1);
        return HIGHER.contains(field) ? Direction.HIGHER_IS_BETTER
                : LOWER.contains(field) ? Direction.LOWER_IS_BETTER : Direction.NEUTRAL;
    }

    /** {@code machines[id=M3].x} and {@code machines[M3].x} name the same KPI; the short form is canonical. */
    public static String normalise(String name) {
        return name.strip().replaceAll("\\[id=([^\\]]*)]", "[$1]");
    }

    private static UnknownKpiException unknown(String name, Collection<String> valid, String where) {
        String key = normalise(name).toLowerCase(Locale.ROOT);
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (String v : valid) {
            String lv = v.toLowerCase(Locale.ROOT);
            // A prefix ("plant.throughput") is as good as it gets; otherwise the edit distance decides.
            int score = lv.startsWith(key) ? 0 : Hints.distance(key, lv) + 1;
            if (score < bestScore) {
                bestScore = score;
                best = v;
            }
        }
        return new UnknownKpiException(name, best, where);
    }

    private static void fields(String prefix, Record rec, Map<String, Double> out) {
        for (RecordComponent c : rec.getClass().getRecordComponents()) {
            if (!isNumber(c.getType())) {
                continue;
            }
            try {
                Object v = c.getAccessor().invoke(rec);
                if (v != null) {
                    out.putIfAbsent(prefix + c.getName(), ((Number) v).doubleValue());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("The field (" + c.getName() + ") of " + rec.getClass().getSimpleName()
                        + " cannot be read.", e);
            }
        }
    }

    private static void names(String prefix, Class<? extends Record> type, List<String> out) {
        for (RecordComponent c : type.getRecordComponents()) {
            if (isNumber(c.getType()) && !out.contains(prefix + c.getName())) {
                out.add(prefix + c.getName());
            }
        }
    }

    private static boolean isNumber(Class<?> t) {
        return t == double.class || t == long.class || t == int.class || Number.class.isAssignableFrom(t);
    }
}
