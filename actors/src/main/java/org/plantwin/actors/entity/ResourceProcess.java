package org.plantwin.actors.entity;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.plantwin.actors.api.MaintenancePolicy;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.api.SchedulingPolicy;
import org.plantwin.actors.kernel.LogicalProcess;
import org.plantwin.actors.kernel.RandomStreams;
import org.plantwin.actors.stats.Tally;
import org.plantwin.actors.stats.TimeWeighted;
import org.plantwin.scenarios.model.Distribution;
import org.plantwin.scenarios.model.Failure;
import org.plantwin.scenarios.model.FailureTrace;
import org.plantwin.scenarios.model.FailureBasis;
import org.plantwin.scenarios.model.Inspection;
import org.plantwin.scenarios.model.InspectionDisposition;
import org.plantwin.scenarios.model.Machine;
import org.plantwin.scenarios.model.Maintenance;
import org.plantwin.scenarios.model.MaintenancePolicyKind;
import org.plantwin.scenarios.model.Order;
import org.plantwin.scenarios.model.QueueDiscipline;
import org.plantwin.scenarios.model.Source;

/**
 * The logical process of one line or machine group: it owns the stations, their buffers and machines, and the
 * sources that feed it, because these interact with zero delay all the time (blocking after service, a waiting
 * source). Parts that leave for another resource or a sink are messages through the kernel.
 *
 * <p>Semantics: a finished part moves to the next station if a machine there is free or its buffer has room,
 * else its machine is blocked holding it (blocking after service); blocked machines and a waiting source are
 * released first-come first-served. Failures on the operating basis count processing time only and preempt the
 * part, which resumes after repair; calendar failures strike whatever the machine does.
 */
public final class ResourceProcess extends LogicalProcess implements LiveView {

    // Event kinds (low 4 bits of the code); the entity index sits in the bits above.
    private static final int FINISH = 1;
    private static final int FAIL_OPERATING = 2;
    private static final int REPAIRED = 3;
    private static final int FAIL_CALENDAR = 4;
    private static final int SETUP_DONE = 5;
    private static final int SOURCE_ARRIVAL = 6;
    private static final int ORDER_RELEASE = 7;
    private static final int PART_ARRIVAL = 8;
    private static final int TRANSIT_DONE = 9;
    private static final int DECIDE = 10;
    private static final int MAINTENANCE_DONE = 11;

    private static final double MS_PER_MIN = 60_000.0;
    private static final double MS_PER_HOUR = 3_600_000.0;
    /** Readings the built-in predictive policy fits its trend to. */
    private static final int TREND_WINDOW = 20;

    private final PlantModel model;
    private final SchedulingPolicy custom;
    private final Map<String, MaintenancePolicy> maintenancePolicies;
    private final int resourceIndex;
    private final PlantModel.ResourceSpec spec;
    private final long warmup;
    private final StationRt[] stations;
    private final MachineRt[] machines;
    private final SourceRt[] sources;
    private final ArrayDeque<Part> dock = new ArrayDeque<>();
    private final MaterialRt[] materials;
    /** Parts that entered but wait for raw material, first come first served. */
    private final ArrayDeque<Part> materialWait = new ArrayDeque<>();
    private final TimeWeighted materialStarved;
    private long nextPurchaseOrder;
    private final List<RunResult.Operation> operations = new ArrayList<>();
    private final TimeWeighted wip;
    private final TimeWeighted inTransit;
    private final org.plantwin.actors.stats.BatchSeries wipBatches;
    private long partsIn;
    private long partsOut;
    private long releasedParts;
    private long scrapped;

    /** A part inside this LP (mutable, never leaves it: it travels as a {@link PartTransfer}). */
    static final class Part {
        final long id;
        final int product;
        final long created;
        final int step;
        final long due;
        long enqueued;
        /** Quality, known to the inspection that first sees the part: drawn there, changed by rework. */
        boolean inspected;
        boolean defective;
        int reworks;

        Part(long id, int product, long created, int step, long due) {
            this.id = id;
            this.product = product;
            this.created = created;
            this.step = step;
            this.due = due;
        }
    }

    final class StationRt {
        final int index;
        final PlantModel.StationSpec spec;
        final ArrayDeque<Part> queue = new ArrayDeque<>();
        final int capacity;
        final MachineRt[] machines;
        /** Blocked upstream machines, waiting sources and docked parts, first-come first-served. */
        final ArrayDeque<Object> waiters = new ArrayDeque<>();
        final TimeWeighted occupancy;
        final Tally wait = new Tally();
        long started;
        final Inspection inspection;
        final UniformRandomProvider defectRng;
        final UniformRandomProvider classifyRng;
        final UniformRandomProvider reworkRng;
        /** P(rejected | defective) and P(rejected | good), from the inspection's figures or classifier. */
        final double detection;
        final double falseReject;
        StationRt reworkAt;
        long inspected;
        long firstInspections;
        long accepted;
        long firstPassAccepted;
        long trueRejects;
        long falseRejects;
        long escapes;
        long reworked;
        long inspectionScrap;
        long goodOutput;

        StationRt(int index, PlantModel.StationSpec spec, MachineRt[] machines, RandomStreams rs) {
            this.index = index;
            this.spec = spec;
            this.capacity = spec.capacity();
            this.machines = machines;
            this.occupancy = new TimeWeighted(warmup);
            this.inspection = spec.inspection();
            String stream = ResourceProcess.this.spec.id() + "/" + spec.id();
            this.defectRng = inspection == null ? null : rs.stream(stream + "/defect");
            this.classifyRng = inspection == null ? null : rs.stream(stream + "/classify");
            this.reworkRng = inspection == null ? null : rs.stream(stream + "/rework");
            this.detection = inspection == null ? 0 : inspection.detectionProbability();
            this.falseReject = inspection == null ? 0 : inspection.falseRejectProbability();
        }
    }

