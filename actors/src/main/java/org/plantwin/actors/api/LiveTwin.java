package org.plantwin.actors.api;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.plantwin.actors.entity.LiveMessages;
import org.plantwin.actors.entity.LiveView;
import org.plantwin.actors.entity.PlantAssembly;
import org.plantwin.actors.entity.PlantModel;
import org.plantwin.actors.kernel.LogicalProcess;
import org.plantwin.actors.kernel.SyncKernel;
import org.plantwin.scenarios.model.Distribution;
import org.plantwin.scenarios.model.Machine;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.TimeSpan;

/**
 * A live twin: the scenario's logical processes run open-ended in virtual time, advanced by a pacer
 * ({@link #advanceTo}) and corrected by the plant's telemetry ({@link #apply}). Where telemetry is silent the model
 * fills in; where it speaks it wins (a machine reported down stays down until reported up; a reported inventory or
 * buffer level replaces the model's). Reported against expected values are kept per entity ({@link #drift}).
 *
 * <p>The twin is event-sourced: its state is a pure function of (scenario, seed, journal of applied telemetry with
 * the virtual time each was applied at, time reached). {@link #restore} rebuilds it after a restart, and
 * {@link Fork} replays the journal into fresh runs to start what-ifs from exactly this state. Windows and pacing
 * steps never change the result, only when it is computed.
 *
 * <p>Not thread-safe: one owner (an actor) drives it; {@link #forkBase()} hands an immutable copy to other threads.
 */
public final class LiveTwin {

    /** Live twins run open-ended; this is far beyond any plant's life (about 290,000 years). */
    public static final long OPEN_END = Long.MAX_VALUE / 1024;

    /** What became of one telemetry message. */
    public enum Outcome { APPLIED, DUPLICATE, STALE }

    /** A journal entry: message {@code seq} with id {@code id}, observed at {@code atMillis}, applied at {@code appliedMillis}. */
    public record Applied(long seq, String id, long atMillis, long appliedMillis, Telemetry body) {
    }

    /** A change of one field of one entity's state, from the model or from telemetry. */
    public record Change(long seq, long atMillis, String entity, String field, Object from, Object to,
                         String source) {
    }

    /** Everything a fork needs, immutable: safe to hand to another thread. */
    public record Base(Scenario scenario, long seed, List<Applied> journal, long nowMillis) {
        public Base {
            journal = List.copyOf(journal);
        }
    }

    private static final int HISTORY_LIMIT = 200_000;
    /** Ids of orders the plant reports: this prefix, then the message's journal sequence. */
    static final long TELEMETRY_ORDERS = 0xFFFFFL << 40;
    private static final String MODEL = "model";

    private final Scenario scenario;
    private final long seed;
    private final PlantModel model;
    private final SyncKernel kernel;
    private final List<Applied> journal = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private final Map<String, Long> lastAt = new HashMap<>();
    private final Map<String, Drift> drift = new TreeMap<>();
    private final ArrayDeque<Change> history = new ArrayDeque<>();
    private Map<String, Map<String, Object>> lastState = new LinkedHashMap<>();
    private long changeSeq;
    private long telemetrySeq;
    private long duplicates;
    private long stale;
    private long late;
    /** The instant messages were injected at and not yet processed, or -1. */
    private long pendingAt = -1;
    /** The model ran (inside a batch) since the state was last diffed. */
    private boolean dirty;
    /** Which LP describes each entity (for reading one entity's state without describing all). */
    private final Map<String, Integer> lpOfEntity = new HashMap<>();

