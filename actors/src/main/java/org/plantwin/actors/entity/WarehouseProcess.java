package org.plantwin.actors.entity;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plantwin.actors.api.DispatchPolicy;
import org.plantwin.actors.api.ReplenishmentPolicy;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.kernel.LogicalProcess;
import org.plantwin.actors.kernel.RandomStreams;
import org.plantwin.actors.stats.TimeWeighted;
import org.plantwin.scenarios.model.Fleet;
import org.plantwin.scenarios.model.InventoryPolicy;
import org.plantwin.scenarios.model.StockItem;
import org.plantwin.scenarios.model.Warehouse;

/**
 * The logical process of a warehouse and the truck fleets based at it. It keeps stock per product, serves customer
 * orders first-come first-served (whole orders; an order that cannot be served waits as a backorder and blocks the
 * ones behind it), replenishes by its policy (production orders to the product's first resource, or purchase
 * orders to a supplier), and sends trucks. Trucks are in this LP because loading depends on stock at zero delay;
 * a trip's deliveries are known when it leaves, so they go to customers as messages with the trip's travel time:
 * that delay is the lookahead that lets customers and the warehouse run in wide windows.
 */
public final class WarehouseProcess extends LogicalProcess implements LiveView {

    private static final int PUT_AWAY = 1;
    private static final int TRUCK_BACK = 2;
    private static final int DISPATCH_CHECK = 3;
    private static final int REVIEW = 4;
    private static final int DISPATCH_DECIDE = 5;
    private static final long DAY = 86_400_000L;
    private static final double MS_PER_HOUR = 3_600_000.0;

    private final PlantModel model;
    private final int warehouseIndex;
    private final Warehouse spec;
    private final long warmup;
    private final long horizon;
    private final Item[] items;
    private final Map<Integer, Item> itemByProduct = new HashMap<>();
    private final FleetRt[] fleets;
    /** Travel-time factors of deliveries without a fleet; null when the warehouse has fleets. */
    private final TravelFactors directTravel;
    private final org.plantwin.actors.stats.Tally madeCycleMinutes = new org.plantwin.actors.stats.Tally();
    private final org.plantwin.actors.stats.BatchSeries madeBatches;
    private long nextOrderId;
    private final List<RunResult.Trip> trips = new ArrayList<>();
    private long nextShipmentId;

    /** An open customer order waiting for stock. */
    private record Open(SupplyMessages.CustomerOrder order) {
    }

    private final class Item {
        final int index;
        final StockItem spec;
        final int product;
        final boolean production;
        final int supplierLp;
        long onHand;
        long onOrder;
        long backlogUnits;
        final ArrayDeque<Open> backlog = new ArrayDeque<>();
        /** A plugged-in policy that replaces the scenario's; null for the scenario's own. */
        ReplenishmentPolicy external;
        double[] history = new double[64];
        int periods;
        double currentPeriodUnits;
        long demandedUnitsTotal;
        final TimeWeighted onHandTw;
        final org.plantwin.actors.stats.BatchSeries onHandBatches;
        final TimeWeighted backorderTw;
        long orders;
        long units;
        long filledOrders;
        long filledUnits;
        long stockouts;
        long replenishments;
        long received;
        long shipped;

        Item(int index, StockItem spec) {
            this.index = index;
            this.spec = spec;
            this.product = model.productIndex(spec.product());
            this.production = StockItem.PRODUCTION.equals(spec.replenishFrom());
            this.supplierLp = production ? -1 : model.supplierLp(model.supplierIndex(spec.replenishFrom()));
            this.onHand = spec.initial();
            this.onHandTw = new TimeWeighted(warmup);
            this.onHandBatches = model.batchMillis > 0 ? new org.plantwin.actors.stats.BatchSeries(model.batchMillis)
                    : null;
            if (onHandBatches != null) {
                onHandTw.withBatches(onHandBatches);
            }
            this.onHandTw.set(0, onHand);
            this.backorderTw = new TimeWeighted(warmup);
        }

