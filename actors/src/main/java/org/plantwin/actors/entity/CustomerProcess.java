package org.plantwin.actors.entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.kernel.LogicalProcess;
import org.plantwin.actors.kernel.RandomStreams;
import org.plantwin.actors.stats.Tally;
import org.plantwin.scenarios.model.Customer;
import org.plantwin.scenarios.model.Demand;

/**
 * The logical process of a customer: places orders with its warehouse (one order process per demand line, with
 * hour-of-day and day-of-week factors applied by thinning) and receives deliveries, measuring lead time and
 * on-time delivery against the quoted due date.
 */
public final class CustomerProcess extends LogicalProcess implements LiveView {

    private static final int NEXT_ORDER = 1;
    private static final int SERIES_ORDER = 2;
    private static final double MS_PER_HOUR = 3_600_000.0;

    private final PlantModel model;
    private final int customerIndex;
    private final Customer spec;
    private final long warmup;
    private final int warehouseLp;
    private final Stream[] streams;
    private final Map<Long, Integer> partlyDelivered = new HashMap<>();
    private final Tally leadHours = new Tally();
    private long seq;
    private long orders;
    private long units;
    private long completed;
    private long onTime;
    private long unitsDeliveredTotal;
    /** The plant reports this customer's orders (live twin): the demand model no longer places any. */
    private boolean observed;
    /** Completed orders, in delivery order, up to the run's operation trace limit (live twin forks ask for them). */
    private final List<RunResult.OrderOutcome> delivered = new ArrayList<>();
    /** Units ordered per period by product index, in the order the demand lines name the products (null: none). */
    private final Map<Integer, long[]> history;
    private final int periods;
    private final List<Integer> historyKeys = new java.util.ArrayList<>();

    private static final class Stream {
        final Demand demand;
        final int product;
        final ContinuousSampler interarrival;
        final DiscreteSampler quantity;
        final UniformRandomProvider thinning;
        final double peak;

        Stream(Demand demand, int product, ContinuousSampler interarrival, DiscreteSampler quantity,
               UniformRandomProvider thinning) {
            this.demand = demand;
            this.product = product;
            this.interarrival = interarrival;
            this.quantity = quantity;
            this.thinning = thinning;
            this.peak = max(demand.hourly()) * max(demand.weekly()) * demand.scale();
        }

        static double max(List<Double> factors) {
            return factors == null ? 1.0 : factors.stream().mapToDouble(Double::doubleValue).max().orElse(1.0);
        }

        double factor(long t) {
            double f = 1.0;
            if (demand.hourly() != null) {
                f *= demand.hourly().get((int) ((t / 3_600_000L) % 24));
            }
            if (demand.weekly() != null) {
                f *= demand.weekly().get((int) ((t / 86_400_000L) % 7));
            }
            return f;
        }
    }

    public CustomerProcess(PlantModel model, int customerIndex, RandomStreams rs) {
        super(model.customerLp(customerIndex), model.customers.get(customerIndex).id());
        this.model = model;
        this.customerIndex = customerIndex;
        this.spec = model.customers.get(customerIndex);
        this.warmup = model.warmupMillis;
        this.warehouseLp = model.warehouseLp(model.warehouseIndex(spec.warehouse()));
        if (model.historyMillis > 0) {
            for (Demand d : spec.demand()) {
                historyKeys.add(model.productIndex(d.product()));
            }
        }
        this.periods = model.historyMillis > 0 ? (int) ((model.horizonMillis + model.historyMillis - 1) / model.historyMillis) : 0;
        this.history = model.historyMillis > 0 ? new java.util.LinkedHashMap<>() : null;
        streams = new Stream[spec.demand().size()];
        for (int i = 0; i < streams.length; i++) {
            Demand d = spec.demand().get(i);
            String prefix = spec.id() + "/demand/" + i;
            streams[i] = new Stream(d, model.productIndex(d.product()),
                    d.interarrival() == null ? null : d.interarrival().sampler(rs.stream(prefix + "/arrivals")),
                    d.quantity().sampler(rs.stream(prefix + "/quantity")), rs.stream(prefix + "/thinning"));
        }
    }

    @Override
    public void init() {
        for (int i = 0; i < streams.length; i++) {
            if (streams[i].demand.series() != null) {
                scheduleAt(0, SERIES_ORDER, (long) i << 32, null);
            } else {
                scheduleCandidate(i);
            }
        }
    }

    /** Period k of a demand series: one order for its units (if any) at the start of the period. */
    private void onSeriesOrder(int i, int k) {
        Stream s = streams[i];
        var series = s.demand.series();
        long units = Math.round(series.values().get(k) * s.demand.scale());
        if (units > 0) {
            placeOrder(s, (int) units);
        }
        if (k + 1 < series.values().size()) {
            scheduleAt((k + 1) * series.period().toMillis(), SERIES_ORDER, ((long) i << 32) | (k + 1), null);
        }
    }

