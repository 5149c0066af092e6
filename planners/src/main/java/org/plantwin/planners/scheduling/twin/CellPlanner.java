package org.plantwin.planners.scheduling.twin;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.plantwin.actors.api.SchedulingPolicy;
import org.plantwin.scenarios.model.Distribution;
import org.plantwin.scenarios.model.Failure;
import org.plantwin.scenarios.model.Line;
import org.plantwin.scenarios.model.Machine;
import org.plantwin.scenarios.model.MachineGroup;
import org.plantwin.scenarios.model.Product;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.Station;

/**
 * A rolling-horizon sequencer for one line or machine group: whenever a machine is free it (re)plans the parts
 * waiting at that station as a parallel-machine problem with sequence-dependent setups and due dates, and starts
 * the first part of the free machine's plan.
 *
 * <p><b>Model.</b> Machines of the station (from the scenario), each available at an estimated time (the free
 * machine now; another one when its last part, as this planner started it, ends at mean setup + processing time;
 * one that is overdue is suspected down and planned back after its mean repair time) with its last product. A job
 * takes mean setup (the machine's setup matrix or changeover) plus mean processing time of its product on that
 * machine. Plan cost, in minutes from now: {@code tardinessWeight x sum max(0, C_j - d_j) + flowWeight x sum C_j
 * + setupWeight x total setup + makespanWeight x Cmax}. Parts without a due date have no tardiness. The setup term
 * stands for what the plan cannot see: every changeover spends capacity that later arrivals will miss.
 *
 * <p><b>Construction</b> (on a full recompute): the best of three list schedules, each job going to the machine
 * that finishes it first: ATCS order (apparent tardiness cost with setups, Lee, Bhaskaran and Pinedo 1997, index
 * {@code 1/p exp(-max(d-p-t,0)/(k1 pbar)) exp(-s/(k2 sbar))}, computed per group of identical jobs, i.e. same
 * product and due date), batches by product in EDD order of their groups, and FIFO.
 *
 * <p><b>Improvement:</b> first-improvement local search with a fixed evaluation budget: move a whole run of one
 * product (a batch) or half of it to a batch boundary on any machine, swap two adjacent batches, move one job.
 * Each candidate is evaluated exactly (O(n)). Moves are drawn from a {@link SplittableRandom} seeded from the
 * view (time, machine, part ids), so the same view in the same state gives the same choice; no wall clock, no
 * threads.
 *
 * <p><b>Repair between decisions.</b> The plan (per machine, the ordered part ids) is kept: parts no longer
 * waiting are dropped, arrivals go in after the last planned part of the same product and due date, else at the
 * best batch boundary, and a short search follows. The plan is recomputed from scratch when something big
 * changes: a machine is suspected down (it has not called for {@code breakdownGraceMillis} past its estimated
 * end) or comes back, a rush arrival (due earlier than any planned part by {@code rushMarginMillis}), arrivals
 * larger than a share of the plan, the free machine with an empty plan, or every {@code recomputeEvery}
 * decisions.
 *
 * <p>State lives in this object: use one instance per run (the twin calls it from the run's lane only). It can
 * record the plan at each decision in a time window ({@link #recordPlans}) for Gantt charts.
 */
public final class CellPlanner implements SchedulingPolicy {

    /** Weights (per minute) and budgets. */
    public record Options(double tardinessWeight, double flowWeight, double setupWeight, double makespanWeight,
                          int improveEvaluations, int repairEvaluations, int recomputeEvery,
                          long breakdownGraceMillis, long rushMarginMillis, double arrivalShareForRecompute) {
        public Options {
            if (improveEvaluations < 0 || repairEvaluations < 0) {
                throw new IllegalArgumentException("The evaluation budgets (" + improveEvaluations + ", "
                        + repairEvaluations + ") must be >= 0.");
            }
            if (recomputeEvery < 1) {
                throw new IllegalArgumentException("The recompute period (" + recomputeEvery + ") must be >= 1.");
            }
        }

        public static Options defaults() {
            return new Options(1.0, 0.1, 5.0, 1.0, 400, 120, 40, 30 * 60_000L, 60 * 60_000L, 0.25);
        }

        public Options withWeights(double tardiness, double flow, double setup, double makespan) {
            return new Options(tardiness, flow, setup, makespan, improveEvaluations, repairEvaluations,
                    recomputeEvery, breakdownGraceMillis, rushMarginMillis, arrivalShareForRecompute);
        }

        public Options withEvaluations(int improve, int repair) {
            return new Options(tardinessWeight, flowWeight, setupWeight, makespanWeight, improve, repair,
                    recomputeEvery, breakdownGraceMillis, rushMarginMillis, arrivalShareForRecompute);
        }
    }