        long position() {
            return onHand + onOrder - backlogUnits;
        }
    }

    private final class FleetRt {
        final int index;
        final Fleet spec;
        final DispatchPolicy policy;
        final double speed;
        /** This fleet's travel-time factors, one per leg in driving order. */
        final TravelFactors travel;
        int free;
        final List<DispatchPolicy.Shipment> waiting = new ArrayList<>();
        final Map<Long, SupplyMessages.CustomerOrder> orderOf = new HashMap<>();
        long checkScheduledAt = -1;
        boolean decideScheduled;
        /** When each truck now on a trip is due back. */
        final List<Long> backAt = new ArrayList<>();
        long trips;
        double km;
        double drivingMillis;
        double loadingMillis;
        double unloadingMillis;
        double cost;

        FleetRt(int index, Fleet spec, DispatchPolicy custom, TravelFactors travel) {
            this.index = index;
            this.spec = spec;
            this.travel = travel;
            this.policy = custom != null ? custom : BuiltInDispatch.of(spec.dispatch(), spec.maxWait().toMillis());
            this.speed = spec.speedKmPerHour() != null ? spec.speedKmPerHour() : model.scenario.travel().speedKmPerHour();
            this.free = spec.trucks();
        }
    }

    public WarehouseProcess(PlantModel model, int warehouseIndex, RandomStreams rs,
                            Map<String, DispatchPolicy> dispatchPolicies,
                            Map<String, ReplenishmentPolicy> replenishmentPolicies) {
        super(model.warehouseLp(warehouseIndex), model.warehouses.get(warehouseIndex).id());
        this.model = model;
        this.warehouseIndex = warehouseIndex;
        this.spec = model.warehouses.get(warehouseIndex);
        this.warmup = model.warmupMillis;
        this.horizon = model.horizonMillis;
        this.madeBatches = model.batchMillis > 0 ? new org.plantwin.actors.stats.BatchSeries(model.batchMillis) : null;
        items = new Item[spec.stock().size()];
        for (int i = 0; i < items.length; i++) {
            items[i] = new Item(i, spec.stock().get(i));
            itemByProduct.put(items[i].product, items[i]);
            items[i].external = replenishmentPolicies.get(spec.id() + "/" + items[i].spec.product());
        }
        List<FleetRt> fs = new ArrayList<>();
        double cv = model.scenario.travel().noiseCv();
        boolean record = model.historyMillis > 0;
        for (Fleet f : model.scenario.fleets()) {
            if (f.depot().equals(spec.id())) {
                // The first fleet keeps the warehouse's stream (the one all its legs drew from before fleets had
                // streams of their own), so runs without traces give the same numbers as before.
                String stream = spec.id() + "/travel" + (fs.isEmpty() ? "" : "/" + f.id());
                fs.add(new FleetRt(fs.size(), f, dispatchPolicies.get(f.id()),
                        new TravelFactors(f.travelTrace(), cv, rs.stream(stream), record)));
            }
        }
        fleets = fs.toArray(new FleetRt[0]);
        directTravel = fleets.length == 0 ? new TravelFactors(List.of(), cv, rs.stream(spec.id() + "/travel"), false)
                : null;
    }

    @Override
    public void init() {
        for (Item item : items) {
            if (item.external != null) {
                long period = item.external.reviewPeriodMillis();
                if (period <= 0) {
                    throw new IllegalArgumentException("The review period (" + period + ") of the replenishment"
                            + " policy of " + item.spec.product() + " in " + name() + " must be > 0.");
                }
                scheduleIn(period, REVIEW, item.index, null);
            } else {
                checkPolicy(item);
            }
        }
    }