    final class MachineRt {
        final int entity;
        final Machine spec;
        StationRt station;
        MachineState state;
        long stateSince;
        final long[] stateMillis = new long[MachineState.values().length];
        Part part;
        long workLeft;
        long setupLeft;
        long phaseStart;
        int epoch;
        int lastProduct = -1;
        long opStart;
        long opProcessStart;
        /** An agent is to choose this machine's next part (a DECIDE event is on the agenda). */
        boolean awaitingDecision;
        /** The plant reports this machine's state (live twin): the model's failures no longer apply to it. */
        boolean observed;
        /** Held down by the plant's report until it reports the machine up again. */
        boolean held;
        /** Bumped to cancel a model repair under way (its REPAIRED event carries the token it was made with). */
        int repairToken;
        final ContinuousSampler[] process;
        final double[] idealMillis;
        final Failure[] failures;
        final ReplaySampler[] timeBetween;
        final ReplaySampler[] repair;
        final long[] timeToFailure;
        final UniformRandomProvider setupRng;
        final UniformRandomProvider scrapRng;
        final Map<Long, ContinuousSampler> setupSamplers = new java.util.HashMap<>();
        long processed;
        long scrap;
        long failuresCount;
        long setups;
        double idealBusyMillis;
        /** Parts this machine inspected that were not good output: escapes and parts sent to rework. */
        long inspectedNotGood;
        /** Wear: null where the machine does not degrade (then {@link #health} stays 1). */
        final Wear wear;
        /** Null where the machine has no maintenance section or runs to failure without a plugged policy. */
        final MaintenancePolicy maintenancePolicy;
        final String maintenancePolicyName;
        final ContinuousSampler maintenanceDuration;
        /** The failure-mode index of a wear failure: one past the scenario's failure modes. */
        final int wearMode;
        /** Operating time since the machine was last restored (new, repaired after wear, or maintained). */
        long operatingMillis;
        boolean askMaintenance;
        long wearFailures;
        long preventive;
        double preventiveCost;
        double repairCost;

        MachineRt(int entity, Machine spec, RandomStreams rs) {
            this.entity = entity;
            this.spec = spec;
            int np = model.productIds.size();
            process = new ContinuousSampler[np];
            idealMillis = new double[np];
            UniformRandomProvider processRng = rs.stream(spec.id() + "/process");
            for (int p = 0; p < np; p++) {
                Distribution d = spec.processTimeOf(model.productIds.get(p));
                if (d != null) {
                    process[p] = d.sampler(processRng);
                    idealMillis[p] = d.meanMillis();
                }
            }
            failures = spec.failures().toArray(new Failure[0]);
            timeBetween = new ReplaySampler[failures.length];
            repair = new ReplaySampler[failures.length];
            timeToFailure = new long[failures.length];
            boolean record = model.historyMillis > 0;
            for (int f = 0; f < failures.length; f++) {
                FailureTrace trace = failures[f].trace() != null ? failures[f].trace() : new FailureTrace(null, null);
                timeBetween[f] = new ReplaySampler(trace.timeBetween(),
                        failures[f].timeBetween().sampler(rs.stream(spec.id() + "/failure/" + f)), record);
                repair[f] = new ReplaySampler(trace.repair(),
                        failures[f].repair().sampler(rs.stream(spec.id() + "/repair/" + f)), record);
            }
            setupRng = rs.stream(spec.id() + "/setup");
            scrapRng = rs.stream(spec.id() + "/scrap");
            state = MachineState.IDLE;
            wearMode = failures.length;
            Maintenance mt = spec.maintenance();
            MaintenancePolicy plugged = maintenancePolicies.get(spec.id());
            if (plugged != null) {
                maintenancePolicy = plugged;
                maintenancePolicyName = "custom";
            } else if (mt == null || mt.policy() == MaintenancePolicyKind.RUN_TO_FAILURE) {
                maintenancePolicy = null;
                maintenancePolicyName = mt == null ? "none" : "runToFailure";
            } else if (mt.policy() == MaintenancePolicyKind.FIXED_INTERVAL) {
                maintenancePolicy = MaintenancePolicy.fixedInterval(mt.interval().millis() / MS_PER_HOUR);
                maintenancePolicyName = "fixedInterval";
            } else {
                maintenancePolicy = MaintenancePolicy.trendPredictive(mt.threshold().millis() / MS_PER_HOUR,
                        TREND_WINDOW);
                maintenancePolicyName = "predictive";
            }
            maintenanceDuration = mt == null || mt.duration() == null ? null
                    : mt.duration().sampler(rs.stream(spec.id() + "/maintenance"));
            wear = spec.degradation() == null ? null : new Wear(spec.id(), spec.degradation(), rs,
                    maintenancePolicy == null ? 1 : Math.max(1, maintenancePolicy.window()));
        }

        boolean tracked() {
            return wear != null || spec.maintenance() != null;
        }

        MaintenancePolicy.View maintenanceView() {
            return new MaintenancePolicy.View(now(), spec.id(), operatingMillis / MS_PER_HOUR,
                    wear == null ? 0 : wear.cycles(), wear == null ? List.of() : wear.sensorIds(),
                    wear == null ? new double[0] : wear.atNew(), wear == null ? new double[0] : wear.atFailure(),
                    wear == null ? new double[0][] : wear.readings(), wear == null ? new double[0] : wear.readingHours());
        }

        ContinuousSampler setupSampler(int from, int to) {
            if (spec.setup() == null || from < 0 || from == to) {
                return null;
            }
            long key = ((long) from << 32) | to;
            ContinuousSampler s = setupSamplers.get(key);
            if (s == null && !setupSamplers.containsKey(key)) {
                Distribution d = spec.setup().between(model.productIds.get(from), model.productIds.get(to));
                s = d == null ? null : d.sampler(setupRng);
                setupSamplers.put(key, s);
            }
            return s;
        }
    }

    /** A line-side store of one raw material, replenished by (s,Q) from a supplier. */
    final class MaterialRt {
        final int index;
        final org.plantwin.scenarios.model.MaterialStock spec;
        final int supplierLp;
        long onHand;
        long onOrder;
        final TimeWeighted onHandTw;
        long waits;
        long replenishments;
        long received;

        MaterialRt(int index, org.plantwin.scenarios.model.MaterialStock spec) {
            this.index = index;
            this.spec = spec;
            this.supplierLp = model.supplierLp(model.supplierIndex(spec.supplier()));
            this.onHand = spec.initial();
            this.onHandTw = new TimeWeighted(warmup);
            this.onHandTw.set(0, onHand);
        }
    }

    final class SourceRt {
        final int entity;
        final Source spec;
        final ContinuousSampler interarrival;
        final int product;
        final int[] mixProducts;
        final double[] mixCumulative;
        final UniformRandomProvider mixRng;
        final ArrayDeque<Part> waiting = new ArrayDeque<>();
        final int serial;
        long created;
        long offered;
        long lost;
        long blockedSince = -1;
        long blockedMillis;

        SourceRt(int entity, int serial, Source spec, RandomStreams rs) {
            this.entity = entity;
            this.serial = serial;
            this.spec = spec;
            this.interarrival = spec.interarrival() == null ? null
                    : spec.interarrival().sampler(rs.stream(spec.id() + "/arrivals"));
            this.product = spec.product() == null ? -1 : model.productIndex(spec.product());
            this.mixRng = rs.stream(spec.id() + "/mix");
            mixProducts = new int[spec.mix().size()];
            mixCumulative = new double[spec.mix().size()];
            double sum = spec.mix().values().stream().mapToDouble(Double::doubleValue).sum();
            double acc = 0;
            int i = 0;
            for (Map.Entry<String, Double> e : spec.mix().entrySet()) {
                mixProducts[i] = model.productIndex(e.getKey());
                acc += e.getValue() / sum;
                mixCumulative[i++] = acc;
            }
        }