    /** One part in a recorded plan: when it is planned to start (setup included) and end on which machine. */
    public record PlannedOperation(String machine, long partId, String product, long startMillis, long endMillis) {
    }

    /** The plan as it stood when {@code machine} asked at {@code nowMillis} (the first part of it was started). */
    public record PlanSnapshot(long nowMillis, String station, String machine, boolean recomputed,
                               List<PlannedOperation> operations) {
        public PlanSnapshot {
            operations = List.copyOf(operations);
        }
    }

    /** Counters: decisions, full recomputes, repairs, breakdowns suspected, decisions that saw rush arrivals. */
    public record Stats(long decisions, long recomputes, long repairs, long suspectedBreakdowns, long rushArrivals) {
    }

    private static final double MS_PER_MIN = 60_000.0;
    private static final double ATCS_K1 = 2.0;
    private static final double ATCS_K2 = 0.5;

    private final String resourceId;
    private final Options options;
    private final List<String> productIds;
    private final Map<String, StationPlan> stations = new LinkedHashMap<>();
    private final Map<String, List<Machine>> stationMachines;

    private long recordFrom = Long.MAX_VALUE;
    private long recordTo = Long.MIN_VALUE;
    private int recordLimit;
    private final List<PlanSnapshot> recorded = new ArrayList<>();

    private long decisions;
    private long recomputes;
    private long repairs;
    private long suspectedBreakdowns;
    private long rushArrivals;

    private CellPlanner(Scenario scenario, String resourceId, Options options) {
        this.resourceId = requireNonNull(resourceId, "resourceId");
        this.options = requireNonNull(options, "options");
        requireNonNull(scenario, "scenario");
        this.productIds = scenario.products().stream().map(Product::id).toList();
        Map<String, Machine> machinesById = new HashMap<>();
        for (Machine m : scenario.machines()) {
            machinesById.put(m.id(), m);
        }
        Map<String, List<Machine>> byStation = new LinkedHashMap<>();
        for (MachineGroup g : scenario.machineGroups()) {
            if (g.id().equals(resourceId)) {
                byStation.put("*", g.machines().stream().map(id -> machine(machinesById, id)).toList());
            }
        }
        for (Line l : scenario.lines()) {
            if (l.id().equals(resourceId)) {
                for (Station s : l.stations()) {
                    byStation.put(s.id(), s.machines().stream().map(id -> machine(machinesById, id)).toList());
                }
            }
        }
        if (byStation.isEmpty()) {
            throw new IllegalArgumentException("The scenario (" + scenario.name() + ") has no line or machine group ("
                    + resourceId + "). Maybe one of " + scenario.machineGroups().stream().map(MachineGroup::id).toList()
                    + " or " + scenario.lines().stream().map(Line::id).toList() + ".");
        }
        this.stationMachines = byStation;
    }

    private static Machine machine(Map<String, Machine> byId, String id) {
        Machine m = byId.get(id);
        if (m == null) {
            throw new IllegalArgumentException("The machine (" + id + ") is not defined in the scenario.");
        }
        return m;
    }

    /** A planner for the line or machine group {@code resourceId} of {@code scenario}, default options. */
    public static CellPlanner create(Scenario scenario, String resourceId) {
        return new CellPlanner(scenario, resourceId, Options.defaults());
    }

    public static CellPlanner create(Scenario scenario, String resourceId, Options options) {
        return new CellPlanner(scenario, resourceId, options);
    }

