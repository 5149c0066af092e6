package org.plantwin.twin.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.api.Simulation;
import org.plantwin.actors.api.SimulationRuntime;
import org.plantwin.actors.api.SteppedRun;
import org.plantwin.learning.api.Forecaster;
import org.plantwin.learning.api.Forecasters;
import org.plantwin.scenarios.api.Problem;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.twin.cli.Plans;
import org.plantwin.twin.cluster.ClusterNode;
import org.plantwin.twin.cluster.ClusterSettings;
import org.plantwin.twin.experiment.Experiment;
import org.plantwin.twin.experiment.ExperimentProgress;
import org.plantwin.twin.experiment.ExperimentResult;
import org.plantwin.twin.experiment.ExperimentRunner;

/**
 * The Java face of plantwin: load a scenario, run it, run experiments, plan, forecast. No Pekko type appears in
 * its signatures; an {@link Engine} owns the actor system that runs simulations and must be closed.
 *
 * <pre>{@code
 * // One run, blocking:
 * RunResult r = Plantwin.resolve("flowline5").run(RunOptions.defaults().withSeed(7));
 * double perHour = r.plant().throughputPerHour();
 *
 * // Many runs on all cores, with progress:
 * try (Plantwin.Engine engine = Plantwin.engine(Runtime.getRuntime().availableProcessors())) {
 *     CompletableFuture<RunResult> a = engine.runAsync(Plantwin.resolve("supply-chain").scenario(),
 *             RunOptions.defaults().withReplication(1), p -> System.out.printf("%.0f%%%n", 100 * p.fraction()));
 *     ExperimentResult e = engine.experiment(Experiment.of("what-if", Plantwin.resolve("mm1").scenario())
 *             .withReplications(5), progress -> { }).join();
 * }
 * }</pre>
 * {@code PlantwinFacadeTest} compiles and runs this example.
 */
public final class Plantwin {

    private final Scenario scenario;

    private Plantwin(Scenario scenario) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
    }

    /** Loads and validates a scenario file; throws {@link org.plantwin.scenarios.api.ScenarioException}. */
    public static Plantwin load(Path file) {
        return new Plantwin(Scenarios.load(file));
    }

    /** A file path or the name of a built-in scenario ({@code mm1}, {@code flowline5}, {@code supply-chain}, ...). */
    public static Plantwin resolve(String fileOrName) {
        return new Plantwin(Scenarios.resolve(fileOrName));
    }

    public static Plantwin of(Scenario scenario) {
        return new Plantwin(scenario);
    }

    /** Every problem of a scenario file, empty when it is valid. */
    public static List<Problem> validate(Path file) {
        try {
            Scenarios.load(file);
            return List.of();
        } catch (org.plantwin.scenarios.api.ScenarioException e) {
            return e.problems();
        }
    }

    /** The names of the built-in scenarios. */
    public static List<String> library() {
        return Scenarios.libraryNames();
    }

    public Scenario scenario() {
        return scenario;
    }

    /** Runs once on a private one-lane engine and waits for the result. */
    public RunResult run() {
        return run(RunOptions.defaults());
    }

    /** Runs once on a private one-lane engine and waits for the result. */
    public RunResult run(RunOptions options) {
        return Simulation.run(scenario, options);
    }

    /** A run an agent steps through its decision points in the calling thread (see {@link SteppedRun}). */
    public SteppedRun stepped(RunOptions options) {
        return SteppedRun.start(scenario, options);
    }

    /** An engine with {@code lanes} parallel lanes (one per core is a good choice); close it when done. */
    public static Engine engine(int lanes) {
        return new Engine(lanes);
    }

    /**
     * Starts a cluster node (Pekko Cluster; see {@link ClusterSettings}) whose experiments spread over every
     * node's lanes, with the same numbers as on one node; close it to leave the cluster.
     */
    public static ClusterEngine cluster(ClusterSettings settings) {
        return new ClusterEngine(ClusterNode.start(settings));
    }

    /**
     * Plans a job-shop, flexible job-shop or routing instance given as text ({@code jssp}, {@code fjsp},
     * {@code vrptw}, {@code cvrp}) and returns the JSON {@code plantwin plan --json} prints.
     */
    public static String plan(String problem, String instanceText, Duration timeLimit, long seed) {
        return Plans.json(problem, instanceText, null, timeLimit, null, seed, null);
    }

    /** A forecaster by name ({@code naive}, {@code snaive}, {@code theta}, {@code lstm}, {@code nbeats}, ...). */
    public static Forecaster forecaster(String name) {
        return Forecasters.create(name);
    }

    /** Runs simulations and experiments on parallel lanes; results never depend on the number of lanes. */
    public static final class Engine implements AutoCloseable {

        private final SimulationRuntime runtime;

        private Engine(int lanes) {
            this.runtime = SimulationRuntime.create(lanes);
        }

        public int lanes() {
            return runtime.lanes();
        }

        /** Runs and waits. */
        public RunResult run(Scenario scenario, RunOptions options) {
            return runtime.run(scenario, options);
        }

        /** Starts a run; {@code progress} (may be null) hears how far it got, on an engine thread. */
        public CompletableFuture<RunResult> runAsync(Scenario scenario, RunOptions options,
                                                     Consumer<SimulationRuntime.Progress> progress) {
            return runtime.start(scenario, options, progress).toCompletableFuture();
        }

        /** Runs an experiment (replications, variants, comparisons) on this engine's lanes, in the background. */
        public CompletableFuture<ExperimentResult> experiment(Experiment experiment,
                                                              Consumer<ExperimentProgress> progress) {
            return CompletableFuture.supplyAsync(() -> ExperimentRunner.run(experiment, runtime,
                    progress == null ? p -> { } : progress));
        }

        @Override
        public void close() {
            runtime.close();
        }
    }

    /** A node of a plantwin cluster: experiments started here run on the lanes of all nodes. */
    public static final class ClusterEngine implements AutoCloseable {

        private final ClusterNode node;

        private ClusterEngine(ClusterNode node) {
            this.node = node;
        }

        /** {@code pekko://plantwin@host:port} of this node. */
        public String address() {
            return node.address();
        }

        /** {@code host:port} of this node, for other nodes' seed lists. */
        public String hostPort() {
            return node.hostPort();
        }

        /** Waits until this node sees {@code members} members Up; throws {@link IllegalStateException} if not in time. */
        public void awaitMembersUp(int members, Duration timeout) {
            node.awaitMembersUp(members, timeout);
        }

        /** Runs an experiment on the cluster's lanes, in the background; byte-identical to a local run. */
        public CompletableFuture<ExperimentResult> experiment(Experiment experiment,
                                                              Consumer<ExperimentProgress> progress) {
            return CompletableFuture.supplyAsync(() -> ExperimentRunner.run(experiment, node.executor(),
                    progress == null ? p -> { } : progress));
        }

        /** Leaves the cluster; runs in flight here are run again by the other nodes. */
        @Override
        public void close() {
            node.close();
        }
    }
}
