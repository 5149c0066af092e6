package org.plantwin.twin.experiment;

import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.api.SimulationRuntime;
import org.plantwin.scenarios.model.Scenario;

/**
 * Where an experiment's runs execute: the lanes of a local {@link SimulationRuntime}, or the workers of a cluster
 * ({@code org.plantwin.twin.cluster.ClusterRunExecutor}). Runs are deterministic by seed and replication index, so
 * the experiment's numbers do not depend on the executor.
 */
@FunctionalInterface
public interface RunExecutor {

    /** Starts a run; the stage completes with its result, or exceptionally when the run fails. */
    CompletionStage<RunResult> start(Scenario scenario, RunOptions options);

    /** Runs on the lanes of {@code runtime}. */
    static RunExecutor local(SimulationRuntime runtime) {
        Objects.requireNonNull(runtime, "runtime");
        return runtime::start;
    }
}
