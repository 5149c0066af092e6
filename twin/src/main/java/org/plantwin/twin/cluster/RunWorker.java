package org.plantwin.twin.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.plantwin.actors.api.ResultJson;
import org.plantwin.actors.api.SimulationRuntime;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Scenario;

/**
 * Runs jobs on this node's {@link SimulationRuntime} lanes and replies with the result as JSON text, so no large
 * object graph crosses nodes. Registered with the receptionist under {@link #KEY}; a coordinator asks for its
 * lanes with {@link Hello} and keeps at most that many of its jobs in flight.
 */
public final class RunWorker extends AbstractBehavior<RunWorker.Command> {

    /** The service key under which every node's worker registers. */
    public static final ServiceKey<Command> KEY = ServiceKey.create(Command.class, "plantwin-run-worker");

    /** Scenarios parsed lately, by their JSON text: an experiment sends the same few texts many times. */
    private static final int SCENARIO_CACHE = 8;

    public sealed interface Command permits Hello, RunJob, Finished {
    }

    /** Asks for the worker's lanes; answered with {@link ClusterRunner.Ready}. */
    public record Hello(ActorRef<ClusterRunner.WorkerReply> replyTo) implements Command, CborSerializable {
    }

    /** Runs one job; answered with {@link ClusterRunner.JobDone} or {@link ClusterRunner.JobFailed}. */
    public record RunJob(long jobId, JobSpec spec, ActorRef<ClusterRunner.WorkerReply> replyTo)
            implements Command, CborSerializable {
    }

    /** A run ended here (local only). */
    private record Finished(long jobId, String resultJson, String error, ActorRef<ClusterRunner.WorkerReply> replyTo)
            implements Command {
    }

    private final SimulationRuntime runtime;
    private final int maxResultChars;
    private final Map<String, Scenario> scenarios = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Scenario> eldest) {
            return size() > SCENARIO_CACHE;
        }
    };

    /**
     * A worker on {@code runtime}'s lanes; results longer than {@code maxResultChars} are refused with a
     * {@link ClusterRunner.JobFailed} rather than dropped by the transport.
     */
    public static Behavior<Command> create(SimulationRuntime runtime, int maxResultChars) {
        Objects.requireNonNull(runtime, "runtime");
        return Behaviors.setup(ctx -> {
            ctx.getSystem().receptionist().tell(Receptionist.register(KEY, ctx.getSelf()));
            return new RunWorker(ctx, runtime, maxResultChars);
        });
    }

    private RunWorker(ActorContext<Command> context, SimulationRuntime runtime, int maxResultChars) {
        super(context);
        this.runtime = runtime;
        this.maxResultChars = maxResultChars;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Hello.class, this::onHello)
                .onMessage(RunJob.class, this::onRunJob)
                .onMessage(Finished.class, this::onFinished)
                .build();
    }

    private Behavior<Command> onHello(Hello hello) {
        hello.replyTo().tell(new ClusterRunner.Ready(getContext().getSelf(), runtime.lanes()));
        return this;
    }

    private Behavior<Command> onRunJob(RunJob job) {
        CompletionStage<String> json;
        try {
            Scenario scenario = scenarios.computeIfAbsent(job.spec().scenarioJson(),
                    text -> Scenarios.parse(text, "cluster job " + job.jobId()));
            json = runtime.start(scenario, job.spec().options()).thenApply(ResultJson::write);
        } catch (RuntimeException e) {
            // The coordinator validated the scenario: a failure here means nodes of different versions.
            job.replyTo().tell(new ClusterRunner.JobFailed(job.jobId(), getContext().getSelf(),
                    "The job cannot start on " + getContext().getSystem().address() + ": " + e.getMessage()));
            return this;
        }
        getContext().pipeToSelf(json, (result, err) -> new Finished(job.jobId(), result,
                err == null ? null : String.valueOf(cause(err).getMessage()), job.replyTo()));
        return this;
    }

    private Behavior<Command> onFinished(Finished f) {
        ActorRef<Command> self = getContext().getSelf();
        if (f.error() != null) {
            f.replyTo().tell(new ClusterRunner.JobFailed(f.jobId(), self, f.error()));
        } else if (f.resultJson().length() > maxResultChars) {
            f.replyTo().tell(new ClusterRunner.JobFailed(f.jobId(), self, "The result (" + f.resultJson().length()
                    + " characters) is larger than a cluster message may be (" + maxResultChars + "). Maybe raise"
                    + " pekko.remote.artery.advanced.maximum-frame-size or record fewer operations."));
        } else {
            f.replyTo().tell(new ClusterRunner.JobDone(f.jobId(), self, f.resultJson()));
        }
        return this;
    }

    private static Throwable cause(Throwable t) {
        return t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
