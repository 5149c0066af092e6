package org.plantwin.twin.env;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.plantwin.actors.api.DecisionPoint;
import org.plantwin.actors.api.DispatchPolicy;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.api.SteppedRun;
import org.plantwin.scenarios.model.Fleet;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.TimeSpan;

/**
 * Truck dispatch on a supply-chain scenario: a step is a free truck of one fleet with shipments waiting; the
 * action picks which of the first {@code slots} waiting shipments (oldest first) it loads: MultiDiscrete of
 * {@code slots} x {0, 1}, masked to the slots that hold a shipment. The chosen shipments are loaded in slot order
 * as long as they fit the truck; none chosen (or none fits) means wait {@code waitMinutes}.
 *
 * <p>Observation: per slot [present, units / capacity, distance from the depot / 100 km, hours waited / 24,
 * hours to due / 24], then [free trucks / trucks, time / horizon, shipments waiting / slots].
 * Reward: minus the run's total cost (transport + holding + backorders, no warm-up) at the last step, 0 before
 * (sparse). The episode ends at the horizon ({@code truncated}).
 */
public final class DispatchEnv implements PlantEnv {

    public static final int FEATURES = 5;
    public static final int GLOBALS = 3;

    private final Scenario scenario;
    private final String fleet;
    private final long horizonMillis;
    private final int slots;
    private final long waitMillis;
    private final Space.Box observationSpace;
    private final Space.MultiDiscrete actionSpace;
    private SteppedRun run;
    private DispatchPolicy.View view;
    private RunOptions options;

    /**
     * @param scenario a scenario with the fleet (its warm-up is set to 0 so that the cost covers the episode)
     * @param fleet the fleet the agent dispatches; null = the first one
     */
    public DispatchEnv(Scenario scenario, String fleet, long horizonMillis, int slots, long waitMillis) {
        Objects.requireNonNull(scenario, "scenario");
        if (scenario.fleets().isEmpty()) {
            throw new IllegalArgumentException("The scenario (" + scenario.name() + ") has no fleet to dispatch.");
        }
        this.fleet = fleet != null ? fleet : scenario.fleets().get(0).id();
        if (scenario.fleets().stream().map(Fleet::id).noneMatch(this.fleet::equals)) {
            throw new IllegalArgumentException("The fleet (" + fleet + ") is not in scenario " + scenario.name()
                    + "; it has " + scenario.fleets().stream().map(Fleet::id).toList() + ".");
        }
        if (slots < 1 || horizonMillis <= 0 || waitMillis <= 0) {
            throw new IllegalArgumentException("The slots (" + slots + "), horizon (" + horizonMillis
                    + " ms) and wait (" + waitMillis + " ms) must be > 0.");
        }
        this.scenario = new Scenario(scenario.name(), scenario.description(), scenario.seed(), scenario.horizon(),
                TimeSpan.ZERO, scenario.transferTime(), scenario.products(), scenario.machines(), scenario.lines(),
                scenario.machineGroups(), scenario.sources(), scenario.sinks(), scenario.sites(), scenario.travel(),
                scenario.warehouses(), scenario.suppliers(), scenario.customers(), scenario.fleets());
        this.horizonMillis = horizonMillis;
        this.slots = slots;
        this.waitMillis = waitMillis;
        this.observationSpace = new Space.Box(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY,
                new int[] {slots * FEATURES + GLOBALS});
        int[] nvec = new int[slots];
        java.util.Arrays.fill(nvec, 2);
        this.actionSpace = new Space.MultiDiscrete(nvec);
    }

    @Override
    public String kind() {
        return "dispatch";
    }

    @Override
    public Space.Box observationSpace() {
        return observationSpace;
    }

    @Override
    public Space.MultiDiscrete actionSpace() {
        return actionSpace;
    }

    /** The twin's view of the current decision (null when done). */
    public DispatchPolicy.View view() {
        return view;
    }