        int drawProduct() {
            if (product >= 0) {
                return product;
            }
            double u = mixRng.nextDouble();
            for (int i = 0; i < mixCumulative.length - 1; i++) {
                if (u < mixCumulative[i]) {
                    return mixProducts[i];
                }
            }
            return mixProducts[mixProducts.length - 1];
        }

        Part newPart(int productIndex, long due) {
            long id = ((long) serial << 40) | created;
            created++;
            return new Part(id, productIndex, now(), 0, due);
        }
    }

    public ResourceProcess(PlantModel model, int resourceIndex, RandomStreams rs, SchedulingPolicy custom,
                           Map<String, MaintenancePolicy> maintenancePolicies) {
        super(resourceIndex, model.resources.get(resourceIndex).id());
        this.custom = custom;
        this.maintenancePolicies = maintenancePolicies;
        this.model = model;
        this.resourceIndex = resourceIndex;
        this.spec = model.resources.get(resourceIndex);
        this.warmup = model.warmupMillis;
        this.wip = new TimeWeighted(warmup);
        this.inTransit = new TimeWeighted(warmup);
        this.wipBatches = model.batchMillis > 0 ? new org.plantwin.actors.stats.BatchSeries(model.batchMillis) : null;
        if (wipBatches != null) {
            wip.withBatches(wipBatches);
            inTransit.withBatches(wipBatches);
        }
        this.materialStarved = new TimeWeighted(warmup);
        this.materials = new MaterialRt[spec.materials().size()];
        for (int m = 0; m < materials.length; m++) {
            materials[m] = new MaterialRt(m, spec.materials().get(m));
        }
        List<MachineRt> ms = new ArrayList<>();
        stations = new StationRt[spec.stations().size()];
        for (int s = 0; s < stations.length; s++) {
            PlantModel.StationSpec ss = spec.stations().get(s);
            MachineRt[] stationMachines = new MachineRt[ss.machines().size()];
            for (int k = 0; k < stationMachines.length; k++) {
                stationMachines[k] = new MachineRt(ms.size(), ss.machines().get(k), rs);
                ms.add(stationMachines[k]);
            }
            stations[s] = new StationRt(s, ss, stationMachines, rs);
            for (MachineRt m : stationMachines) {
                m.station = stations[s];
                m.state = waitingState(stations[s]);
            }
        }
        machines = ms.toArray(new MachineRt[0]);
        for (StationRt s : stations) {
            if (s.inspection != null && s.inspection.reworkAt() != null) {
                for (StationRt t : stations) {
                    if (t.spec.id().equals(s.inspection.reworkAt())) {
                        s.reworkAt = t;
                    }
                }
            }
        }
        List<Integer> hosted = model.sourcesOf.get(resourceIndex);
        sources = new SourceRt[hosted.size()];
        for (int i = 0; i < sources.length; i++) {
            int si = hosted.get(i);
            sources[i] = new SourceRt(i, si, model.scenario.sources().get(si), rs);
        }
    }

    private static int code(int kind, int entity) {
        return kind | (entity << 4);
    }

    @Override
    public void init() {
        for (MaterialRt m : materials) {
            reorder(m);
        }
        for (MachineRt m : machines) {
            for (int f = 0; f < m.failures.length; f++) {
                long ttf = sample(m.timeBetween[f]);
                if (m.failures[f].basis() == FailureBasis.OPERATING) {
                    m.timeToFailure[f] = ttf;
                } else {
                    scheduleIn(ttf, code(FAIL_CALENDAR, m.entity), f, null);
                }
            }
        }
        for (SourceRt s : sources) {
            if (s.interarrival != null) {
                scheduleIn(sample(s.interarrival), code(SOURCE_ARRIVAL, s.entity), 0, null);
            }
            List<Order> orders = s.spec.orders();
            for (int k = 0; k < orders.size(); k++) {
                scheduleAt(orders.get(k).release().toMillis(), code(ORDER_RELEASE, s.entity), k, null);
            }
        }
    }

    private static long sample(ContinuousSampler s) {
        return Math.round(s.sample());
    }

    @Override
    protected void onEvent(int code, long datum, Object ref) {
        int kind = code & 0xF;
        int entity = code >>> 4;
        switch (kind) {
            case FINISH -> onFinish(machines[entity], (int) datum);
            case FAIL_OPERATING -> onFailOperating(machines[entity], datum);
            case REPAIRED -> onRepaired(machines[entity], datum);
            case FAIL_CALENDAR -> onFailCalendar(machines[entity], (int) datum);
            case SETUP_DONE -> onSetupDone(machines[entity], (int) datum);
            case SOURCE_ARRIVAL -> onSourceArrival(sources[entity]);
            case ORDER_RELEASE -> onOrderRelease(sources[entity], (int) datum);
            case PART_ARRIVAL -> onPartArrival((Part) ref);
            case TRANSIT_DONE -> inTransit.add(now(), -1);
            case DECIDE -> onDecide(machines[entity]);
            case MAINTENANCE_DONE -> onMaintenanceDone(machines[entity]);
            default -> throw new IllegalStateException("Unknown event kind (" + kind + ") in " + name() + ".");
        }
    }

    @Override
    protected void onMessage(Object payload) {
        if (payload instanceof LiveMessages.MachineCommand c) {
            onMachineReport(machines[c.machine()], c.down());
            return;
        }
        if (payload instanceof LiveMessages.BufferSet b) {
            onBufferReport(stations[b.station()], b.level());
            return;
        }
        if (payload instanceof SupplyMessages.Receipt r) {
            onMaterialReceipt(materials[r.item()], r.quantity());
            return;
        }
        if (payload instanceof SupplyMessages.ProductionOrder po) {
            // A warehouse releases a production order: its parts start the product's routing here.
            for (int q = 0; q < po.quantity(); q++) {
                long id = ((long) (0x80000 | resourceIndex) << 40) | releasedParts++;
                onPartArrival(new Part(id, po.product(), now(), 0, po.dueMillis()));
            }
            return;
        }
        PartTransfer t = (PartTransfer) payload;
        onPartArrival(new Part(t.id(), t.product(), t.createdMillis(), t.step(), t.dueMillis()));
    }

    // ---- flow of parts ------------------------------------------------------------------------------------

    private void onPartArrival(Part p) {
        countIn();
        wip.add(now(), 1);
        if (takeMaterials(p)) {
            enterFirstStation(p);
        }
    }