    /** Records the plan at every decision in [fromMillis, toMillis), at most {@code limit} of them. */
    public CellPlanner recordPlans(long fromMillis, long toMillis, int limit) {
        this.recordFrom = fromMillis;
        this.recordTo = toMillis;
        this.recordLimit = limit;
        return this;
    }

    /** The plans recorded so far, in decision order. */
    public List<PlanSnapshot> recordedPlans() {
        return List.copyOf(recorded);
    }

    public Stats stats() {
        return new Stats(decisions, recomputes, repairs, suspectedBreakdowns, rushArrivals);
    }

    public String resourceId() {
        return resourceId;
    }

    @Override
    public int select(View view) {
        requireNonNull(view, "view");
        if (view.waiting().isEmpty()) {
            throw new IllegalArgumentException("The view of (" + view.resource() + "/" + view.machine()
                    + ") has no waiting part.");
        }
        if (!view.resource().equals(resourceId)) {
            throw new IllegalArgumentException("The view's resource (" + view.resource() + ") is not this planner's ("
                    + resourceId + ").");
        }
        decisions++;
        StationPlan st = stations.computeIfAbsent(view.station(), this::newStation);
        return st.decide(view);
    }

    private StationPlan newStation(String station) {
        List<Machine> ms = stationMachines.containsKey("*") ? stationMachines.get("*") : stationMachines.get(station);
        if (ms == null) {
            throw new IllegalArgumentException("The resource (" + resourceId + ") has no station (" + station
                    + "). Maybe one of " + stationMachines.keySet() + ".");
        }
        return new StationPlan(station, ms);
    }

    private int productIndex(String product) {
        int i = productIds.indexOf(product);
        if (i < 0) {
            throw new IllegalArgumentException("The product (" + product + ") is not in the scenario.");
        }
        return i;
    }

    /** The plan and the machine estimates of one station. */
    private final class StationPlan {
        final String station;
        final String[] machineIds;
        /** [machine][product] mean processing minutes (NaN where the scenario does not say). */
        final double[][] processMin;
        /** [machine][from + 1][to] mean setup minutes; from = -1 (row 0) means none yet. */
        final double[][][] setupMin;
        final double[] repairMin;
        final int[] lastProduct;
        final long[] busyUntil;
        final boolean[] known;
        final boolean[] suspectedDown;
        /** Per machine, the planned part ids in order. */
        final List<List<Long>> plan = new ArrayList<>();
        int sinceRecompute;

        StationPlan(String station, List<Machine> machines) {
            this.station = station;
            int m = machines.size();
            int p = productIds.size();
            machineIds = new String[m];
            processMin = new double[m][p];
            setupMin = new double[m][p + 1][p];
            repairMin = new double[m];
            lastProduct = new int[m];
            busyUntil = new long[m];
            known = new boolean[m];
            suspectedDown = new boolean[m];
            Arrays.fill(lastProduct, -1);
            for (int k = 0; k < m; k++) {
                Machine mc = machines.get(k);
                machineIds[k] = mc.id();
                for (int j = 0; j < p; j++) {
                    Distribution d = mc.processTimeOf(productIds.get(j));
                    processMin[k][j] = d == null ? Double.NaN : d.meanMillis() / MS_PER_MIN;
                    for (int from = 0; from < p; from++) {
                        Distribution s = mc.setup() == null ? null
                                : mc.setup().between(productIds.get(from), productIds.get(j));
                        setupMin[k][from + 1][j] = s == null ? 0 : s.meanMillis() / MS_PER_MIN;
                    }
                }
                double repair = 0;
                for (Failure f : mc.failures()) {
                    repair = Math.max(repair, f.repair().meanMillis() / MS_PER_MIN);
                }
                repairMin[k] = repair > 0 ? repair : 60;
                plan.add(new ArrayList<>());
            }
        }