    /** A periodic review by a plugged-in policy: close the demand period, ask, order. */
    private void onReview(Item item) {
        if (item.periods == item.history.length) {
            item.history = java.util.Arrays.copyOf(item.history, item.periods * 2);
        }
        item.history[item.periods++] = item.currentPeriodUnits;
        item.currentPeriodUnits = 0;
        ReplenishmentPolicy.View view = new ReplenishmentPolicy.View(now(), spec.id(), item.spec.product(),
                item.onHand, item.onOrder, item.backlogUnits, java.util.Arrays.copyOf(item.history, item.periods));
        if (item.external instanceof ReplenishmentPolicy.AgentReplenishment) {
            suspend(new PendingReview(item, new org.plantwin.actors.api.DecisionPoint.Replenishment(view)));
            return;
        }
        long q = item.external.order(view);
        if (q < 0) {
            throw new IllegalStateException("The replenishment policy of " + item.spec.product() + " in " + name()
                    + " ordered (" + q + ") units; it must be >= 0.");
        }
        order(item, q);
    }

    // ---- messages -------------------------------------------------------------------------------------------

    @Override
    protected void onMessage(Object payload) {
        if (payload instanceof LiveMessages.InventorySet s) {
            onInventoryReport(item(s.product()), s.level());
            return;
        }
        if (payload instanceof SupplyMessages.CustomerOrder o) {
            onCustomerOrder(o);
        } else if (payload instanceof SupplyMessages.Receipt r) {
            receive(item(r.item()), r.quantity());
        } else if (payload instanceof PartTransfer p) {
            // A finished part made to stock: its cycle time (release to arrival here) counts for the plant.
            if (now() >= warmup) {
                madeCycleMinutes.add((now() - p.createdMillis()) / 60_000.0);
            }
            if (madeBatches != null) {
                madeBatches.observe(now(), (now() - p.createdMillis()) / 60_000.0);
            }
            receive(item(p.product()), 1);
        } else {
            throw new IllegalStateException("The warehouse (" + name() + ") got an unknown message (" + payload + ").");
        }
    }

    private Item item(int product) {
        Item i = itemByProduct.get(product);
        if (i == null) {
            throw new IllegalStateException("The warehouse (" + name() + ") does not stock product ("
                    + model.productIds.get(product) + ").");
        }
        return i;
    }

    private void onCustomerOrder(SupplyMessages.CustomerOrder o) {
        Item item = item(o.product());
        boolean counted = o.placedMillis() >= warmup;
        item.currentPeriodUnits += o.quantity();
        item.demandedUnitsTotal += o.quantity();
        if (counted) {
            item.orders++;
            item.units += o.quantity();
        }
        if (item.spec.policy().type() == InventoryPolicy.PolicyType.MAKE_TO_ORDER) {
            replenish(item, o.quantity());
        }
        if (item.backlog.isEmpty() && item.onHand >= o.quantity()) {
            setOnHand(item, item.onHand - o.quantity());
            if (counted) {
                item.filledOrders++;
                item.filledUnits += o.quantity();
            }
            ship(item, o);
        } else {
            if (counted && item.spec.policy().type() != InventoryPolicy.PolicyType.MAKE_TO_ORDER) {
                item.stockouts++;
            }
            item.backlog.add(new Open(o));
            setBacklog(item, item.backlogUnits + o.quantity());
        }
        checkPolicy(item);
    }

    private void receive(Item item, int quantity) {
        long handling = spec.handlingIn().toMillis();
        if (handling > 0) {
            scheduleIn(handling, PUT_AWAY, ((long) item.index << 32) | quantity, null);
        } else {
            putAway(item, quantity);
        }
    }

    private void putAway(Item item, int quantity) {
        item.onOrder -= quantity;
        item.received += quantity;
        setOnHand(item, item.onHand + quantity);
        while (!item.backlog.isEmpty() && item.onHand >= item.backlog.peek().order().quantity()) {
            SupplyMessages.CustomerOrder o = item.backlog.poll().order();
            setOnHand(item, item.onHand - o.quantity());
            setBacklog(item, item.backlogUnits - o.quantity());
            ship(item, o);
        }
    }