    private void enterFirstStation(Part p) {
        if (!offer(stations[0], p)) {
            dock.add(p);
            stations[0].waiters.add(p);
        }
    }

    // ---- raw materials ----------------------------------------------------------------------------------------

    /** Consumes what {@code p} needs on entering; false (and the part waits) when the store lacks it. */
    private boolean takeMaterials(Part p) {
        int[] need = model.stepMaterials[p.product][p.step];
        if (need.length == 0) {
            return true;
        }
        if (materialWait.isEmpty() && available(need)) {
            consume(need);
            return true;
        }
        if (now() >= warmup) {
            for (int k = 0; k < need.length; k += 2) {
                materials[need[k]].waits++;
            }
        }
        materialWait.add(p);
        materialStarved.set(now(), 1);
        return false;
    }

    private boolean available(int[] need) {
        for (int k = 0; k < need.length; k += 2) {
            if (materials[need[k]].onHand < need[k + 1]) {
                return false;
            }
        }
        return true;
    }

    private void consume(int[] need) {
        for (int k = 0; k < need.length; k += 2) {
            MaterialRt m = materials[need[k]];
            m.onHand -= need[k + 1];
            m.onHandTw.set(now(), m.onHand);
            reorder(m);
        }
    }

    /** (s,Q): while on hand + on order is at or below s, order Q. */
    private void reorder(MaterialRt m) {
        while (m.onHand + m.onOrder <= m.spec.reorderPoint()) {
            m.onOrder += m.spec.orderQuantity();
            if (now() >= warmup) {
                m.replenishments++;
            }
            long id = ((long) (0x40000 | resourceIndex) << 40) | nextPurchaseOrder++;
            send(m.supplierLp, 0, new SupplyMessages.PurchaseOrder(id, index(), m.index, m.spec.orderQuantity()));
        }
    }

    private void onMaterialReceipt(MaterialRt m, int quantity) {
        m.onOrder -= quantity;
        m.onHand += quantity;
        m.received += quantity;
        m.onHandTw.set(now(), m.onHand);
        while (!materialWait.isEmpty()) {
            Part p = materialWait.peek();
            int[] need = model.stepMaterials[p.product][p.step];
            if (!available(need)) {
                break;
            }
            materialWait.poll();
            consume(need);
            enterFirstStation(p);
        }
        materialStarved.set(now(), materialWait.isEmpty() ? 0 : 1);
    }

    private void countIn() {
        if (now() >= warmup) {
            partsIn++;
        }
    }

    /** Places {@code p} on a free machine of {@code s} or in its buffer; false when neither has room. */
    private boolean offer(StationRt s, Part p) {
        p.enqueued = now();
        if (s.queue.isEmpty()) {
            for (MachineRt m : s.machines) {
                if (m.part == null && !m.awaitingDecision
                        && (m.state == MachineState.IDLE || m.state == MachineState.STARVED)) {
                    start(m, p);
                    return true;
                }
            }
        }
        if (s.queue.size() < s.capacity) {
            s.queue.add(p);
            s.occupancy.set(now(), s.queue.size());
            return true;
        }
        return false;
    }

    private void start(MachineRt m, Part p) {
        StationRt s = m.station;
        if (now() >= warmup) {
            s.wait.add((now() - p.enqueued) / MS_PER_MIN);
            s.started++;
        }
        m.part = p;
        m.opStart = now();
        m.opProcessStart = now();
        ContinuousSampler setup = m.setupSampler(m.lastProduct, p.product);
        if (setup != null) {
            m.setupLeft = sample(setup);
            if (now() >= warmup) {
                m.setups++;
            }
            beginSetup(m);
        } else {
            m.workLeft = sampleWork(m, p);
            beginWork(m);
        }
    }

    private long sampleWork(MachineRt m, Part p) {
        ContinuousSampler ps = m.process[p.product];
        if (ps == null) {
            throw new IllegalStateException("The machine (" + m.spec.id() + ") has no processing time for product ("
                    + model.productIds.get(p.product) + ").");
        }
        long work = sample(ps);
        return m.wear == null ? work : m.wear.slowed(work);
    }

    private void beginSetup(MachineRt m) {
        setState(m, MachineState.SETUP);
        m.phaseStart = now();
        scheduleIn(m.setupLeft, code(SETUP_DONE, m.entity), m.epoch, null);
    }

    private void onSetupDone(MachineRt m, int epoch) {
        if (epoch != m.epoch) {
            return;
        }
        m.setupLeft = 0;
        m.opProcessStart = now();
        m.workLeft = sampleWork(m, m.part);
        beginWork(m);
    }

    private void beginWork(MachineRt m) {
        setState(m, MachineState.BUSY);
        m.phaseStart = now();
        int first = -1;
        long r = Long.MAX_VALUE;
        for (int f = 0; f < m.failures.length; f++) {
            if (m.failures[f].basis() == FailureBasis.OPERATING && m.timeToFailure[f] < r) {
                r = m.timeToFailure[f];
                first = f;
            }
        }
        if (m.wear != null) {
            long ttf = m.wear.sampleTimeToFailureMillis();
            if (ttf < r) {
                r = ttf;
                first = m.wearMode;
            }
        }
        if (first >= 0 && r < m.workLeft && !m.observed) {
            scheduleIn(r, code(FAIL_OPERATING, m.entity), ((long) m.epoch << 8) | first, null);
        } else {
            scheduleIn(m.workLeft, code(FINISH, m.entity), m.epoch, null);
        }
    }

    /** Charges the processing time since the phase started to the work left and the operating failure clocks. */
    private void chargeWork(MachineRt m) {
        long elapsed = now() - m.phaseStart;
        m.workLeft -= elapsed;
        m.operatingMillis += elapsed;
        if (m.wear != null) {
            m.wear.wearFor(elapsed);
        }
        for (int f = 0; f < m.failures.length; f++) {
            if (m.failures[f].basis() == FailureBasis.OPERATING) {
                m.timeToFailure[f] -= elapsed;
            }
        }
        m.phaseStart = now();
    }

