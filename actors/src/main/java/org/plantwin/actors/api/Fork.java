package org.plantwin.actors.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.plantwin.actors.entity.CustomerProcess;
import org.plantwin.actors.entity.LiveView;
import org.plantwin.actors.entity.PlantAssembly;
import org.plantwin.actors.kernel.LogicalProcess;
import org.plantwin.actors.kernel.RandomStreams;
import org.plantwin.actors.kernel.SyncKernel;
import org.plantwin.scenarios.model.TimeSpan;

/**
 * A what-if started from a live twin's "now": each replication rebuilds the twin's exact state (WIP in buffers,
 * parts half processed, repairs under way, stock, trucks on the road, open orders, even the random streams'
 * positions) by replaying its journal into a fresh run, then applies the what-if disturbances and runs on for the
 * horizon. Replication 0 continues the twin's own random future; replication {@code k > 0} draws its own from
 * {@code (seed, k)}. Statistics cover the forked horizon only (warm-up = the fork time). The live twin is not
 * touched: forks work on {@link LiveTwin.Base}, an immutable copy.
 *
 * @param horizonMillis how far past now to look
 * @param replications  how many futures (1 or more)
 * @param seed          seed of the futures of replications {@code >= 1} (and of replication 0 when set); null: the twin's
 * @param whatIf        disturbances, each {@code afterMillis} past now (e.g. a machine down now and up 6 h later)
 */
public record Fork(long horizonMillis, int replications, Long seed, List<Disturbance> whatIf) {

    /** Telemetry the what-if pretends the plant will report {@code afterMillis} after the fork time. */
    public record Disturbance(long afterMillis, Telemetry body) {
        public Disturbance {
            if (afterMillis < 0) {
                throw new TelemetryException("after", afterMillis, "A what-if disturbance must be at or after now"
                        + " (after >= 0).");
            }
            Objects.requireNonNull(body, "body");
        }
    }

    /** The outcome of a fork: one run result per replication and what becomes of each order. */
    public record Result(long fromMillis, long toMillis, List<RunResult> replications, List<OrderRisk> orders) {
    }

    /**
     * An order open at the fork time or placed within the horizon (those existing at the fork time are the same
     * order in every replication): in how many replications it is delivered late or not by the horizon although due
     * within it.
     */
    public record OrderRisk(String customer, long order, String product, int quantity, long placedMillis,
                            long dueMillis, int replicationsSeen, int late, int notDelivered,
                            Double meanDeliveredMillis) {

        public double lateShare() {
            return replicationsSeen == 0 ? 0 : (double) late / replicationsSeen;
        }
    }

    public Fork {
        if (horizonMillis <= 0) {
            throw new TelemetryException("horizon", horizonMillis, "The fork horizon must be > 0.");
        }
        if (replications < 1) {
            throw new TelemetryException("replications", replications, "A fork needs at least 1 replication.");
        }
        whatIf = whatIf == null ? List.of() : List.copyOf(whatIf);
    }

    /** Runs the fork's replications (in parallel, each in its own thread; results in replication order). */
    public Result run(LiveTwin.Base base) {
        long from = base.nowMillis();
        long to = from + horizonMillis;
        // Validate the what-if against the scenario before any work: a throw-away twin checks each message.
        LiveTwin probe = LiveTwin.start(base.scenario(), base.seed());
        for (Disturbance d : whatIf) {
            probe.validateOnly(d.body());
        }
        RunOutcome[] outcomes = new RunOutcome[replications];
        IntStream.range(0, replications).parallel().forEach(k -> outcomes[k] = runOne(base, k, to));
        List<RunResult> results = new ArrayList<>();
        Map<Long, OrderAcc> orders = new LinkedHashMap<>();
        for (RunOutcome o : outcomes) {
            results.add(o.result());
            for (RunResult.OrderOutcome d : o.delivered()) {
                boolean sameInEveryReplication = d.placedMillis() < from
                        || (d.order() & LiveTwin.TELEMETRY_ORDERS) == LiveTwin.TELEMETRY_ORDERS;
                if (d.deliveredMillis() >= from && sameInEveryReplication) {
                    orders.computeIfAbsent(d.order(), id -> new OrderAcc(d.customer(), d.order(), d.product(),
                            d.quantity(), d.placedMillis(), d.dueMillis())).delivered(d.deliveredMillis(), to);
                }
            }
            for (OrderAcc open : o.open()) {
                if (open.placed >= from && (open.order & LiveTwin.TELEMETRY_ORDERS) != LiveTwin.TELEMETRY_ORDERS) {
                    continue;
                }
                orders.computeIfAbsent(open.order, id -> new OrderAcc(open.customer, open.order, open.product,
                        open.quantity, open.placed, open.due)).notDelivered(to);
            }
        }
        List<OrderRisk> risks = new ArrayList<>();
        orders.values().stream()
                .sorted(java.util.Comparator.comparingLong((OrderAcc a) -> a.due).thenComparingLong(a -> a.order))
                .forEach(a -> risks.add(a.risk()));
        return new Result(from, to, List.copyOf(results), List.copyOf(risks));
    }

