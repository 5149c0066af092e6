package org.plantwin.twin.cluster;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.plantwin.actors.api.ResultJson;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.api.SimulationException;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.twin.experiment.RunExecutor;

/**
 * Starts runs on the cluster through this node's {@link ClusterRunner}: the scenario travels as JSON text, the
 * result comes back as result JSON and is read into a {@link RunResult} equal to the one a local run gives.
 */
public final class ClusterRunExecutor implements RunExecutor {

    /** A wall-clock limit for one run, queueing included; the ask needs one. */
    private static final Duration RUN_LIMIT = Duration.ofDays(30);

    private final ActorRef<ClusterRunner.Command> runner;
    private final ActorSystem<?> system;

    ClusterRunExecutor(ActorRef<ClusterRunner.Command> runner, ActorSystem<?> system) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.system = Objects.requireNonNull(system, "system");
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException {@code options} carry policies, which cannot cross nodes
     */
    @Override
    public CompletionStage<RunResult> start(Scenario scenario, RunOptions options) {
        JobSpec spec = JobSpec.of(scenario, options);
        return AskPattern.<ClusterRunner.Command, ClusterRunner.Outcome>ask(runner,
                        replyTo -> new ClusterRunner.Submit(spec, replyTo), RUN_LIMIT, system.scheduler())
                .thenApply(outcome -> {
                    if (outcome instanceof ClusterRunner.Succeeded s) {
                        return ResultJson.read(s.resultJson());
                    }
                    throw new SimulationException("The run of (" + scenario.name() + ") replication "
                            + options.replication() + " failed on the cluster: "
                            + ((ClusterRunner.Failed) outcome).message(), null);
                });
    }
}