    private void onFinish(MachineRt m, int epoch) {
        if (epoch != m.epoch) {
            return;
        }
        chargeWork(m);
        Part p = m.part;
        m.lastProduct = p.product;
        boolean counted = now() >= warmup;
        if (counted) {
            m.processed++;
            m.idealBusyMillis += m.idealMillis[p.product];
        }
        StationRt s = m.station;
        if (m.wear != null) {
            m.wear.read(now(), m.operatingMillis / MS_PER_HOUR);
        }
        m.askMaintenance = m.maintenancePolicy != null;
        double scrapProbability = m.spec.scrap() + (m.wear == null ? 0 : m.wear.extraScrap());
        boolean scrap = scrapProbability > 0 && m.scrapRng.nextDouble() < scrapProbability;
        if (operations.size() < model.operationTraceLimit) {
            operations.add(new RunResult.Operation(spec.id(), s.spec.id(), m.spec.id(), p.id,
                    model.productIds.get(p.product), m.opStart / MS_PER_MIN, m.opProcessStart / MS_PER_MIN,
                    now() / MS_PER_MIN, scrap));
        }
        Verdict verdict = scrap || s.inspection == null ? Verdict.ACCEPT : inspect(s, m, p, counted);
        if (scrap || verdict == Verdict.SCRAP) {
            if (counted) {
                m.scrap++;
                scrapped++;
            }
            m.part = null;
            wip.add(now(), -1);
            machineFree(m);
            return;
        }
        if (verdict == Verdict.REWORK) {
            m.part = null;
            if (!offer(s.reworkAt, p)) {
                // Rework goes in even when the buffer is full: blocking here could deadlock the loop.
                s.reworkAt.queue.add(p);
                s.reworkAt.occupancy.set(now(), s.reworkAt.queue.size());
            }
            machineFree(m);
            return;
        }
        if (s.index == stations.length - 1) {
            m.part = null;
            leave(p);
            machineFree(m);
        } else if (offer(stations[s.index + 1], p)) {
            m.part = null;
            machineFree(m);
        } else {
            setState(m, MachineState.BLOCKED);
            stations[s.index + 1].waiters.add(m);
        }
    }

    private enum Verdict { ACCEPT, REWORK, SCRAP }

    /**
     * Inspects {@code p} at the end of its processing at {@code s}: its quality is drawn at its first inspection,
     * the classifier accepts or rejects it, a reject is scrapped or reworked.
     */
    private Verdict inspect(StationRt s, MachineRt m, Part p, boolean counted) {
        Inspection in = s.inspection;
        boolean first = !p.inspected;
        if (first) {
            p.inspected = true;
            p.defective = s.defectRng.nextDouble() < in.defectRate();
        }
        boolean reject = s.classifyRng.nextDouble() < (p.defective ? s.detection : s.falseReject);
        if (counted) {
            s.inspected++;
            s.firstInspections += first ? 1 : 0;
        }
        if (!reject) {
            if (counted) {
                s.accepted++;
                s.firstPassAccepted += first ? 1 : 0;
                s.escapes += p.defective ? 1 : 0;
                s.goodOutput += p.defective ? 0 : 1;
                m.inspectedNotGood += p.defective ? 1 : 0;
            }
            return Verdict.ACCEPT;
        }
        boolean rework = in.disposition() == InspectionDisposition.REWORK && p.reworks < in.maxReworks();
        if (counted) {
            s.trueRejects += p.defective ? 1 : 0;
            s.falseRejects += p.defective ? 0 : 1;
            s.reworked += rework ? 1 : 0;
            s.inspectionScrap += rework ? 0 : 1;
            m.inspectedNotGood += rework ? 1 : 0;
        }
        if (!rework) {
            return Verdict.SCRAP;
        }
        p.reworks++;
        if (p.defective && s.reworkRng.nextDouble() < in.reworkSuccess()) {
            p.defective = false;
        }
        return Verdict.REWORK;
    }

    /** The part has finished this resource: send it to its next routing step or its sink. */
    private void leave(Part p) {
        if (now() >= warmup) {
            partsOut++;
        }
        wip.add(now(), -1);
        int next = p.step + 1;
        int[] route = model.routing[p.product];
        long delay = model.transferMillis[p.product][next];
        int destLp = next < route.length ? route[next] : model.finalLp[p.product];
        if (destLp == index()) {
            scheduleIn(delay, code(PART_ARRIVAL, 0), 0, new Part(p.id, p.product, p.created, next, p.due));
        } else {
            send(destLp, delay, new PartTransfer(p.id, p.product, p.created, next, p.due));
        }
        if (delay > 0) {
            inTransit.add(now(), 1);
            scheduleIn(delay, code(TRANSIT_DONE, 0), 0, null);
        }
    }

    /** Machine {@code m} holds no part: take the next one from its buffer, then let upstream waiters in. */
    private void machineFree(MachineRt m) {
        StationRt s = m.station;
        if (m.state == MachineState.DOWN || m.state == MachineState.MAINTENANCE) {
            admitWaiters(s);
            return;
        }
        if (m.wear != null && m.wear.health() <= 0 && !m.observed) {
            // Worn out during the part just finished: it fails before it starts the next.
            m.epoch++;
            goDown(m, m.wearMode);
            admitWaiters(s);
            return;
        }
        if (m.askMaintenance && !m.observed) {
            // (A machine the plant reports on is maintained when the plant says so, not by the model's policy.)
            m.askMaintenance = false;
            if (m.maintenancePolicy.maintainNow(m.maintenanceView())) {
                startMaintenance(m);
                admitWaiters(s);
                return;
            }
        }
        if (custom == SchedulingPolicy.AGENT && s.queue.size() >= 2) {
            // Decide after everything else due now in this LP, so the agent sees every part that arrives now.
            setState(m, waitingState(s));
            if (!m.awaitingDecision) {
                m.awaitingDecision = true;
                scheduleAtPriority(now(), 2, code(DECIDE, m.entity), 0, null);
            }
            admitWaiters(s);
            return;
        }
        Part next = takeNext(s, m);
        if (next != null) {
            s.occupancy.set(now(), s.queue.size());
            start(m, next);
        } else {
            setState(m, waitingState(s));
        }
        admitWaiters(s);
    }

    /** The agent's turn for machine {@code m}: ask if there is still a choice, else carry on alone. */
    private void onDecide(MachineRt m) {
        m.awaitingDecision = false;
        if (m.part != null || m.state == MachineState.DOWN || m.state == MachineState.MAINTENANCE) {
            return;
        }
        StationRt s = m.station;
        if (s.queue.size() >= 2) {
            m.awaitingDecision = true;
            suspend(new PendingChoice(m, new org.plantwin.actors.api.DecisionPoint.Scheduling(
                    schedulingView(s, m, new ArrayList<>(s.queue)))));
            return;
        }
        machineFree(m);
    }

    /** A choice asked of the agent: the machine and what the agent was shown (the queue, oldest first). */
    private record PendingChoice(MachineRt machine, org.plantwin.actors.api.DecisionPoint.Scheduling point)
            implements AgentRequest {
    }

