package org.plantwin.twin.env;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.plantwin.actors.api.DecisionPoint;
import org.plantwin.actors.api.ReplenishmentPolicy;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.api.SteppedRun;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.StockItem;
import org.plantwin.scenarios.model.TimeSpan;
import org.plantwin.scenarios.model.Warehouse;

/**
 * Periodic-review replenishment of one product in one warehouse: a step is a review, the action the order size
 * in steps of {@code orderStep} units (Discrete(maxOrder / orderStep + 1); all allowed).
 *
 * <p>Observation: [on hand, on order, backordered, demand of the last {@link #HISTORY} periods (0 before the
 * start)], each / {@code unitScale}, then time / horizon. Reward: minus the holding and backorder cost of the
 * period that just ended, estimated from the levels at the review ({@code (h x onHand + b x backordered) x period
 * days}, with the scenario's costs); the run's exact costs are in the last step's info. The episode ends at the
 * horizon ({@code truncated}).
 */
public final class ReplenishmentEnv implements PlantEnv {

    public static final int HISTORY = 7;

    private final Scenario scenario;
    private final String warehouse;
    private final String product;
    private final long periodMillis;
    private final long horizonMillis;
    private final int orderStep;
    private final double unitScale;
    private final double holdingPerUnitDay;
    private final double backorderPerUnitDay;
    private final Space.Box observationSpace;
    private final Space.Discrete actionSpace;
    private SteppedRun run;
    private ReplenishmentPolicy.View view;

    public ReplenishmentEnv(Scenario scenario, String warehouse, String product, long periodMillis,
                            long horizonMillis, int maxOrder, int orderStep, double unitScale) {
        Objects.requireNonNull(scenario, "scenario");
        Warehouse w = scenario.warehouses().stream().filter(x -> x.id().equals(warehouse)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The warehouse (" + warehouse + ") is not in scenario "
                        + scenario.name() + "."));
        StockItem item = w.stock().stream().filter(s -> s.product().equals(product)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The product (" + product + ") is not stocked in "
                        + warehouse + "."));
        if (periodMillis <= 0 || horizonMillis <= 0 || orderStep < 1 || maxOrder < 0 || !(unitScale > 0)) {
            throw new IllegalArgumentException("The period (" + periodMillis + " ms), horizon (" + horizonMillis
                    + " ms), orderStep (" + orderStep + "), maxOrder (" + maxOrder + ") and unitScale (" + unitScale
                    + ") must be positive.");
        }
        this.scenario = new Scenario(scenario.name(), scenario.description(), scenario.seed(), scenario.horizon(),
                TimeSpan.ZERO, scenario.transferTime(), scenario.products(), scenario.machines(), scenario.lines(),
                scenario.machineGroups(), scenario.sources(), scenario.sinks(), scenario.sites(), scenario.travel(),
                scenario.warehouses(), scenario.suppliers(), scenario.customers(), scenario.fleets());
        this.warehouse = warehouse;
        this.product = product;
        this.periodMillis = periodMillis;
        this.horizonMillis = horizonMillis;
        this.orderStep = orderStep;
        this.unitScale = unitScale;
        this.holdingPerUnitDay = item.holdingCostPerUnitDay();
        this.backorderPerUnitDay = item.backorderCostPerUnitDay();
        this.observationSpace = new Space.Box(0f, Float.POSITIVE_INFINITY, new int[] {3 + HISTORY + 1});
        this.actionSpace = new Space.Discrete(maxOrder / orderStep + 1);
    }

    @Override
    public String kind() {
        return "replenishment";
    }

    @Override
    public Space.Box observationSpace() {
        return observationSpace;
    }

    @Override
    public Space.Discrete actionSpace() {
        return actionSpace;
    }

    /** The twin's view of the current review (null when done). */
    public ReplenishmentPolicy.View view() {
        return view;
    }

    /** Units per action step. */
    public int orderStep() {
        return orderStep;
    }

    @Override
    public ResetResult reset(long seed, Map<String, Object> options) {
        RunOptions o = RunOptions.defaults().withSeed(seed).withHorizonMillis(horizonMillis)
                .withReplenishmentPolicy(warehouse, product, ReplenishmentPolicy.agent(periodMillis));
        run = SteppedRun.start(scenario, o);
        point(run.decision());
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("time", run.nowMillis() / 86_400_000.0);
        return new ResetResult(observation(), mask(), info);
    }

    private void point(DecisionPoint d) {
        view = d == null ? null : ((DecisionPoint.Replenishment) d).view();
    }

    @Override
    public StepResult step(Object action) {
        if (view == null) {
            throw new IllegalStateException("The episode is over (or not started): call reset before step.");
        }
        if (!(action instanceof Number n) || n.intValue() < 0 || n.intValue() >= actionSpace.n()) {
            throw new IllegalArgumentException("The action (" + action + ") must be an integer in [0, "
                    + actionSpace.n() + ") (units / " + orderStep + ").");
        }
        long units = (long) n.intValue() * orderStep;
        point(run.decide(units));
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("time", run.nowMillis() / 86_400_000.0);
        info.put("ordered", units);
        if (view != null) {
            double days = periodMillis / 86_400_000.0;
            double cost = (holdingPerUnitDay * view.onHand() + backorderPerUnitDay * view.backordered()) * days;
            return new StepResult(observation(), -cost, false, false, mask(), info);
        }
        RunResult r = run.result();
        double holding = 0;
        double backorder = 0;
        for (RunResult.InventoryKpis k : r.inventory()) {
            if (k.warehouse().equals(warehouse) && k.product().equals(product)) {
                holding = k.holdingCost();
                backorder = k.backorderCost();
                info.put("unitFillRate", k.unitFillRate());
            }
        }
        info.put("holdingCost", holding);
        info.put("backorderCost", backorder);
        // The last period has no review at its end: charge it from the run's own figures is not possible per
        // period, so the last step gives 0 and the info carries the exact totals.
        return new StepResult(observation(), 0.0, false, true, mask(), info);
    }

    @Override
    public boolean done() {
        return view == null;
    }

    private boolean[] mask() {
        boolean[] m = new boolean[actionSpace.n()];
        java.util.Arrays.fill(m, view != null);
        return m;
    }

    private float[] observation() {
        float[] o = new float[3 + HISTORY + 1];
        o[3 + HISTORY] = (float) ((double) run.nowMillis() / horizonMillis);
        if (view == null) {
            return o;
        }
        o[0] = (float) (view.onHand() / unitScale);
        o[1] = (float) (view.onOrder() / unitScale);
        o[2] = (float) (view.backordered() / unitScale);
        double[] h = view.demandHistory();
        for (int i = 0; i < HISTORY && i < h.length; i++) {
            o[3 + i] = (float) (h[h.length - 1 - i] / unitScale);
        }
        return o;
    }
}