    @Override
    public ResetResult reset(long seed, Map<String, Object> options) {
        this.options = RunOptions.defaults().withSeed(seed).withHorizonMillis(horizonMillis)
                .withDispatchPolicy(fleet, DispatchPolicy.AGENT);
        run = SteppedRun.start(scenario, this.options);
        point(run.decision());
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("time", run.nowMillis() / 3_600_000.0);
        return new ResetResult(observation(), mask(), info);
    }

    private void point(DecisionPoint d) {
        view = d == null ? null : ((DecisionPoint.Dispatch) d).view();
    }

    @Override
    public StepResult step(Object action) {
        if (view == null) {
            throw new IllegalStateException("The episode is over (or not started): call reset before step.");
        }
        int[] a = actionArray(action);
        List<DispatchPolicy.Shipment> waiting = view.waiting();
        List<Long> load = new ArrayList<>();
        int units = 0;
        for (int i = 0; i < slots && i < waiting.size(); i++) {
            if (a[i] != 0 && units + waiting.get(i).units() <= view.capacity()) {
                load.add(waiting.get(i).id());
                units += waiting.get(i).units();
            }
        }
        DispatchPolicy.Decision decision = load.isEmpty()
                ? DispatchPolicy.Decision.waitUntil(view.nowMillis() + waitMillis) : DispatchPolicy.Decision.load(load);
        point(run.decide(decision));
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("time", run.nowMillis() / 3_600_000.0);
        info.put("loaded", load.size());
        if (view != null) {
            return new StepResult(observation(), 0.0, false, false, mask(), info);
        }
        RunResult r = run.result();
        RunResult.SupplyChainKpis sc = r.supplyChain();
        double cost = sc == null ? 0 : sc.totalCost();
        info.put("totalCost", cost);
        if (sc != null) {
            info.put("transportCost", sc.transportCost());
            info.put("holdingCost", sc.holdingCost());
            info.put("backorderCost", sc.backorderCost());
            info.put("onTimeDelivery", sc.onTimeDelivery());
        }
        return new StepResult(observation(), -cost, false, true, mask(), info);
    }

    private int[] actionArray(Object action) {
        int[] a;
        if (action instanceof int[] ia) {
            a = ia;
        } else if (action instanceof List<?> l) {
            a = new int[l.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = ((Number) l.get(i)).intValue();
            }
        } else {
            throw new IllegalArgumentException("The action (" + action + ") of a dispatch env must be " + slots
                    + " integers 0 or 1.");
        }
        if (a.length != slots) {
            throw new IllegalArgumentException("The action has " + a.length + " slots; it must have " + slots + ".");
        }
        return a;
    }

    @Override
    public boolean done() {
        return view == null;
    }

    private boolean[] mask() {
        boolean[] m = new boolean[slots];
        for (int i = 0; view != null && i < slots && i < view.waiting().size(); i++) {
            m[i] = true;
        }
        return m;
    }

    private float[] observation() {
        float[] o = new float[slots * FEATURES + GLOBALS];
        int g = slots * FEATURES;
        o[g + 1] = (float) ((double) run.nowMillis() / horizonMillis);
        if (view == null) {
            return o;
        }
        List<DispatchPolicy.Shipment> waiting = view.waiting();
        for (int i = 0; i < slots && i < waiting.size(); i++) {
            DispatchPolicy.Shipment s = waiting.get(i);
            int b = i * FEATURES;
            o[b] = 1f;
            o[b + 1] = s.units() / (float) view.capacity();
            o[b + 2] = (float) (Math.hypot(s.x() - view.depotX(), s.y() - view.depotY()) / 100.0);
            o[b + 3] = (float) ((view.nowMillis() - s.readyMillis()) / 3_600_000.0 / 24.0);
            o[b + 4] = s.dueMillis() < 0 ? 0f : (float) ((s.dueMillis() - view.nowMillis()) / 3_600_000.0 / 24.0);
        }
        o[g] = view.freeTrucks() / (float) Math.max(1, view.trucks());
        o[g + 2] = waiting.size() / (float) slots;
        return o;
    }
}