    @Override
    protected void onDecision(Object request, Object action) {
        PendingChoice c = (PendingChoice) request;
        MachineRt m = c.machine();
        m.awaitingDecision = false;
        StationRt s = m.station;
        int i = action instanceof Number n ? n.intValue() : -1;
        if (i < 0 || i >= s.queue.size()) {
            throw new IllegalArgumentException("The action (" + action + ") must be an index in [0, "
                    + s.queue.size() + ") of the waiting parts at " + spec.id() + "/" + s.spec.id() + ".");
        }
        Part chosen = new ArrayList<>(s.queue).get(i);
        s.queue.remove(chosen);
        s.occupancy.set(now(), s.queue.size());
        start(m, chosen);
        admitWaiters(s);
    }


    private MachineState waitingState(StationRt s) {
        return s.index == 0 ? MachineState.IDLE : MachineState.STARVED;
    }

    private Part takeNext(StationRt s, MachineRt m) {
        if (s.queue.isEmpty()) {
            return null;
        }
        if (custom != null && custom != SchedulingPolicy.AGENT) {
            return takeByPolicy(s, m);
        }
        switch (spec.discipline()) {
            case SETUP_AWARE -> {
                if (m.lastProduct >= 0) {
                    for (Iterator<Part> it = s.queue.iterator(); it.hasNext();) {
                        Part p = it.next();
                        if (p.product == m.lastProduct) {
                            it.remove();
                            return p;
                        }
                    }
                }
            }
            case EDD -> {
                return removeBest(s, p -> p.due < 0 ? Double.MAX_VALUE : p.due);
            }
            case SPT -> {
                return removeBest(s, p -> m.idealMillis[p.product]);
            }
            default -> {
                // FIFO below.
            }
        }
        return s.queue.poll();
    }

    private SchedulingPolicy.View schedulingView(StationRt s, MachineRt m, List<Part> parts) {
        List<SchedulingPolicy.Job> jobs = new ArrayList<>(parts.size());
        for (Part p : parts) {
            Distribution setup = m.spec.setup() == null || m.lastProduct < 0 ? null
                    : m.spec.setup().between(model.productIds.get(m.lastProduct), model.productIds.get(p.product));
            int[] route = model.routing[p.product];
            jobs.add(new SchedulingPolicy.Job(p.id, model.productIds.get(p.product), p.enqueued, p.due,
                    m.idealMillis[p.product], setup == null ? 0 : setup.meanMillis(), route.length - p.step,
                    model.remainingWorkMillis[p.product][p.step]));
        }
        return new SchedulingPolicy.View(now(), spec.id(), s.spec.id(), m.spec.id(),
                m.lastProduct < 0 ? null : model.productIds.get(m.lastProduct), jobs);
    }

    /** Removes the waiting part with the smallest key; ties go to the one that waited longest. */
    private static Part removeBest(StationRt s, java.util.function.ToDoubleFunction<Part> key) {
        Part best = null;
        double bestKey = Double.POSITIVE_INFINITY;
        for (Part p : s.queue) {
            double k = key.applyAsDouble(p);
            if (best == null || k < bestKey) {
                best = p;
                bestKey = k;
            }
        }
        s.queue.remove(best);
        return best;
    }

    private Part takeByPolicy(StationRt s, MachineRt m) {
        List<Part> parts = new ArrayList<>(s.queue);
        int i = custom.select(schedulingView(s, m, parts));
        if (i < 0 || i >= parts.size()) {
            throw new IllegalStateException("The scheduling policy of (" + spec.id() + ") chose index (" + i
                    + ") of " + parts.size() + " waiting parts.");
        }
        Part chosen = parts.get(i);
        s.queue.remove(chosen);
        return chosen;
    }

    /** Lets blocked upstream machines, waiting sources and docked parts into {@code s} while it has room. */
    private void admitWaiters(StationRt s) {
        while (!s.waiters.isEmpty() && hasRoom(s)) {
            Object w = s.waiters.poll();
            if (w instanceof MachineRt um) {
                Part p = um.part;
                um.part = null;
                offer(s, p);
                machineFree(um);
            } else if (w instanceof SourceRt src) {
                Part p = src.waiting.poll();
                wip.add(now(), 1);
                countIn();
                offer(s, p);
                if (!src.waiting.isEmpty()) {
                    s.waiters.addFirst(src);
                } else {
                    unblock(src);
                }
            } else {
                Part p = (Part) w;
                dock.remove(p);
                offer(s, p);
            }
        }
    }