    private record RunOutcome(RunResult result, List<RunResult.OrderOutcome> delivered, List<OrderAcc> open) {
    }

    private RunOutcome runOne(LiveTwin.Base base, int k, long to) {
        long from = base.nowMillis();
        PlantAssembly assembly = new PlantAssembly(base.scenario().withWarmup(TimeSpan.ofMillis(from)),
                RunOptions.defaults().withSeed(base.seed()).withHorizonMillis(to).withOperationTrace(1_000_000));
        RandomStreams rs = assembly.streams(true);
        SyncKernel kernel = new SyncKernel(assembly.kernelSetup(RunOptions.DEFAULT_MAX_EVENTS, rs));
        for (LiveTwin.Applied a : base.journal()) {
            kernel.advanceTo(a.appliedMillis());
            LiveTwin.feed(kernel, assembly.model(), a);
        }
        kernel.advanceTo(from);
        if (k > 0 || seed != null) {
            rs.reseed(RandomStreams.replicationSeed(seed != null ? seed : base.seed(), k));
        }
        long seq = Long.MAX_VALUE / 2;
        for (Disturbance d : whatIf) {
            LiveTwin.feed(kernel, assembly.model(), new LiveTwin.Applied(seq++, null, from + d.afterMillis(),
                    from + d.afterMillis(), d.body()));
        }
        if (kernel.run() != null) {
            throw new IllegalStateException("A fork stopped at an agent decision; live twins take no agent policies.");
        }
        // Orders still open at the horizon: in the warehouses' backlogs.
        List<OrderAcc> open = new ArrayList<>();
        List<RunResult.OrderOutcome> delivered = new ArrayList<>();
        for (LogicalProcess lp : kernel.processes()) {
            if (lp instanceof CustomerProcess c) {
                delivered.addAll(c.delivered());
            }
            if (lp instanceof LiveView v) {
                v.describe((entity, state) -> {
                    if ("stock".equals(state.get("kind"))) {
                        for (Object o : (List<?>) state.get("openOrders")) {
                            Map<?, ?> m = (Map<?, ?>) o;
                            open.add(new OrderAcc((String) m.get("customer"), (Long) m.get("order"),
                                    (String) state.get("product"), (Integer) m.get("quantity"),
                                    (Long) m.get("placedMillis"), (Long) m.get("dueMillis")));
                        }
                    }
                });
            }
        }
        return new RunOutcome(assembly.result(kernel.finish()), delivered, open);
    }

    private static final class OrderAcc {
        final String customer;
        final long order;
        final String product;
        final int quantity;
        final long placed;
        final long due;
        int seen;
        int late;
        int notDelivered;
        double deliveredSum;
        int deliveredN;

        OrderAcc(String customer, long order, String product, int quantity, long placed, long due) {
            this.customer = customer;
            this.order = order;
            this.product = product;
            this.quantity = quantity;
            this.placed = placed;
            this.due = due;
        }

        void delivered(long at, long horizon) {
            seen++;
            deliveredSum += at;
            deliveredN++;
            if (at > due) {
                late++;
            }
        }

        void notDelivered(long horizon) {
            seen++;
            notDelivered++;
            if (due < horizon) {
                late++;
            }
        }

        OrderRisk risk() {
            return new OrderRisk(customer, order, product, quantity, placed, due, seen, late, notDelivered,
                    deliveredN == 0 ? null : deliveredSum / deliveredN);
        }
    }
}