        int machineIndex(String id) {
            for (int k = 0; k < machineIds.length; k++) {
                if (machineIds[k].equals(id)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("The machine (" + id + ") is not in station (" + station + ") of ("
                    + resourceId + "). Maybe one of " + Arrays.toString(machineIds) + ".");
        }

        int decide(View view) {
            long now = view.nowMillis();
            int free = machineIndex(view.machine());
            boolean big = false;
            if (suspectedDown[free]) {
                big = true;
                suspectedDown[free] = false;
            }
            known[free] = true;
            lastProduct[free] = view.lastProduct() == null ? -1 : productIndex(view.lastProduct());
            busyUntil[free] = now;

            // The problem: waiting jobs, indexed as in the view.
            List<Job> waiting = view.waiting();
            int n = waiting.size();
            Problem pr = new Problem(n, machineIds.length);
            Map<Long, Integer> index = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                Job j = waiting.get(i);
                index.put(j.partId(), i);
                pr.product[i] = productIndex(j.product());
                pr.due[i] = j.dueMillis() < 0 ? Double.POSITIVE_INFINITY : (j.dueMillis() - now) / MS_PER_MIN;
                pr.enqueued[i] = j.enqueuedMillis();
                pr.fallbackProcess[i] = j.processMeanMillis() / MS_PER_MIN;
            }
            for (int k = 0; k < machineIds.length; k++) {
                pr.last[k] = lastProduct[k];
                if (k == free) {
                    pr.avail[k] = 0;
                } else if (!known[k]) {
                    // Unknown since the queue ran dry (it may have started parts this planner never saw).
                    pr.avail[k] = meanProcess(k) / 2;
                } else if (suspectedDown[k]) {
                    pr.avail[k] = repairMin[k];
                } else if (busyUntil[k] + Math.max(options.breakdownGraceMillis(), (long) (3 * meanProcess(k)
                        * MS_PER_MIN)) < now) {
                    suspectedDown[k] = true;
                    suspectedBreakdowns++;
                    big = true;
                    pr.avail[k] = repairMin[k];
                } else {
                    pr.avail[k] = Math.max(0, (busyUntil[k] - now) / MS_PER_MIN);
                }
            }

            // Carry the previous plan over: keep parts still waiting, collect arrivals.
            int[][] seq = new int[machineIds.length][];
            boolean[] planned = new boolean[n];
            double minPlannedDue = Double.POSITIVE_INFINITY;
            int plannedCount = 0;
            for (int k = 0; k < machineIds.length; k++) {
                List<Long> ids = plan.get(k);
                int[] s = new int[ids.size()];
                int len = 0;
                for (Long id : ids) {
                    Integer i = index.get(id);
                    if (i != null && !planned[i]) {
                        planned[i] = true;
                        s[len++] = i;
                        minPlannedDue = Math.min(minPlannedDue, pr.due[i]);
                    }
                }
                seq[k] = Arrays.copyOf(s, len);
                plannedCount += len;
            }
            List<Integer> arrivals = new ArrayList<>();
            boolean rush = false;
            for (int i = 0; i < n; i++) {
                if (!planned[i]) {
                    arrivals.add(i);
                    rush |= pr.due[i] < minPlannedDue - options.rushMarginMillis() / MS_PER_MIN;
                }
            }
            if (rush && plannedCount > 0) {
                rushArrivals++;
                big = true;
            }
            if (plannedCount == 0 || arrivals.size() > options.arrivalShareForRecompute() * plannedCount + 1
                    || ++sinceRecompute >= options.recomputeEvery()) {
                big = true;
            }
            SplittableRandom rng = new SplittableRandom(seed(view));
            if (!big) {
                for (int i : arrivals) {
                    seq = insertArrival(pr, seq, i);
                }
                if (seq[free].length == 0) {
                    big = true;
                }
            }
            if (big) {
                recomputes++;
                sinceRecompute = 0;
                seq = construct(pr);
                seq = improve(pr, seq, options.improveEvaluations(), rng);
            } else {
                repairs++;
                seq = improve(pr, seq, options.repairEvaluations(), rng);
            }
            if (seq[free].length == 0) {
                seq = giveWork(pr, seq, free);
            }
            if (now >= recordFrom && now < recordTo && recorded.size() < recordLimit) {
                recorded.add(snapshot(view, pr, seq, big));
            }

            int chosen = seq[free][0];
            for (int k = 0; k < machineIds.length; k++) {
                List<Long> ids = new ArrayList<>(seq[k].length);
                for (int q = (k == free ? 1 : 0); q < seq[k].length; q++) {
                    ids.add(waiting.get(seq[k][q]).partId());
                }
                plan.set(k, ids);
            }
            int prod = pr.product[chosen];
            double work = setup(pr, free, lastProduct[free], prod) + process(pr, free, chosen);
            busyUntil[free] = now + (long) (work * MS_PER_MIN);
            lastProduct[free] = prod;
            if (n == 1) {
                // The queue runs dry: an idle machine may now start arrivals without asking.
                Arrays.fill(known, false);
                known[free] = true;
            }
            return chosen;
        }

        double meanProcess(int k) {
            double s = 0;
            int c = 0;
            for (double v : processMin[k]) {
                if (!Double.isNaN(v)) {
                    s += v;
                    c++;
                }
            }
            return c == 0 ? 5 : s / c;
        }

        double process(Problem pr, int k, int job) {
            double v = processMin[k][pr.product[job]];
            return Double.isNaN(v) ? pr.fallbackProcess[job] : v;
        }

        double setup(Problem pr, int k, int from, int to) {
            return setupMin[k][from + 1][to];
        }

        /** The plan cost (see the class comment), in weighted minutes. */
        double cost(Problem pr, int[][] seq) {
            double tard = 0;
            double flow = 0;
            double setups = 0;
            double cmax = 0;
            for (int k = 0; k < seq.length; k++) {
                double t = pr.avail[k];
                int prev = pr.last[k];
                for (int i : seq[k]) {
                    int p = pr.product[i];
                    double s = setupMin[k][prev + 1][p];
                    t += s + process(pr, k, i);
                    setups += s;
                    flow += t;
                    double late = t - pr.due[i];
                    if (late > 0) {
                        tard += late;
                    }
                    prev = p;
                }
                cmax = Math.max(cmax, t);
            }
            return options.tardinessWeight() * tard + options.flowWeight() * flow + options.setupWeight() * setups
                    + options.makespanWeight() * cmax;
        }

        /** Three list schedules (ATCS, product batches in EDD order, FIFO); the cheapest. */
        int[][] construct(Problem pr) {
            int n = pr.n;
            int[] fifo = new int[n];
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(pr.enqueued[a], pr.enqueued[b]) != 0
                    ? Long.compare(pr.enqueued[a], pr.enqueued[b]) : Integer.compare(a, b));
            for (int i = 0; i < n; i++) {
                fifo[i] = order[i];
            }
            int[][] best = listSchedule(pr, fifo);
            double bestCost = cost(pr, best);
            int[][] batches = listSchedule(pr, batchOrder(pr, order));
            double c = cost(pr, batches);
            if (c < bestCost) {
                best = batches;
                bestCost = c;
            }
            int[][] atcs = atcs(pr, order);
            c = cost(pr, atcs);
            if (c < bestCost) {
                best = atcs;
            }
            return best;
        }

