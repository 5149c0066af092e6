package org.plantwin.actors.api;

import org.plantwin.scenarios.model.Scenario;

/** One-off runs: starts a one-lane runtime, runs, closes it. For many runs keep a {@link SimulationRuntime}. */
public final class Simulation {

    private Simulation() {
    }

    public static RunResult run(Scenario scenario, RunOptions options) {
        try (SimulationRuntime runtime = SimulationRuntime.create(1)) {
            return runtime.run(scenario, options);
        }
    }

    public static RunResult run(Scenario scenario) {
        return run(scenario, RunOptions.defaults());
    }
}