    private boolean hasRoom(StationRt s) {
        if (s.queue.size() < s.capacity) {
            return true;
        }
        if (s.queue.isEmpty()) {
            for (MachineRt m : s.machines) {
                if (m.part == null && !m.awaitingDecision
                        && (m.state == MachineState.IDLE || m.state == MachineState.STARVED)) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- sources -------------------------------------------------------------------------------------------

    private void onSourceArrival(SourceRt src) {
        if (src.spec.limit() != null && src.created >= src.spec.limit()) {
            return;
        }
        for (int b = 0; b < src.spec.batch(); b++) {
            emit(src, src.newPart(src.drawProduct(), -1));
        }
        if (src.waiting.isEmpty()) {
            scheduleIn(sample(src.interarrival), code(SOURCE_ARRIVAL, src.entity), 0, null);
        }
    }

    private void onOrderRelease(SourceRt src, int orderIndex) {
        Order o = src.spec.orders().get(orderIndex);
        int product = model.productIndex(o.product());
        long due = o.due() == null ? -1 : o.due().toMillis();
        for (int q = 0; q < o.quantity(); q++) {
            emit(src, src.newPart(product, due));
        }
    }

    /** A new part from a source enters the resource, waits (blocking source) or is lost. */
    private void emit(SourceRt src, Part p) {
        if (now() >= warmup) {
            src.offered++;
        }
        long delay = model.transferMillis[p.product][0];
        if (delay > 0) {
            scheduleIn(delay, code(PART_ARRIVAL, 0), 0, p);
            return;
        }
        if (model.stepMaterials[p.product][0].length > 0 && !takeMaterialsFromSource(p)) {
            return;
        }
        StationRt s0 = stations[0];
        if (src.waiting.isEmpty() && offer(s0, p)) {
            countIn();
            wip.add(now(), 1);
        } else if (src.spec.blocking() || src.spec.orders().size() > 0) {
            if (src.waiting.isEmpty()) {
                s0.waiters.add(src);
                src.blockedSince = now();
            }
            src.waiting.add(p);
        } else if (now() >= warmup) {
            src.lost++;
        }
    }

    /** A source's new part that lacks material enters and waits for it (the source does not block on material). */
    private boolean takeMaterialsFromSource(Part p) {
        if (materialWait.isEmpty() && available(model.stepMaterials[p.product][0])) {
            consume(model.stepMaterials[p.product][0]);
            return true;
        }
        countIn();
        wip.add(now(), 1);
        takeMaterials(p);
        return false;
    }

    private void unblock(SourceRt src) {
        long from = Math.max(src.blockedSince, warmup);
        if (now() > from) {
            src.blockedMillis += now() - from;
        }
        src.blockedSince = -1;
        if (src.interarrival != null && (src.spec.limit() == null || src.created < src.spec.limit())) {
            scheduleIn(sample(src.interarrival), code(SOURCE_ARRIVAL, src.entity), 0, null);
        }
    }

    // ---- failures -----------------------------------------------------------------------------------------

    private void onFailOperating(MachineRt m, long datum) {
        int epoch = (int) (datum >>> 8);
        int f = (int) (datum & 0xFF);
        if (epoch != m.epoch) {
            return;
        }
        chargeWork(m);
        if (m.observed) {
            // The plant reports this machine's state: its model failures no longer happen; finish the part.
            beginWork(m);
            return;
        }
        if (f < m.wearMode) {
            m.timeToFailure[f] = sample(m.timeBetween[f]);
        }
        goDown(m, f);
    }

    private void onFailCalendar(MachineRt m, int f) {
        if (m.observed) {
            return;
        }
        if (m.state == MachineState.DOWN || m.state == MachineState.MAINTENANCE) {
            // Already down or in maintenance: this failure is absorbed; the clock runs on.
            scheduleIn(sample(m.timeBetween[f]), code(FAIL_CALENDAR, m.entity), f, null);
            return;
        }
        if (m.state == MachineState.BUSY) {
            chargeWork(m);
        } else if (m.state == MachineState.SETUP) {
            m.setupLeft -= now() - m.phaseStart;
        }
        m.epoch++;
        goDown(m, f);
    }

    private void goDown(MachineRt m, int f) {
        boolean counted = now() >= warmup;
        if (counted) {
            m.failuresCount++;
        }
        setState(m, MachineState.DOWN);
        if (f == m.wearMode) {
            if (counted) {
                m.wearFailures++;
                m.repairCost += m.spec.maintenance() == null ? 0 : m.spec.maintenance().repairCost();
            }
            if (m.maintenancePolicy != null) {
                m.maintenancePolicy.lifeEnded(now(), m.operatingMillis / MS_PER_HOUR, true);
            }
            scheduleIn(sample(m.wear.repair()), code(REPAIRED, m.entity), ((long) m.repairToken << 8) | f, null);
            return;
        }
        scheduleIn(sample(m.repair[f]), code(REPAIRED, m.entity), ((long) m.repairToken << 8) | f, null);
    }

    /** Preventive maintenance now, in the gap before the machine's next part; it restores the machine. */
    private void startMaintenance(MachineRt m) {
        if (m.maintenanceDuration == null) {
            throw new IllegalStateException("The maintenance policy of machine (" + m.spec.id() + ") maintains, but"
                    + " its maintenance section gives no duration. Maybe add maintenance.duration.");
        }
        if (now() >= warmup) {
            m.preventive++;
            m.preventiveCost += m.spec.maintenance().cost();
        }
        m.maintenancePolicy.lifeEnded(now(), m.operatingMillis / MS_PER_HOUR, false);
        setState(m, MachineState.MAINTENANCE);
        scheduleIn(sample(m.maintenanceDuration), code(MAINTENANCE_DONE, m.entity), 0, null);
    }

    private void onMaintenanceDone(MachineRt m) {
        if (m.state != MachineState.MAINTENANCE) {
            // The plant reported the machine down meanwhile (live twin): it is restored, and up when reported up.
            restore(m);
            return;
        }
        restore(m);
        setState(m, waitingState(m.station));
        machineFree(m);
    }

    /** As good as new: full health, operating clock since restore at 0. */
    private static void restore(MachineRt m) {
        m.operatingMillis = 0;
        m.askMaintenance = false;
        if (m.wear != null) {
            m.wear.restore();
        }
    }

    private void onRepaired(MachineRt m, long datum) {
        int f = (int) (datum & 0xFF);
        if ((int) (datum >>> 8) != m.repairToken) {
            return;
        }
        if (f == m.wearMode) {
            restore(m);
        } else if (m.failures[f].basis() == FailureBasis.CALENDAR) {
            scheduleIn(sample(m.timeBetween[f]), code(FAIL_CALENDAR, m.entity), f, null);
        }
        resumeAfterDown(m);
    }

    /** The machine is up again: carry on with its part (setup, work) or take the next one. */
    private void resumeAfterDown(MachineRt m) {
        m.epoch++;
        if (m.part == null) {
            setState(m, waitingState(m.station));
            machineFree(m);
        } else if (m.setupLeft > 0) {
            beginSetup(m);
        } else if (m.workLeft > 0) {
            beginWork(m);
        } else {
            setState(m, MachineState.BLOCKED);
        }
    }

    // ---- live twin: the plant's reports ---------------------------------------------------------------------

    /** The plant reports machine {@code m} down or up; from now on its state follows the reports. */
    private void onMachineReport(MachineRt m, boolean down) {
        m.observed = true;
        if (down) {
            if (m.state != MachineState.DOWN) {
                if (m.state == MachineState.BUSY) {
                    chargeWork(m);
                } else if (m.state == MachineState.SETUP) {
                    m.setupLeft -= now() - m.phaseStart;
                }
                m.epoch++;
                if (now() >= warmup) {
                    m.failuresCount++;
                }
                setState(m, MachineState.DOWN);
            }
            m.repairToken++;
            m.held = true;
        } else if (m.state == MachineState.DOWN) {
            m.repairToken++;
            m.held = false;
            resumeAfterDown(m);
        }
    }

    /** The plant reports {@code level} parts in the buffer of {@code s}: add or take away parts to match. */
    private void onBufferReport(StationRt s, int level) {
        while (s.queue.size() > level) {
            s.queue.pollLast();
            wip.add(now(), -1);
        }
        int product = model.productAtStation(resourceIndex, s.index);
        int step = model.stepOf(product, resourceIndex);
        long added = 0;
        while (s.queue.size() < level) {
            long id = ((long) (0xC0000 | resourceIndex) << 40) | releasedParts++;
            Part p = new Part(id, product, now(), step, -1);
            wip.add(now(), 1);
            countIn();
            added++;
            if (!offer(s, p)) {
                wip.add(now(), -1);
                break;
            }
            if (added > level + s.machines.length) {
                break;
            }
        }
        s.occupancy.set(now(), s.queue.size());
        admitWaiters(s);
    }

    @Override
    public void describe(java.util.function.BiConsumer<String, Map<String, Object>> out) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("kind", spec.kind());
        line.put("wip", Math.round(wip.level()));
        line.put("partsIn", partsIn);
        line.put("partsOut", partsOut);
        line.put("scrapped", scrapped);
        out.accept(spec.id(), line);
        for (StationRt s : stations) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("kind", "buffer");
            b.put("line", spec.id());
            b.put("level", s.queue.size());
            b.put("capacity", s.spec.unbounded() ? null : s.capacity);
            out.accept(spec.id() + "/" + s.spec.id(), b);
        }
        for (MachineRt m : machines) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("kind", "machine");
            v.put("line", spec.id());
            v.put("station", m.station.spec.id());
            v.put("state", m.state.key());
            v.put("sinceMillis", m.stateSince);
            v.put("part", m.part == null ? null : m.part.id);
            v.put("product", m.part == null ? null : model.productIds.get(m.part.product));
            v.put("workLeftMillis", m.part == null ? null
                    : m.state == MachineState.BUSY ? m.workLeft - (now() - m.phaseStart) : m.workLeft);
            v.put("processed", m.processed);
            v.put("failures", m.failuresCount);
            v.put("followsTelemetry", m.observed);
            out.accept(m.spec.id(), v);
        }
    }