        /** Groups of (product, due) in EDD order, consecutive groups of one product merged. */
        int[] batchOrder(Problem pr, Integer[] fifoOrder) {
            Integer[] o = fifoOrder.clone();
            Arrays.sort(o, (a, b) -> {
                int c = Double.compare(pr.due[a], pr.due[b]);
                if (c != 0) {
                    return c;
                }
                return Long.compare(pr.enqueued[a], pr.enqueued[b]) != 0
                        ? Long.compare(pr.enqueued[a], pr.enqueued[b]) : Integer.compare(a, b);
            });
            // Stable partition: each product's jobs follow the first job of that product in EDD order.
            Map<Integer, List<Integer>> byProduct = new LinkedHashMap<>();
            for (int i : o) {
                byProduct.computeIfAbsent(pr.product[i], key -> new ArrayList<>()).add(i);
            }
            int[] out = new int[o.length];
            int q = 0;
            for (List<Integer> l : byProduct.values()) {
                for (int i : l) {
                    out[q++] = i;
                }
            }
            return out;
        }

        /** Each job in the given order goes to the machine that completes it first. */
        int[][] listSchedule(Problem pr, int[] order) {
            int m = machineIds.length;
            double[] t = pr.avail.clone();
            int[] last = pr.last.clone();
            int[][] seq = new int[m][pr.n];
            int[] len = new int[m];
            for (int i : order) {
                int bestK = 0;
                double bestEnd = Double.POSITIVE_INFINITY;
                for (int k = 0; k < m; k++) {
                    double end = t[k] + setup(pr, k, last[k], pr.product[i]) + process(pr, k, i);
                    if (end < bestEnd) {
                        bestEnd = end;
                        bestK = k;
                    }
                }
                t[bestK] = bestEnd;
                last[bestK] = pr.product[i];
                seq[bestK][len[bestK]++] = i;
            }
            for (int k = 0; k < m; k++) {
                seq[k] = Arrays.copyOf(seq[k], len[k]);
            }
            return seq;
        }

