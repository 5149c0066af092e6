package org.plantwin.actors.api;

import java.util.Objects;
import org.plantwin.actors.entity.AgentRequest;
import org.plantwin.actors.entity.PlantAssembly;
import org.plantwin.actors.kernel.SyncKernel;
import org.plantwin.scenarios.model.Scenario;

/**
 * A run that an agent steps through its decision points, in the calling thread. Set the policies the agent takes
 * over to {@link SchedulingPolicy#AGENT}, {@link DispatchPolicy#AGENT} or {@link ReplenishmentPolicy#agent} in
 * the {@link RunOptions}; the run then stops at each such decision ({@link #decision()}), and {@link #decide}
 * applies the action and runs on to the next one. The same scenario, seed and actions give the same trajectory.
 *
 * <p>It drives the same logical processes with the same window planner as the actor runtime, in one thread, so
 * that a step costs no thread hop; without agent policies it gives the same result as {@link SimulationRuntime}.
 *
 * <pre>{@code
 * SteppedRun run = SteppedRun.start(scenario, RunOptions.defaults().withSchedulingPolicy("G1", SchedulingPolicy.AGENT));
 * while (!run.done()) {
 *     DecisionPoint.Scheduling d = (DecisionPoint.Scheduling) run.decision();
 *     run.decide(0); // the oldest waiting part
 * }
 * RunResult result = run.result();
 * }</pre>
 */
public final class SteppedRun {

    private final PlantAssembly assembly;
    private final SyncKernel kernel;
    private DecisionPoint current;
    private long steps;
    private RunResult result;

    private SteppedRun(Scenario scenario, RunOptions options) {
        this.assembly = new PlantAssembly(Objects.requireNonNull(scenario, "scenario"),
                Objects.requireNonNull(options, "options"));
        this.kernel = new SyncKernel(assembly.kernelSetup(options.maxEventsPerWindow()));
        this.current = point(kernel.run());
    }

    /** Starts a run and goes to its first decision point (or to the end when there is none). */
    public static SteppedRun start(Scenario scenario, RunOptions options) {
        return new SteppedRun(scenario, options);
    }

    /** Runs a scenario to its end in the calling thread (no agent policies allowed). */
    public static RunResult run(Scenario scenario, RunOptions options) {
        SteppedRun r = start(scenario, options);
        if (!r.done()) {
            throw new IllegalStateException("The run stopped at a decision point (" + r.decision()
                    + "): step it with decide().");
        }
        return r.result();
    }

    private static DecisionPoint point(SyncKernel.Decision d) {
        return d == null ? null : ((AgentRequest) d.request()).point();
    }

    /** The decision the run waits for, or null when it has reached its horizon. */
    public DecisionPoint decision() {
        return current;
    }

    public boolean done() {
        return current == null;
    }

    /** Applies the action to the current decision and runs on; returns the next decision, or null at the end. */
    public DecisionPoint decide(Object action) {
        if (current == null) {
            throw new IllegalStateException("The run has ended; no decision waits for action (" + action + ").");
        }
        steps++;
        current = point(kernel.decide(action));
        return current;
    }

    /** Decisions taken so far. */
    public long steps() {
        return steps;
    }

    /** The simulated time of the run: that of the current decision, or the horizon at the end. */
    public long nowMillis() {
        return current != null ? current.nowMillis() : kernel.now();
    }

    /** The run's result; only when {@link #done()}. */
    public RunResult result() {
        if (!done()) {
            throw new IllegalStateException("The run waits for a decision; it has no result yet.");
        }
        if (result == null) {
            result = assembly.result(kernel.finish());
        }
        return result;
    }
}