    private void placeOrder(Stream s, int q) {
        long id = ((long) customerIndex << 40) | seq++;
        if (history != null) {
            int period = (int) (now() / model.historyMillis);
            long[] units = history.computeIfAbsent(s.product, p -> new long[periods]);
            if (period < units.length) {
                units[period] += q;
            }
        }
        if (now() >= warmup) {
            orders++;
            units += q;
        }
        send(warehouseLp, 0, new SupplyMessages.CustomerOrder(id, customerIndex, s.product, q, now(),
                now() + spec.quotedLeadTime().toMillis()));
    }

    /** The base process runs at the peak rate (inter-arrival times divided by the peak factor). */
    private void scheduleCandidate(int i) {
        Stream s = streams[i];
        scheduleIn(Math.round(s.interarrival.sample() / s.peak), NEXT_ORDER, i, null);
    }

    @Override
    protected void onEvent(int code, long datum, Object ref) {
        if (observed) {
            return;
        }
        if (code == SERIES_ORDER) {
            onSeriesOrder((int) (datum >>> 32), (int) datum);
            return;
        }
        int i = (int) datum;
        Stream s = streams[i];
        boolean modulated = s.demand.hourly() != null || s.demand.weekly() != null;
        if (!modulated || s.thinning.nextDouble() * s.peak < s.factor(now()) * s.demand.scale()) {
            placeOrder(s, s.quantity.sample());
        }
        scheduleCandidate(i);
    }

    @Override
    protected void onMessage(Object payload) {
        if (payload instanceof LiveMessages.OrderReport r) {
            observed = true;
            if (now() >= warmup) {
                orders++;
                units += r.quantity();
            }
            send(warehouseLp, 0, new SupplyMessages.CustomerOrder(r.orderId(), customerIndex, r.product(),
                    r.quantity(), now(), r.dueMillis()));
            return;
        }
        SupplyMessages.Delivery d = (SupplyMessages.Delivery) payload;
        unitsDeliveredTotal += d.quantity();
        int got = partlyDelivered.getOrDefault(d.orderId(), 0) + d.quantity();
        if (got < d.orderQuantity()) {
            partlyDelivered.put(d.orderId(), got);
            return;
        }
        partlyDelivered.remove(d.orderId());
        if (delivered.size() < model.operationTraceLimit) {
            delivered.add(new RunResult.OrderOutcome(spec.id(), d.orderId(), model.productIds.get(d.product()),
                    d.orderQuantity(), d.placedMillis(), d.dueMillis(), now()));
        }
        if (d.placedMillis() >= warmup) {
            completed++;
            leadHours.add((now() - d.placedMillis()) / MS_PER_HOUR);
            if (now() <= d.dueMillis()) {
                onTime++;
            }
        }
    }

    @Override
    public void describe(java.util.function.BiConsumer<String, Map<String, Object>> out) {
        Map<String, Object> v = new java.util.LinkedHashMap<>();
        v.put("kind", "customer");
        v.put("warehouse", spec.warehouse());
        v.put("ordersPlaced", orders);
        v.put("ordersCompleted", completed);
        v.put("onTime", onTime);
        v.put("partlyDelivered", partlyDelivered.size());
        v.put("followsTelemetry", observed);
        out.accept(spec.id(), v);
    }

    /** Orders completed so far (only while the run's trace limit allows), in delivery order. */
    public List<RunResult.OrderOutcome> delivered() {
        return List.copyOf(delivered);
    }

    /** Statistics of a customer; lead times travel so that the plant-wide figures pool every customer. */
    public record Report(int customerIndex, RunResult.CustomerKpis kpis, double[] leadHours, long onTime,
                         List<RunResult.DemandHistory> demandHistory) {
    }

    /** Units per period per product this customer orders, in demand-line order (empty without a history). */
    private List<RunResult.DemandHistory> demandHistory() {
        if (history == null) {
            return List.of();
        }
        List<RunResult.DemandHistory> out = new java.util.ArrayList<>();
        for (int product : new java.util.LinkedHashSet<>(historyKeys)) {
            long[] units = history.getOrDefault(product, new long[periods]);
            out.add(new RunResult.DemandHistory(spec.id(), model.productIds.get(product),
                    java.util.Arrays.stream(units).boxed().toList()));
        }
        return List.copyOf(out);
    }

    @Override
    protected Object report(long end) {
        return new Report(customerIndex, new RunResult.CustomerKpis(spec.id(), orders, units, completed,
                completed == 0 ? 0 : (double) onTime / completed, leadHours.mean(), leadHours.quantile(0.95),
                unitsDeliveredTotal), leadHours.values(), onTime, demandHistory());
    }
}