        /**
         * ATCS list scheduling: the machine free first takes the job with the highest index. Identical jobs
         * (product, due) share an index, so each step looks at groups (the oldest job of the chosen group goes).
         */
        int[][] atcs(Problem pr, Integer[] fifoOrder) {
            int m = machineIds.length;
            Map<Long, List<Integer>> groupsByKey = new LinkedHashMap<>();
            for (int i : fifoOrder) {
                long key = ((long) pr.product[i] << 48) ^ Double.doubleToLongBits(pr.due[i]);
                groupsByKey.computeIfAbsent(key, x -> new ArrayList<>()).add(i);
            }
            List<List<Integer>> groups = new ArrayList<>(groupsByKey.values());
            int[] head = new int[groups.size()];
            double pbar = 0;
            double sbar = 0;
            int sc = 0;
            for (int i = 0; i < pr.n; i++) {
                pbar += process(pr, 0, i);
            }
            pbar = Math.max(1e-9, pbar / Math.max(1, pr.n));
            for (int k = 0; k < m; k++) {
                for (double[] row : setupMin[k]) {
                    for (double v : row) {
                        if (v > 0) {
                            sbar += v;
                            sc++;
                        }
                    }
                }
            }
            sbar = sc == 0 ? 1 : sbar / sc;
            double[] t = pr.avail.clone();
            int[] last = pr.last.clone();
            int[][] seq = new int[m][pr.n];
            int[] len = new int[m];
            for (int step = 0; step < pr.n; step++) {
                int k = 0;
                for (int q = 1; q < m; q++) {
                    if (t[q] < t[k]) {
                        k = q;
                    }
                }
                int bestG = -1;
                double bestI = -1;
                for (int g = 0; g < groups.size(); g++) {
                    if (head[g] >= groups.get(g).size()) {
                        continue;
                    }
                    int i = groups.get(g).get(head[g]);
                    double p = process(pr, k, i);
                    double s = setup(pr, k, last[k], pr.product[i]);
                    double slack = Double.isInfinite(pr.due[i]) ? 1e6 : Math.max(pr.due[i] - p - t[k], 0);
                    double idx = (1 / Math.max(p, 1e-9)) * Math.exp(-slack / (ATCS_K1 * pbar))
                            * Math.exp(-s / (ATCS_K2 * sbar));
                    // Ties (and underflow to 0 for far due dates) go to the group with the oldest part.
                    if (idx > bestI) {
                        bestI = idx;
                        bestG = g;
                    }
                }
                int i = groups.get(bestG).get(head[bestG]++);
                t[k] += setup(pr, k, last[k], pr.product[i]) + process(pr, k, i);
                last[k] = pr.product[i];
                seq[k][len[k]++] = i;
            }
            for (int q = 0; q < m; q++) {
                seq[q] = Arrays.copyOf(seq[q], len[q]);
            }
            return seq;
        }