    // ---- statistics ---------------------------------------------------------------------------------------

    private void setState(MachineRt m, MachineState next) {
        long from = Math.max(m.stateSince, warmup);
        if (now() > from) {
            m.stateMillis[m.state.ordinal()] += now() - from;
        }
        m.stateSince = now();
        m.state = next;
    }

    /** Statistics of this LP at {@code end}. */
    public record Report(int resourceIndex, RunResult.LineKpis line, List<RunResult.StationKpis> stations,
                        List<RunResult.MachineKpis> machines, List<RunResult.MaintenanceKpis> maintenance,
                        List<RunResult.InspectionKpis> inspection,
                        List<RunResult.SourceKpis> sources,
                        double wipIntegralMillis, long scrapped, List<RunResult.MaterialKpis> materials,
                        double[] wipIntegralPerBatch, List<RunResult.Operation> operations,
                        List<RunResult.FailureHistory> failureHistory) {
    }

    @Override
    protected Object report(long end) {
        double observed = Math.max(1, end - warmup);
        double hours = observed / 3_600_000.0;
        List<RunResult.StationKpis> st = new ArrayList<>();
        List<RunResult.InspectionKpis> ins = new ArrayList<>();
        for (StationRt s : stations) {
            if (s.inspection != null) {
                ins.add(new RunResult.InspectionKpis(spec.id(), s.spec.id(), s.inspected, s.firstInspections,
                        s.accepted, s.firstPassAccepted,
                        s.firstInspections == 0 ? 0 : (double) s.firstPassAccepted / s.firstInspections,
                        s.trueRejects, s.falseRejects, s.escapes, s.accepted == 0 ? 0 : (double) s.escapes / s.accepted,
                        s.reworked, s.inspectionScrap, s.goodOutput));
            }
            st.add(new RunResult.StationKpis(spec.id(), s.spec.id(), s.spec.unbounded() ? null : s.capacity,
                    s.occupancy.mean(end), s.occupancy.max(), s.started, s.wait.mean(), s.wait.quantile(0.95)));
        }
        List<RunResult.MachineKpis> ms = new ArrayList<>();
        List<RunResult.MaintenanceKpis> mk = new ArrayList<>();
        for (MachineRt m : machines) {
            setState(m, m.state);
            Map<String, Double> fractions = new LinkedHashMap<>();
            for (MachineState state : MachineState.values()) {
                fractions.put(state.key(), m.stateMillis[state.ordinal()] / observed);
            }
            double busy = m.stateMillis[MachineState.BUSY.ordinal()];
            double down = m.stateMillis[MachineState.DOWN.ordinal()];
            double maintained = m.stateMillis[MachineState.MAINTENANCE.ordinal()];
            double availability = (observed - down - maintained) / observed;
            double performance = busy > 0 ? Math.min(1.0, m.idealBusyMillis / busy) : 0;
            long good = m.processed - m.scrap - m.inspectedNotGood;
            double quality = m.processed > 0 ? (double) good / m.processed : 0;
            ms.add(new RunResult.MachineKpis(m.spec.id(), spec.id(), m.station.spec.id(), m.processed,
                    good, m.scrap, m.failuresCount, m.setups, fractions, busy / observed,
                    availability, performance, quality, availability * performance * quality));
            if (m.tracked()) {
                mk.add(new RunResult.MaintenanceKpis(m.spec.id(), spec.id(), m.maintenancePolicyName, m.wearFailures,
                        m.preventive, down / MS_PER_MIN, maintained / MS_PER_MIN, availability,
                        availability * performance * quality, m.preventiveCost, m.repairCost,
                        m.preventiveCost + m.repairCost));
            }
        }
        List<RunResult.SourceKpis> srcs = new ArrayList<>();
        for (SourceRt s : sources) {
            if (s.blockedSince >= 0) {
                long from = Math.max(s.blockedSince, warmup);
                s.blockedMillis += Math.max(0, end - from);
                s.blockedSince = end;
            }
            srcs.add(new RunResult.SourceKpis(s.spec.id(), s.created, s.lost,
                    s.offered == 0 ? 0 : (double) s.lost / s.offered, s.blockedMillis / observed));
        }
        RunResult.LineKpis line = new RunResult.LineKpis(spec.id(), spec.kind(), partsIn, partsOut,
                partsOut / hours, wip.mean(end), scrapped, Math.round(wip.level()), materialStarved.mean(end));
        List<RunResult.MaterialKpis> mats = new ArrayList<>();
        for (MaterialRt m : materials) {
            mats.add(new RunResult.MaterialKpis(spec.id(), m.spec.material(), m.onHandTw.mean(end), m.onHandTw.min(),
                    m.onHandTw.max(), m.waits, m.replenishments, m.spec.initial(), m.received, m.onHand, m.onOrder));
        }
        return new Report(resourceIndex, line, List.copyOf(st), List.copyOf(ms), List.copyOf(mk), List.copyOf(ins), List.copyOf(srcs),
                wip.integral(end) + inTransit.integral(end), scrapped, List.copyOf(mats),
                Batches.integrals(wipBatches, end), List.copyOf(operations), failureHistory());
    }

    /** The durations every failure mode drew, in machine and mode order (empty unless a history was asked for). */
    private List<RunResult.FailureHistory> failureHistory() {
        if (model.historyMillis <= 0) {
            return List.of();
        }
        List<RunResult.FailureHistory> out = new ArrayList<>();
        for (MachineRt m : machines) {
            for (int f = 0; f < m.failures.length; f++) {
                out.add(new RunResult.FailureHistory(m.spec.id(), f, m.timeBetween[f].recordedMinutes(),
                        m.repair[f].recordedMinutes()));
            }
        }
        return List.copyOf(out);
    }
}