    private LiveTwin(Scenario scenario, long seed) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.seed = seed;
        // A live twin counts from its start: the scenario's warm-up is for batch runs.
        PlantAssembly assembly = new PlantAssembly(scenario.withWarmup(TimeSpan.ofMillis(0)),
                RunOptions.defaults().withSeed(seed)
                .withHorizonMillis(OPEN_END));
        this.model = assembly.model();
        this.kernel = new SyncKernel(assembly.kernelSetup(RunOptions.DEFAULT_MAX_EVENTS));
        this.lastState = describe(kernel);
        for (LogicalProcess lp : kernel.processes()) {
            if (lp instanceof LiveView v) {
                v.describe((entity, state) -> lpOfEntity.put(entity, lp.index()));
            }
        }
    }

    /** One entity's state now (described by its LP alone). */
    private Map<String, Object> entityNow(String entity) {
        Integer lp = lpOfEntity.get(entity);
        if (lp == null) {
            return Map.of();
        }
        Map<String, Map<String, Object>> out = new HashMap<>();
        ((LiveView) kernel.processes().get(lp)).describe(out::put);
        return out.getOrDefault(entity, Map.of());
    }

    /** A twin of {@code scenario} at virtual time 0. */
    public static LiveTwin start(Scenario scenario, long seed) {
        return new LiveTwin(scenario, seed);
    }

    /** Rebuilds a twin from its journal (as {@link #journal()} gave it) and the time it had reached. */
    public static LiveTwin restore(Scenario scenario, long seed, List<Applied> journal, long reachedMillis) {
        LiveTwin t = new LiveTwin(scenario, seed);
        for (Applied a : journal) {
            if (a.appliedMillis() > t.kernel.reached()) {
                t.kernel.advanceTo(a.appliedMillis());
            }
            t.replay(a);
        }
        // A live twin settles each batch one millisecond past it, so its time reached is always beyond its journal.
        long settled = journal.isEmpty() ? 0 : journal.get(journal.size() - 1).appliedMillis() + 1;
        t.kernel.advanceTo(Math.max(reachedMillis, settled));
        t.pendingAt = -1;
        t.record("telemetry");
        return t;
    }

    public Scenario scenario() {
        return scenario;
    }

    public long seed() {
        return seed;
    }

    /** The virtual time up to which the twin has run (ms since it started). */
    public long now() {
        return kernel.reached();
    }

    /** Runs the model to virtual time {@code t} (no-op when already there) and records what changed. */
    public void advanceTo(long t) {
        settle();
        if (t <= kernel.reached()) {
            return;
        }
        kernel.advanceTo(t);
        record(MODEL);
    }

    /**
     * Applies one message observed at {@code atMillis}: a message from before {@link #now()} is applied now
     * (counted late) unless a newer report of the same entity and field was already applied (stale); a message
     * whose {@code id} was seen before is a duplicate. Nothing changes when it throws.
     *
     * @throws TelemetryException when the message names an unknown entity or carries a bad value
     */
    public Outcome apply(String id, long atMillis, Telemetry body) {
        Outcome o = applyOne(id, atMillis, body);
        settle();
        return o;
    }

    /** One message of a batch: validated and injected; the batch ends with {@link #settle()}. */
    public record Message(String id, long atMillis, Telemetry body) {
    }

    /**
     * Applies a batch in observation-time order (ties in batch order); a bad message is refused (its
     * {@link TelemetryException} is returned at its index) and the rest are applied.
     */
    public List<Object> applyBatch(List<Message> batch) {
        Integer[] order = new Integer[batch.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingLong(i -> batch.get(i).atMillis()));
        Object[] out = new Object[batch.size()];
        for (int i : order) {
            Message m = batch.get(i);
            try {
                out[i] = applyOne(m.id(), m.atMillis(), m.body());
            } catch (TelemetryException e) {
                out[i] = e;
            }
        }
        settle();
        return java.util.Arrays.asList(out);
    }

    /** Processes what was injected at the current instant, so that the state shows it. */
    private void settle() {
        if (pendingAt >= 0) {
            kernel.advanceTo(pendingAt + 1);
            pendingAt = -1;
            dirty = true;
        }
        if (dirty) {
            dirty = false;
            record("telemetry");
        }
    }

    private Outcome applyOne(String id, long atMillis, Telemetry body) {
        Objects.requireNonNull(body, "body");
        validate(body);
        if (id != null && ids.contains(id)) {
            duplicates++;
            return Outcome.DUPLICATE;
        }
        String key = body.kind() + "|" + body.entity();
        Long previous = lastAt.get(key);
        if (body.stateLike() && previous != null && atMillis < previous) {
            stale++;
            if (id != null) {
                ids.add(id);
            }
            return Outcome.STALE;
        }
        if (atMillis > now()) {
            // Quietly: the state is diffed once, when the batch settles.
            kernel.advanceTo(atMillis);
            if (pendingAt < atMillis) {
                pendingAt = -1;
            }
            dirty = true;
        } else if (atMillis < now()) {
            late++;
        }
        long at = now();
        observe(body);
        Applied a = new Applied(telemetrySeq++, id, atMillis, at, body);
        inject(a);
        journal.add(a);
        if (id != null) {
            ids.add(id);
        }
        if (body.stateLike()) {
            lastAt.put(key, atMillis);
        }
        pendingAt = at;
        return Outcome.APPLIED;
    }

    /** Re-applies a journal entry at the time it was applied before (restore). */
    private void replay(Applied a) {
        validate(a.body());
        observe(a.body());
        inject(a);
        journal.add(a);
        telemetrySeq = a.seq() + 1;
        if (a.id() != null) {
            ids.add(a.id());
        }
        if (a.body().stateLike()) {
            lastAt.put(a.body().kind() + "|" + a.body().entity(), a.atMillis());
        }
        pendingAt = a.appliedMillis();
    }

    /** Feeds a journal entry to a run's kernel, as the live twin fed it (forks replay with this). */
    static void feed(SyncKernel kernel, PlantModel model, Applied a) {
        new Feeder(kernel, model).inject(a);
    }

    private void inject(Applied a) {
        new Feeder(kernel, model).inject(a);
    }

    /** Turns telemetry into the entity LPs' messages. */
    private record Feeder(SyncKernel kernel, PlantModel model) {

        void inject(Applied a) {
            Telemetry b = a.body();
            long t = a.appliedMillis();
            if (b instanceof Telemetry.MachineState m) {
                int[] loc = machine(model, m.machine());
                kernel.inject(loc[0], t, new LiveMessages.MachineCommand(loc[1], m.down()));
            } else if (b instanceof Telemetry.BufferLevel l) {
                int[] loc = station(model, l.line(), l.station());
                kernel.inject(loc[0], t, new LiveMessages.BufferSet(loc[1], l.level()));
            } else if (b instanceof Telemetry.InventoryLevel l) {
                kernel.inject(model.warehouseLp(model.warehouseIndex(l.warehouse())), t,
                    new LiveMessages.InventorySet(model.productIndex(l.product()), l.level()));
            } else if (b instanceof Telemetry.OrderArrival o) {
                int c = customer(model, o.customer());
                long due = o.dueMillis() != null ? o.dueMillis()
                        : t + model.customers.get(c).quotedLeadTime().toMillis();
                kernel.inject(model.customerLp(c), t, new LiveMessages.OrderReport(TELEMETRY_ORDERS | a.seq(),
                        model.productIndex(o.product()), o.quantity(), due));
            }
            // Part counts, cycle times, trucks and sensor readings are observed only: kept as drift (sensor
            // readings only counted), not fed to the model.
        }
    }

    // ---- validation and look-ups ---------------------------------------------------------------------------------

    private void validate(Telemetry b) {
        if (b instanceof Telemetry.MachineState m) {
            machine(m.machine());
            if (!MACHINE_STATES.contains(m.state())) {
                throw new TelemetryException("state", m.state(), "Unknown machine state; use one of "
                        + MACHINE_STATES + ".");
            }
        } else if (b instanceof Telemetry.PartCount p) {
            machine(p.machine());
            if (p.count() < 0) {
                throw new TelemetryException("count", p.count(), "A part count must be >= 0.");
            }
        } else if (b instanceof Telemetry.CycleTime c) {
            machine(c.machine());
            if (!(c.seconds() > 0) || Double.isInfinite(c.seconds())) {
                throw new TelemetryException("seconds", c.seconds(), "A cycle time must be a finite number > 0.");
            }
        } else if (b instanceof Telemetry.SensorReading r) {
            validateSensors(r);
        } else if (b instanceof Telemetry.BufferLevel l) {
            int[] loc = station(l.line(), l.station());
            PlantModel.StationSpec st = model.resources.get(loc[0]).stations().get(loc[1]);
            if (l.level() < 0 || (!st.unbounded() && l.level() > st.capacity())) {
                throw new TelemetryException("level", l.level(), "A buffer level must be in [0, "
                        + (st.unbounded() ? "unbounded" : st.capacity()) + "] for " + l.entity() + ".");
            }
        } else if (b instanceof Telemetry.InventoryLevel l) {
            stock(l.warehouse(), l.product());
            if (l.level() < 0) {
                throw new TelemetryException("level", l.level(), "An inventory level must be >= 0.");
            }
        } else if (b instanceof Telemetry.TruckStatus t) {
            var fleet = scenario.fleets().stream().filter(f -> f.id().equals(t.fleet())).findFirst()
                    .orElseThrow(() -> new TelemetryException("fleet", t.fleet(), "No such fleet; the scenario has "
                            + scenario.fleets().stream().map(f -> f.id()).toList() + "."));
            if (t.truck() < 0 || t.truck() >= fleet.trucks()) {
                throw new TelemetryException("truck", t.truck(), "Truck numbers of fleet " + t.fleet()
                        + " run from 0 to " + (fleet.trucks() - 1) + ".");
            }
            if (!TRUCK_STATES.contains(t.status())) {
                throw new TelemetryException("status", t.status(), "Unknown truck status; use one of "
                        + TRUCK_STATES + ".");
            }
        } else if (b instanceof Telemetry.OrderArrival o) {
            int c = customer(o.customer());
            String w = model.customers.get(c).warehouse();
            stock(w, o.product());
            if (o.quantity() <= 0) {
                throw new TelemetryException("quantity", o.quantity(), "An order quantity must be > 0.");
            }
        }
    }

    /** A reading must match the machine's condition sensors in number, and every value must be finite. */
    private void validateSensors(Telemetry.SensorReading r) {
        machine(r.machine());
        Machine m = scenarioMachine(r.machine());
        List<String> sensors = m.degradation() == null ? List.of()
                : m.degradation().sensors().stream().map(s -> s.id()).toList();
        if (sensors.isEmpty()) {
            throw new TelemetryException("machine", r.machine(), "Machine " + r.machine() + " has no condition"
                    + " sensors (degradation.sensors) in the scenario. Maybe add them there, or report another"
                    + " machine.");
        }
        if (r.values().size() != sensors.size()) {
            throw new TelemetryException("values", r.values(), "Machine " + r.machine() + " has " + sensors.size()
                    + " sensors " + sensors + "; give one value each, in that order.");
        }
        for (int i = 0; i < sensors.size(); i++) {
            double v = r.values().get(i);
            if (!Double.isFinite(v)) {
                throw new TelemetryException("values[" + i + "]", v, "A sensor value (" + sensors.get(i)
                        + ") must be a finite number.");
            }
        }
    }

    private static final List<String> MACHINE_STATES = List.of("up", "down", "idle", "busy", "setup", "blocked",
            "starved", "maintenance");
    private static final List<String> TRUCK_STATES = List.of("atDepot", "loading", "enRoute", "unloading",
            "returning");

    /** {LP, machine index in the LP} of a machine. */
    private int[] machine(String id) {
        return machine(model, id);
    }

    private static int[] machine(PlantModel model, String id) {
        for (int r = 0; r < model.resources.size(); r++) {
            int k = 0;
            for (PlantModel.StationSpec st : model.resources.get(r).stations()) {
                for (Machine m : st.machines()) {
                    if (m.id().equals(id)) {
                        return new int[] {r, k};
                    }
                    k++;
                }
            }
        }
        throw new TelemetryException("machine", id, "No such machine; the scenario has "
                + model.scenario.machines().stream().map(Machine::id).toList() + ".");
    }

    /** {LP, station index} of a station of a line or machine group. */
    private int[] station(String line, String station) {
        return station(model, line, station);
    }

    private static int[] station(PlantModel model, String line, String station) {
        for (int r = 0; r < model.resources.size(); r++) {
            PlantModel.ResourceSpec rs = model.resources.get(r);
            if (rs.id().equals(line)) {
                for (int s = 0; s < rs.stations().size(); s++) {
                    if (rs.stations().get(s).id().equals(station)) {
                        return new int[] {r, s};
                    }
                }
                throw new TelemetryException("station", station, "No such station in " + line + "; it has "
                        + rs.stations().stream().map(PlantModel.StationSpec::id).toList() + ".");
            }
        }
        throw new TelemetryException("line", line, "No such line or machine group; the scenario has "
                + model.resources.stream().map(PlantModel.ResourceSpec::id).toList() + ".");
    }

    private void stock(String warehouse, String product) {
        var w = model.warehouses.stream().filter(x -> x.id().equals(warehouse)).findFirst()
                .orElseThrow(() -> new TelemetryException("warehouse", warehouse, "No such warehouse; the scenario has "
                        + model.warehouses.stream().map(x -> x.id()).toList() + "."));
        if (w.stock().stream().noneMatch(s -> s.product().equals(product))) {
            throw new TelemetryException("product", product, "Warehouse " + warehouse + " stocks only "
                    + w.stock().stream().map(s -> s.product()).toList() + ".");
        }
    }

    private int customer(String id) {
        return customer(model, id);
    }

    private static int customer(PlantModel model, String id) {
        for (int c = 0; c < model.customers.size(); c++) {
            if (model.customers.get(c).id().equals(id)) {
                return c;
            }
        }
        throw new TelemetryException("customer", id, "No such customer; the scenario has "
                + model.customers.stream().map(c -> c.id()).toList() + ".");
    }

    // ---- state, history, drift -------------------------------------------------------------------------------

    /** Every entity's current state (machines, buffers, lines, stocks, fleets, customers), in a stable order. */
    public Map<String, Map<String, Object>> entities() {
        return java.util.Collections.unmodifiableMap(lastState);
    }

    /** Reported-against-expected figures per entity that telemetry has spoken about. */
    public Map<String, Map<String, Object>> drift() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        drift.forEach((k, d) -> out.put(k, d.view()));
        return out;
    }

    /** Counters of the telemetry seen: applied, duplicates, stale, late (applied after their time). */
    public Map<String, Long> counters() {
        Map<String, Long> c = new LinkedHashMap<>();
        c.put("applied", (long) journal.size());
        c.put("duplicates", duplicates);
        c.put("stale", stale);
        c.put("late", late);
        return c;
    }

    /**
     * Restores the counters of messages that left no journal entry (duplicates, stale, late) after a
     * {@link #restore}, from what {@link #counters()} said before.
     */
    public void restoreCounters(Map<String, Long> saved) {
        duplicates = saved.getOrDefault("duplicates", duplicates);
        stale = saved.getOrDefault("stale", stale);
        late = saved.getOrDefault("late", late);
    }

    /** The journal of applied telemetry, oldest first. */
    public List<Applied> journal() {
        return List.copyOf(journal);
    }

    /** How many messages the journal holds. */
    public int journalSize() {
        return journal.size();
    }

    /** The journal entries from index {@code from} on (as {@link #journalSize()} gave it before), oldest first. */
    public List<Applied> journalSince(int from) {
        return List.copyOf(journal.subList(from, journal.size()));
    }

    /**
     * Appends an event that does not come from the model's state (an alarm an observer raised about an entity) to
     * the changes, stamped {@code atMillis}: {@code field} with {@code value} (from null). Events are not journalled,
     * so a {@link #restore} does not bring them back.
     */
    public Change recordEvent(long atMillis, String entity, String field, Map<String, Object> value, String source) {
        Change c = new Change(++changeSeq, atMillis, Objects.requireNonNull(entity, "entity"),
                Objects.requireNonNull(field, "field"), null,
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(value)), source);
        history.addLast(c);
        if (history.size() > HISTORY_LIMIT) {
            history.removeFirst();
        }
        return c;
    }

    /** The sequence number of the latest change recorded (0 before any). */
    public long lastChangeSeq() {
        return changeSeq;
    }

    /** Changes recorded after change {@code afterSeq} (exclusive), oldest first; at most {@code limit}. */
    public List<Change> changesSince(long afterSeq, int limit) {
        List<Change> out = new ArrayList<>();
        for (Change c : history) {
            if (c.seq() > afterSeq) {
                out.add(c);
                if (out.size() >= limit) {
                    break;
                }
            }
        }
        return out;
    }

    /** Changes in the virtual time range [from, to), optionally of one entity; the last 200,000 are kept. */
    public List<Change> history(long fromMillis, long toMillis, String entity) {
        List<Change> out = new ArrayList<>();
        for (Change c : history) {
            if (c.atMillis() >= fromMillis && c.atMillis() < toMillis && (entity == null || entity.equals(c.entity()))) {
                out.add(c);
            }
        }
        return out;
    }

    /** Checks a message against the scenario without applying it. */
    public void validateOnly(Telemetry body) {
        validate(body);
    }

    /** An immutable copy of what a fork needs. */
    public Base forkBase() {
        return new Base(scenario, seed, journal, now());
    }

    private static Map<String, Map<String, Object>> describe(SyncKernel k) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (LogicalProcess lp : k.processes()) {
            if (lp instanceof LiveView v) {
                v.describe(out::put);
            }
        }
        return out;
    }

    /** Diffs the state against the last one and appends the changes, stamped with the time reached. */
    private void record(String source) {
        Map<String, Map<String, Object>> now = describe(kernel);
        long at = kernel.reached();
        for (Map.Entry<String, Map<String, Object>> e : now.entrySet()) {
            Map<String, Object> before = lastState.getOrDefault(e.getKey(), Map.of());
            for (Map.Entry<String, Object> f : e.getValue().entrySet()) {
                Object old = before.get(f.getKey());
                if (!Objects.equals(old, f.getValue())) {
                    history.addLast(new Change(++changeSeq, at, e.getKey(), f.getKey(), old, f.getValue(), source));
                    if (history.size() > HISTORY_LIMIT) {
                        history.removeFirst();
                    }
                }
            }
        }
        lastState = now;
    }

    /** Compares a report with the model's value before the report is applied. */
    private void observe(Telemetry b) {
        Map<String, Object> m = entityNow(b.entity());
        Drift d = drift.computeIfAbsent(b.entity(), k -> new Drift());
        d.reports++;
        if (b instanceof Telemetry.MachineState s) {
            String modelState = String.valueOf(m.get("state"));
            boolean agree = s.state().equals(modelState) || ("up".equals(s.state()) && !"down".equals(modelState))
                    || ("maintenance".equals(s.state()) && "down".equals(modelState));
            d.stateReports++;
            d.stateAgreements += agree ? 1 : 0;
        } else if (b instanceof Telemetry.PartCount p) {
            d.level(p.count(), ((Number) m.getOrDefault("processed", 0L)).longValue());
        } else if (b instanceof Telemetry.BufferLevel l) {
            d.level(l.level(), ((Number) m.getOrDefault("level", 0)).longValue());
        } else if (b instanceof Telemetry.InventoryLevel l) {
            d.level(l.level(), ((Number) m.getOrDefault("onHand", 0L)).longValue());
        } else if (b instanceof Telemetry.CycleTime c) {
            d.cycleN++;
            d.cycleSum += c.seconds();
            d.cycleExpected = expectedCycleSeconds(c.machine());
        }
        // Trucks and sensor readings are only counted: the model has no value to hold them against.
    }

    /** The scenario's machine {@code id} (known to exist: telemetry names are checked first). */
    private Machine scenarioMachine(String id) {
        return scenario.machines().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }

    /** Mean processing time (s) of a machine over the products it knows, from the scenario's distributions. */
    private double expectedCycleSeconds(String machine) {
        Machine m = scenarioMachine(machine);
        double sum = 0;
        int n = 0;
        for (String p : model.productIds) {
            Distribution d = m.processTimeOf(p);
            if (d != null) {
                sum += d.meanMillis() / 1000.0;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static final class Drift {
        long reports;
        long stateReports;
        long stateAgreements;
        long levelReports;
        double absErrorSum;
        Long lastReported;
        Long modelAtReport;
        long cycleN;
        double cycleSum;
        double cycleExpected = Double.NaN;

        void level(long reported, long modelValue) {
            levelReports++;
            absErrorSum += Math.abs(reported - modelValue);
            lastReported = reported;
            modelAtReport = modelValue;
        }

        Map<String, Object> view() {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("reports", reports);
            if (stateReports > 0) {
                v.put("stateAgreement", (double) stateAgreements / stateReports);
            }
            if (levelReports > 0) {
                v.put("lastReported", lastReported);
                v.put("modelAtLastReport", modelAtReport);
                v.put("meanAbsError", absErrorSum / levelReports);
            }
            if (cycleN > 0) {
                double mean = cycleSum / cycleN;
                v.put("cycleTimeReportedMeanSeconds", mean);
                v.put("cycleTimeExpectedMeanSeconds", cycleExpected);
                v.put("cycleTimeRatio", mean / cycleExpected);
            }
            return v;
        }
    }
}