        /** Arrival {@code i}: after the last planned sibling (same product and due), else at the best boundary. */
        int[][] insertArrival(Problem pr, int[][] seq, int i) {
            int bestK = -1;
            int bestPos = -1;
            for (int k = 0; k < seq.length; k++) {
                for (int q = 0; q < seq[k].length; q++) {
                    int j = seq[k][q];
                    if (pr.product[j] == pr.product[i] && pr.due[j] == pr.due[i]) {
                        bestK = k;
                        bestPos = q + 1;
                    }
                }
            }
            if (bestK >= 0) {
                return inserted(seq, bestK, bestPos, new int[] {i});
            }
            int[][] best = null;
            double bestCost = Double.POSITIVE_INFINITY;
            for (int k = 0; k < seq.length; k++) {
                for (int q = 0; q <= seq[k].length; q++) {
                    boolean boundary = q == 0 || q == seq[k].length
                            || pr.product[seq[k][q - 1]] != pr.product[seq[k][q]];
                    if (!boundary) {
                        continue;
                    }
                    int[][] cand = inserted(seq, k, q, new int[] {i});
                    double c = cost(pr, cand);
                    if (c < bestCost) {
                        bestCost = c;
                        best = cand;
                    }
                }
            }
            return best;
        }

        /** The free machine has no planned part: it takes the head of another machine's batch that costs least. */
        int[][] giveWork(Problem pr, int[][] seq, int free) {
            int[][] best = null;
            double bestCost = Double.POSITIVE_INFINITY;
            for (int k = 0; k < seq.length; k++) {
                for (int q = 0; q < seq[k].length; q++) {
                    if (q > 0 && pr.product[seq[k][q - 1]] == pr.product[seq[k][q]]) {
                        continue;
                    }
                    int[][] cand = moved(seq, k, q, 1, free, 0);
                    double c = cost(pr, cand);
                    if (c < bestCost) {
                        bestCost = c;
                        best = cand;
                    }
                }
            }
            return best;
        }

        /** First-improvement local search over batch moves, batch swaps and job moves; a budget of evaluations. */
        int[][] improve(Problem pr, int[][] seq, int evaluations, SplittableRandom rng) {
            double cur = cost(pr, seq);
            int m = seq.length;
            for (int e = 0; e < evaluations && pr.n > 1; e++) {
                int k = rng.nextInt(m);
                if (seq[k].length == 0) {
                    continue;
                }
                int q = rng.nextInt(seq[k].length);
                int start = q;
                while (start > 0 && pr.product[seq[k][start - 1]] == pr.product[seq[k][q]]) {
                    start--;
                }
                int end = q + 1;
                while (end < seq[k].length && pr.product[seq[k][end]] == pr.product[seq[k][q]]) {
                    end++;
                }
                int[][] cand;
                int kind = rng.nextInt(4);
                if (kind == 0 || kind == 1) {
                    // A whole batch (0) or its first or second half (1) to a random boundary of a machine.
                    int from = start;
                    int count = end - start;
                    if (kind == 1 && count >= 2) {
                        int half = count / 2;
                        if (rng.nextBoolean()) {
                            count = half;
                        } else {
                            from = start + half;
                            count -= half;
                        }
                    }
                    int k2 = rng.nextInt(m);
                    int[] rest = k2 == k ? removed(seq[k], from, count) : seq[k2];
                    int pos = randomBoundary(pr, rest, rng);
                    cand = moved(seq, k, from, count, k2, pos);
                } else if (kind == 2) {
                    // Swap this batch with the next one on the same machine.
                    if (end >= seq[k].length) {
                        continue;
                    }
                    int end2 = end + 1;
                    while (end2 < seq[k].length && pr.product[seq[k][end2]] == pr.product[seq[k][end]]) {
                        end2++;
                    }
                    int[] s = seq[k].clone();
                    int[] a = Arrays.copyOfRange(seq[k], start, end);
                    int[] b = Arrays.copyOfRange(seq[k], end, end2);
                    System.arraycopy(b, 0, s, start, b.length);
                    System.arraycopy(a, 0, s, start + b.length, a.length);
                    cand = seq.clone();
                    cand[k] = s;
                } else {
                    int k2 = rng.nextInt(m);
                    int len2 = k2 == k ? seq[k].length - 1 : seq[k2].length;
                    cand = moved(seq, k, q, 1, k2, rng.nextInt(len2 + 1));
                }
                double c = cost(pr, cand);
                if (c < cur - 1e-9) {
                    cur = c;
                    seq = cand;
                }
            }
            return seq;
        }