    /**
     * The plant reports {@code level} units on hand: take it as the truth (it is what stays on the shelf after the
     * plant's own shipping, so waiting orders are not served from it until the next receipt) and re-check the
     * replenishment policy against it.
     */
    private void onInventoryReport(Item item, long level) {
        setOnHand(item, level);
        checkPolicy(item);
    }

    @Override
    public void describe(java.util.function.BiConsumer<String, Map<String, Object>> out) {
        for (Item item : items) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("kind", "stock");
            v.put("warehouse", spec.id());
            v.put("product", item.spec.product());
            v.put("onHand", item.onHand);
            v.put("onOrder", item.onOrder);
            v.put("backorderedUnits", item.backlogUnits);
            List<Map<String, Object>> open = new ArrayList<>();
            for (Open o : item.backlog) {
                Map<String, Object> ov = new LinkedHashMap<>();
                ov.put("order", o.order().orderId());
                ov.put("customer", model.customers.get(o.order().customer()).id());
                ov.put("quantity", o.order().quantity());
                ov.put("placedMillis", o.order().placedMillis());
                ov.put("dueMillis", o.order().dueMillis());
                open.add(ov);
            }
            v.put("openOrders", open);
            out.accept(spec.id() + "/" + item.spec.product(), v);
        }
        for (FleetRt f : fleets) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("kind", "fleet");
            v.put("depot", spec.id());
            v.put("trucks", f.spec.trucks());
            v.put("atDepot", f.free);
            v.put("backAtMillis", new ArrayList<>(f.backAt));
            v.put("shipmentsWaiting", f.waiting.size());
            out.accept(f.spec.id(), v);
        }
    }

    private void setOnHand(Item item, long level) {
        item.onHand = level;
        item.onHandTw.set(now(), level);
    }

    private void setBacklog(Item item, long units) {
        item.backlogUnits = units;
        item.backorderTw.set(now(), units);
    }

    // ---- replenishment ----------------------------------------------------------------------------------------

    private void checkPolicy(Item item) {
        if (item.external != null) {
            return;
        }
        InventoryPolicy p = item.spec.policy();
        long ip = item.position();
        long quantity = switch (p.type()) {
            case S_S -> ip <= p.reorderPoint() ? p.orderUpTo() - ip : 0;
            case S_Q -> ip <= p.reorderPoint()
                    ? (long) p.orderQuantity() * ((p.reorderPoint() - ip) / p.orderQuantity() + 1) : 0;
            case BASE_STOCK -> ip < p.level() ? p.level() - ip : 0;
            case MAKE_TO_ORDER -> 0;
        };
        if (item.spec.capacity() != null) {
            quantity = Math.min(quantity, item.spec.capacity() - (item.onHand + item.onOrder));
        }
        quantity = capToCapacity(quantity);
        if (quantity > 0) {
            replenish(item, quantity);
        }
    }

    /**
     * The due date of a production order: when the stock not yet promised runs out at the average demand rate so
     * far (now, when customers already wait); -1 before any demand. Planners sequence lines by it.
     */
    private long productionDue(Item item) {
        if (item.backlogUnits > 0) {
            return now();
        }
        if (item.demandedUnitsTotal == 0 || now() == 0) {
            return -1;
        }
        double ratePerMillis = item.demandedUnitsTotal / (double) now();
        return now() + (long) (item.onHand / ratePerMillis);
    }

    /** Caps a replenishment so that stock on hand and on order stays within the warehouse's capacity. */
    private long capToCapacity(long quantity) {
        if (spec.capacity() == null || quantity <= 0) {
            return quantity;
        }
        long held = 0;
        for (Item i : items) {
            held += i.onHand + i.onOrder;
        }
        return Math.min(quantity, spec.capacity() - held);
    }

    private void replenish(Item item, long quantity) {
        if (quantity > Integer.MAX_VALUE) {
            throw new IllegalStateException("The replenishment (" + quantity + ") of " + item.spec.product()
                    + " in " + name() + " is too large.");
        }
        item.onOrder += quantity;
        if (now() >= warmup) {
            item.replenishments++;
        }
        long id = ((long) warehouseIndex << 40) | nextOrderId++;
        if (item.production) {
            send(model.routing[item.product][0], 0,
                    new SupplyMessages.ProductionOrder(id, item.product, (int) quantity, productionDue(item)));
        } else {
            send(item.supplierLp, 0, new SupplyMessages.PurchaseOrder(id, index(), item.product, (int) quantity));
        }
    }

    // ---- shipping -----------------------------------------------------------------------------------------------

    private void ship(Item item, SupplyMessages.CustomerOrder o) {
        item.shipped += o.quantity();
        String site = model.customers.get(o.customer()).site();
        if (fleets.length == 0) {
            double km = model.distanceKm(spec.site(), site);
            long delay = Math.round(km / model.scenario.travel().speedKmPerHour() * MS_PER_HOUR * directTravel.next());
            send(model.customerLp(o.customer()), delay, new SupplyMessages.Delivery(o.orderId(), o.product(),
                    o.quantity(), o.quantity(), o.placedMillis(), o.dueMillis()));
            return;
        }
        // The first fleet takes the order; split into truck-sized shipments.
        FleetRt f = fleets[0];
        double[] xy = model.sites.get(site);
        double unitVolume = model.scenario.products().get(o.product()).volume();
        int perTruck = f.spec.capacity();
        if (f.spec.volumeCapacity() != null) {
            perTruck = (int) Math.max(1, Math.min(perTruck, Math.floor(f.spec.volumeCapacity() / unitVolume + 1e-9)));
        }
        int left = o.quantity();
        while (left > 0) {
            int units = Math.min(left, perTruck);
            left -= units;
            long id = nextShipmentId++;
            f.waiting.add(new DispatchPolicy.Shipment(id, model.customers.get(o.customer()).id(), xy[0], xy[1], units,
                    now(), o.dueMillis(), units * unitVolume));
            f.orderOf.put(id, o);
        }
        tryDispatch(f);
    }

    private void tryDispatch(FleetRt f) {
        while (f.free > 0 && !f.waiting.isEmpty()) {
            long nextShiftStart = nextShiftStart(f.spec.shift());
            if (nextShiftStart > now()) {
                scheduleCheck(f, nextShiftStart);
                return;
            }
            if (f.policy == DispatchPolicy.AGENT) {
                // The agent decides after everything else due now, so it sees every shipment released now.
                if (!f.decideScheduled) {
                    f.decideScheduled = true;
                    scheduleAtPriority(now(), 2, DISPATCH_DECIDE, f.index, null);
                }
                return;
            }
            DispatchPolicy.Decision d = f.policy.decide(dispatchView(f));
            if (d.shipmentIds().isEmpty()) {
                if (d.recheckAtMillis() > now()) {
                    scheduleCheck(f, d.recheckAtMillis());
                }
                return;
            }
            startTrip(f, d.shipmentIds());
        }
    }

    private DispatchPolicy.View dispatchView(FleetRt f) {
        double[] depot = model.sites.get(spec.site());
        return new DispatchPolicy.View(now(), f.spec.id(), depot[0], depot[1], f.spec.capacity(), f.free,
                f.spec.trucks(), f.speed, f.spec.loadTime().toMillis(), f.spec.unloadTime().toMillis(), f.waiting,
                f.spec.volumeCapacity() == null ? Double.POSITIVE_INFINITY : f.spec.volumeCapacity(),
                f.spec.shift() == null ? -1 : f.spec.shift().start().toMillis(),
                f.spec.shift() == null ? -1 : f.spec.shift().end().toMillis(), model.scenario.travel().noiseCv(),
                f.backAt.stream().sorted().toList());
    }

    /** What the agent is asked: a fleet's next trip, or a product's order at a review. */
    private record PendingDispatch(FleetRt fleet, org.plantwin.actors.api.DecisionPoint.Dispatch point)
            implements AgentRequest {
    }

    private record PendingReview(Item item, org.plantwin.actors.api.DecisionPoint.Replenishment point)
            implements AgentRequest {
    }

    private void onDispatchDecide(FleetRt f) {
        f.decideScheduled = false;
        if (f.free > 0 && !f.waiting.isEmpty() && nextShiftStart(f.spec.shift()) <= now()) {
            suspend(new PendingDispatch(f, new org.plantwin.actors.api.DecisionPoint.Dispatch(dispatchView(f))));
        }
    }

    @Override
    protected void onDecision(Object request, Object action) {
        if (request instanceof PendingDispatch p) {
            if (!(action instanceof DispatchPolicy.Decision d)) {
                throw new IllegalArgumentException("The action (" + action + ") for fleet " + p.fleet().spec.id()
                        + " must be a DispatchPolicy.Decision.");
            }
            if (d.shipmentIds().isEmpty()) {
                if (d.recheckAtMillis() > now()) {
                    scheduleCheck(p.fleet(), d.recheckAtMillis());
                }
                return;
            }
            startTrip(p.fleet(), d.shipmentIds());
            tryDispatch(p.fleet());
            return;
        }
        PendingReview r = (PendingReview) request;
        long q = action instanceof Number n ? n.longValue() : -1;
        if (q < 0) {
            throw new IllegalArgumentException("The action (" + action + ") for " + r.item().spec.product() + " in "
                    + name() + " must be a number of units >= 0.");
        }
        order(r.item(), q);
    }

    private void order(Item item, long quantity) {
        long q = capToCapacity(quantity);
        if (q > 0) {
            replenish(item, q);
        }
        scheduleIn(item.external.reviewPeriodMillis(), REVIEW, item.index, null);
    }

    private long nextShiftStart(Fleet.Shift shift) {
        if (shift == null) {
            return now();
        }
        long tod = now() % DAY;
        long start = shift.start().toMillis();
        long end = shift.end().toMillis();
        if (tod >= start && tod < end) {
            return now();
        }
        return tod < start ? now() - tod + start : now() - tod + DAY + start;
    }

    private void scheduleCheck(FleetRt f, long at) {
        if (f.checkScheduledAt >= now() && f.checkScheduledAt <= at) {
            return;
        }
        f.checkScheduledAt = at;
        scheduleAt(at, DISPATCH_CHECK, f.index, null);
    }

    private void startTrip(FleetRt f, List<Long> ids) {
        Map<Long, DispatchPolicy.Shipment> byId = new LinkedHashMap<>();
        for (DispatchPolicy.Shipment s : f.waiting) {
            byId.put(s.id(), s);
        }
        List<DispatchPolicy.Shipment> load = new ArrayList<>();
        int units = 0;
        double volume = 0;
        for (long id : ids) {
            DispatchPolicy.Shipment s = byId.remove(id);
            if (s == null) {
                throw new IllegalStateException("The dispatch policy of fleet (" + f.spec.id() + ") chose shipment ("
                        + id + ") which is not waiting (or chosen twice).");
            }
            load.add(s);
            units += s.units();
            volume += s.volume();
        }
        if (units > f.spec.capacity()) {
            throw new IllegalStateException("The dispatch policy of fleet (" + f.spec.id() + ") loaded " + units
                    + " units on a truck of capacity " + f.spec.capacity() + ".");
        }
        if (f.spec.volumeCapacity() != null && volume > f.spec.volumeCapacity() + 1e-9) {
            throw new IllegalStateException("The dispatch policy of fleet (" + f.spec.id() + ") loaded a volume of "
                    + volume + " on a truck of volume capacity " + f.spec.volumeCapacity() + ".");
        }
        f.waiting.removeIf(s -> !byId.containsKey(s.id()));
        f.free--;
        long t = now();
        long load0 = f.spec.loadTime().toMillis();
        account(f, t, t + load0, 1);
        t += load0;
        String at = spec.site();
        double km = 0;
        long unload = f.spec.unloadTime().toMillis();
        boolean traced = trips.size() < model.operationTraceLimit;
        List<RunResult.Stop> stops = traced ? new ArrayList<>() : null;
        int tripUnits = 0;
        for (DispatchPolicy.Shipment s : load) {
            SupplyMessages.CustomerOrder o = f.orderOf.remove(s.id());
            String site = model.customers.get(o.customer()).site();
            double legKm = model.distanceKm(at, site);
            long drive = Math.round(legKm / f.speed * MS_PER_HOUR * f.travel.next());
            account(f, t, t + drive, 0);
            t += drive;
            if (traced) {
                double[] xy = model.sites.get(site);
                stops.add(new RunResult.Stop(model.customers.get(o.customer()).id(), xy[0], xy[1], t / 60_000.0,
                        s.units()));
            }
            tripUnits += s.units();
            account(f, t, t + unload, 2);
            t += unload;
            km += legKm;
            at = site;
            send(model.customerLp(o.customer()), t - now(), new SupplyMessages.Delivery(o.orderId(), o.product(),
                    s.units(), o.quantity(), o.placedMillis(), o.dueMillis()));
        }
        double backKm = model.distanceKm(at, spec.site());
        long back = Math.round(backKm / f.speed * MS_PER_HOUR * f.travel.next());
        account(f, t, t + back, 0);
        t += back;
        km += backKm;
        if (now() >= warmup) {
            f.trips++;
            f.km += km;
            f.cost += km * f.spec.costPerKm() + (t - now()) / MS_PER_HOUR * f.spec.costPerHour();
        }
        if (traced) {
            double[] depot = model.sites.get(spec.site());
            trips.add(new RunResult.Trip(f.spec.id(), spec.id(), depot[0], depot[1], now() / 60_000.0, t / 60_000.0, km,
                    tripUnits, stops));
        }
        f.backAt.add(t);
        scheduleAt(t, TRUCK_BACK, f.index, null);
    }

    /** Adds the part of [from, to) inside the observed period to an activity: 0 driving, 1 loading, 2 unloading. */
    private void account(FleetRt f, long from, long to, int activity) {
        long a = Math.max(from, warmup);
        long b = Math.min(to, horizon);
        if (b <= a) {
            return;
        }
        switch (activity) {
            case 0 -> f.drivingMillis += b - a;
            case 1 -> f.loadingMillis += b - a;
            default -> f.unloadingMillis += b - a;
        }
    }

    @Override
    protected void onEvent(int code, long datum, Object ref) {
        switch (code) {
            case PUT_AWAY -> putAway(items[(int) (datum >>> 32)], (int) datum);
            case REVIEW -> onReview(items[(int) datum]);
            case DISPATCH_DECIDE -> onDispatchDecide(fleets[(int) datum]);
            case TRUCK_BACK -> {
                FleetRt f = fleets[(int) datum];
                f.backAt.remove(Long.valueOf(now()));
                f.free++;
                tryDispatch(f);
            }
            case DISPATCH_CHECK -> {
                FleetRt f = fleets[(int) datum];
                if (f.checkScheduledAt == now()) {
                    f.checkScheduledAt = -1;
                }
                tryDispatch(f);
            }
            default -> throw new IllegalStateException("Unknown event (" + code + ") in warehouse " + name() + ".");
        }
    }

    // ---- report ---------------------------------------------------------------------------------------------------

    /** Statistics of a warehouse and its fleets. */
    public record Report(int warehouseIndex, List<RunResult.InventoryKpis> inventory, List<RunResult.FleetKpis> fleets,
                         double kmDriven, double transportCost, double holdingCost, double backorderCost,
                         double backorderIntegralUnitMillis, double[] madeCycleMinutes, double[] madePerBatch,
                         double[] madeCycleMinutesSumPerBatch, Map<String, double[]> onHandIntegralPerBatch,
                         List<RunResult.Trip> trips, List<RunResult.TravelHistory> travelHistory) {
    }

    @Override
    protected Object report(long end) {
        double observed = Math.max(1, end - warmup);
        double days = observed / (double) DAY;
        List<RunResult.InventoryKpis> inv = new ArrayList<>();
        double holding = 0;
        double backorder = 0;
        double backorderIntegral = 0;
        for (Item i : items) {
            double onHandMean = i.onHandTw.mean(end);
            double backMean = i.backorderTw.mean(end);
            double h = onHandMean * days * i.spec.holdingCostPerUnitDay();
            double b = backMean * days * i.spec.backorderCostPerUnitDay();
            holding += h;
            backorder += b;
            backorderIntegral += i.backorderTw.integral(end);
            inv.add(new RunResult.InventoryKpis(spec.id(), i.spec.product(), policyText(i), onHandMean,
                    i.onHandTw.min(), i.onHandTw.max(), backMean, i.orders, i.units,
                    i.orders == 0 ? 0 : (double) i.filledOrders / i.orders,
                    i.units == 0 ? 0 : (double) i.filledUnits / i.units, i.stockouts, i.replenishments, h, b,
                    i.spec.initial(), i.received, i.shipped, i.onHand, i.onOrder, i.backlogUnits));
        }
        List<RunResult.FleetKpis> fs = new ArrayList<>();
        double km = 0;
        double cost = 0;
        for (FleetRt f : fleets) {
            double truckTime = observed * f.spec.trucks();
            double driving = f.drivingMillis / truckTime;
            double loading = f.loadingMillis / truckTime;
            double unloading = f.unloadingMillis / truckTime;
            fs.add(new RunResult.FleetKpis(f.spec.id(), spec.id(), f.spec.trucks(), f.trips, f.km, driving, loading,
                    unloading, Math.max(0, 1 - driving - loading - unloading), driving + loading + unloading, f.cost));
            km += f.km;
            cost += f.cost;
        }
        return new Report(warehouseIndex, List.copyOf(inv), List.copyOf(fs), km, cost, holding, backorder,
                backorderIntegral, madeCycleMinutes.values(), Batches.counts(madeBatches, end),
                Batches.sums(madeBatches, end), onHandSeries(end), List.copyOf(trips), travelHistory());
    }

    /** The factor of every leg each fleet drove, in fleet order (empty unless a history was asked for). */
    private List<RunResult.TravelHistory> travelHistory() {
        List<RunResult.TravelHistory> out = new ArrayList<>();
        if (model.historyMillis > 0) {
            for (FleetRt f : fleets) {
                out.add(new RunResult.TravelHistory(f.spec.id(), spec.id(), f.travel.recorded()));
            }
        }
        return List.copyOf(out);
    }

    private Map<String, double[]> onHandSeries(long end) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (Item i : items) {
            i.onHandTw.integral(end);
            m.put(spec.id() + "/" + i.spec.product(), Batches.integrals(i.onHandBatches, end));
        }
        return m;
    }

    private static String policyText(Item i) {
        if (i.external != null) {
            return "plugged-in (" + i.external.getClass().getSimpleName() + ")";
        }
        return policyText(i.spec.policy());
    }

    private static String policyText(InventoryPolicy p) {
        return switch (p.type()) {
            case S_S -> "(s,S)=(" + p.reorderPoint() + "," + p.orderUpTo() + ")";
            case S_Q -> "(s,Q)=(" + p.reorderPoint() + "," + p.orderQuantity() + ")";
            case BASE_STOCK -> "base stock " + p.level();
            case MAKE_TO_ORDER -> "make to order";
        };
    }
}
