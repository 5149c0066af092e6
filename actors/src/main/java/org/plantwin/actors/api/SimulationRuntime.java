package org.plantwin.actors.api;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.plantwin.actors.entity.PlantAssembly;
import org.plantwin.actors.kernel.Kernel;
import org.plantwin.scenarios.model.Scenario;

/**
 * One actor system that runs simulations, each on one of {@code lanes} single-thread dispatchers. Runs on
 * different lanes proceed in parallel; a run's result does not depend on the lane or the number of lanes.
 * Close it when done.
 */
public final class SimulationRuntime implements AutoCloseable {

    private final ActorSystem<Guardian.Command> system;
    private final int lanes;
    private final AtomicInteger nextLane = new AtomicInteger();
    private final AtomicInteger runCounter = new AtomicInteger();

    private SimulationRuntime(int lanes) {
        if (lanes < 1) {
            throw new IllegalArgumentException("The number of lanes (" + lanes + ") must be >= 1.");
        }
        this.lanes = lanes;
        StringBuilder cfg = new StringBuilder();
        cfg.append("pekko.loglevel = WARNING\npekko.log-dead-letters = off\n");
        cfg.append("pekko.coordinated-shutdown.exit-jvm = off\n");
        for (int i = 0; i < lanes; i++) {
            cfg.append("plantwin.lane-").append(i).append(" { type = Dispatcher, executor = \"thread-pool-executor\",")
                    .append(" thread-pool-executor { fixed-pool-size = 1 }, throughput = 1000 }\n");
        }
        Config config = ConfigFactory.parseString(cfg.toString()).withFallback(ConfigFactory.load());
        this.system = ActorSystem.create(Guardian.create(), "plantwin", config);
    }

    /** A runtime with {@code lanes} lanes (one per core is a good default). */
    public static SimulationRuntime create(int lanes) {
        return new SimulationRuntime(lanes);
    }

    public int lanes() {
        return lanes;
    }

    /** Starts a run; the future completes with its result, or exceptionally with {@link SimulationException}. */
    public CompletionStage<RunResult> start(Scenario scenario, RunOptions options) {
        return start(scenario, options, null);
    }

    /**
     * Starts a run and reports progress ({@code nowMillis} of {@code horizonMillis}) after each window.
     * The listener is called on an actor thread: keep it short and thread-safe. Cancelling the returned future
     * ({@code toCompletableFuture().cancel(false)}) stops the run: its kernel gets {@link Kernel.Cancel}.
     */
    public CompletionStage<RunResult> start(Scenario scenario, RunOptions options, Consumer<Progress> listener) {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(options, "options");
        PlantAssembly assembly = new PlantAssembly(scenario, options);
        int lane = Math.floorMod(nextLane.getAndIncrement(), lanes);
        int id = runCounter.incrementAndGet();
        CompletionStage<Kernel.Outcome> outcome = AskPattern.ask(system,
                replyTo -> new Guardian.StartRun(id, lane, assembly.kernelSetup(options.maxEventsPerWindow()),
                        listener, replyTo),
                Duration.ofDays(200), system.scheduler()); // wall-clock ask limit, facade only; Pekko caps it near 248 days
        CompletableFuture<RunResult> result = new CompletableFuture<>();
        // Whatever the ending: stop the progress relay; on cancellation, also the kernel.
        result.whenComplete((r, err) -> system.tell(new Guardian.RunEnded(id, result.isCancelled())));
        outcome.whenComplete((o, err) -> {
            if (err != null) {
                result.completeExceptionally(new SimulationException("The run of (" + scenario.name()
                        + ") did not complete: " + err, err));
            } else if (o instanceof Kernel.Completed c) {
                try {
                    result.complete(assembly.result(c));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            } else {
                result.completeExceptionally(new SimulationException("The run of (" + scenario.name()
                        + ") failed: " + ((Kernel.Failed) o).reason(), null));
            }
        });
        return result;
    }

    /** Runs and waits for the result (for CLI and tests; inside actors use {@link #start}). */
    public RunResult run(Scenario scenario, RunOptions options) {
        try {
            return start(scenario, options).toCompletableFuture().join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().join();
    }

    /** Progress of one run. */
    public record Progress(long nowMillis, long horizonMillis, long events) {
        public double fraction() {
            return horizonMillis == 0 ? 1 : Math.min(1.0, (double) nowMillis / horizonMillis);
        }
    }

    /** Root actor: spawns each run's kernel on its lane. */
    static final class Guardian extends AbstractBehavior<Guardian.Command> {

        sealed interface Command {
        }

        record StartRun(int id, int lane, Kernel.Setup setup, Consumer<Progress> listener,
                        ActorRef<Kernel.Outcome> replyTo) implements Command {
        }

        /** The run's future completed; {@code cancelled}: by the caller, so the kernel must stop. */
        record RunEnded(int id, boolean cancelled) implements Command {
        }

        static Behavior<Command> create() {
            return Behaviors.setup(Guardian::new);
        }

        private Guardian(ActorContext<Command> context) {
            super(context);
        }

        @Override
        public Receive<Command> createReceive() {
            return newReceiveBuilder().onMessage(StartRun.class, this::onStartRun)
                    .onMessage(RunEnded.class, this::onRunEnded).build();
        }

        private Behavior<Command> onStartRun(StartRun start) {
            ActorRef<Kernel.Progress> progress = null;
            if (start.listener() != null) {
                Consumer<Progress> l = start.listener();
                progress = getContext().spawn(Behaviors.receive(Kernel.Progress.class)
                                .onMessage(Kernel.Progress.class, p -> {
                                    l.accept(new Progress(p.nowMillis(), p.horizonMillis(), p.events()));
                                    return Behaviors.same();
                                }).build(),
                        "progress-" + start.id());
            }
            getContext().spawn(Kernel.create(start.setup(), start.replyTo(), progress), "run-" + start.id(),
                    DispatcherSelector.fromConfig("plantwin.lane-" + start.lane()));
            return this;
        }

        private Behavior<Command> onRunEnded(RunEnded ended) {
            if (ended.cancelled()) {
                getContext().getChild("run-" + ended.id())
                        .ifPresent(k -> k.<Kernel.Command>unsafeUpcast().tell(Kernel.Cancel.INSTANCE));
            }
            getContext().getChild("progress-" + ended.id()).ifPresent(p -> getContext().stop(p));
            return this;
        }
    }
}