        int randomBoundary(Problem pr, int[] s, SplittableRandom rng) {
            int count = 1;
            for (int q = 1; q <= s.length; q++) {
                if (q == s.length || pr.product[s[q - 1]] != pr.product[s[q]]) {
                    count++;
                }
            }
            int pick = rng.nextInt(count);
            if (pick == 0) {
                return 0;
            }
            int c = 0;
            for (int q = 1; q <= s.length; q++) {
                if (q == s.length || pr.product[s[q - 1]] != pr.product[s[q]]) {
                    if (++c == pick) {
                        return q;
                    }
                }
            }
            return s.length;
        }

        PlanSnapshot snapshot(View view, Problem pr, int[][] seq, boolean recomputed) {
            List<PlannedOperation> ops = new ArrayList<>();
            long now = view.nowMillis();
            for (int k = 0; k < seq.length; k++) {
                double t = pr.avail[k];
                int prev = pr.last[k];
                for (int i : seq[k]) {
                    double start = t;
                    t += setup(pr, k, prev, pr.product[i]) + process(pr, k, i);
                    prev = pr.product[i];
                    Job j = view.waiting().get(i);
                    ops.add(new PlannedOperation(machineIds[k], j.partId(), j.product(),
                            now + Math.round(start * MS_PER_MIN), now + Math.round(t * MS_PER_MIN)));
                }
            }
            return new PlanSnapshot(now, view.station(), view.machine(), recomputed, ops);
        }
    }

    /** Removes {@code count} jobs at {@code from} of machine {@code k} and inserts them at {@code pos} of {@code k2}
     *  (a position in the sequence after removal). */
    static int[][] moved(int[][] seq, int k, int from, int count, int k2, int pos) {
        int[] block = Arrays.copyOfRange(seq[k], from, from + count);
        int[][] out = seq.clone();
        out[k] = removed(seq[k], from, count);
        int[] target = out[k2];
        int[] s = new int[target.length + count];
        System.arraycopy(target, 0, s, 0, pos);
        System.arraycopy(block, 0, s, pos, count);
        System.arraycopy(target, pos, s, pos + count, target.length - pos);
        out[k2] = s;
        return out;
    }

    static int[] removed(int[] s, int from, int count) {
        int[] r = new int[s.length - count];
        System.arraycopy(s, 0, r, 0, from);
        System.arraycopy(s, from + count, r, from, s.length - from - count);
        return r;
    }

    static int[][] inserted(int[][] seq, int k, int pos, int[] block) {
        int[][] out = seq.clone();
        int[] target = seq[k];
        int[] s = new int[target.length + block.length];
        System.arraycopy(target, 0, s, 0, pos);
        System.arraycopy(block, 0, s, pos, block.length);
        System.arraycopy(target, pos, s, pos + block.length, target.length - pos);
        out[k] = s;
        return out;
    }

    /** A seed from what the view shows: time, machine and the waiting parts. */
    static long seed(View view) {
        long h = 0x9E3779B97F4A7C15L ^ view.nowMillis();
        h = h * 31 + view.machine().hashCode();
        for (Job j : view.waiting()) {
            h = (h ^ j.partId()) * 0x100000001B3L;
        }
        return h;
    }

    /** One decision's jobs (index = position in the view) and machines; times in minutes from now. */
    private static final class Problem {
        final int n;
        final int[] product;
        final double[] due;
        final long[] enqueued;
        final double[] fallbackProcess;
        final double[] avail;
        final int[] last;

        Problem(int n, int m) {
            this.n = n;
            product = new int[n];
            due = new double[n];
            enqueued = new long[n];
            fallbackProcess = new double[n];
            avail = new double[m];
            last = new int[m];
        }
    }
}
