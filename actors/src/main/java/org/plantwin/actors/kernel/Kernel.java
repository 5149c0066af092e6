package org.plantwin.actors.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.ChildFailed;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * Owns the global clock of one run and synchronises its logical processes with conservative windows, planned
 * by {@link WindowPlanner}.
 *
 * <p>Each round it computes, for every LP, the earliest time anything could still happen to it
 * ({@code A_i = min(own next event, undelivered messages, A_k + lookahead(k, i) over its predecessors k)}), then
 * grants each LP the bound {@code B_i = min_k (A_k + lookahead(k, i))}: nothing can reach it before that, so it
 * may process everything earlier in one go. An LP without predecessors may run to the horizon. Where zero
 * lookahead in a cycle leaves no LP able to move, the round is a delta round: the LPs with work at the earliest
 * time {@code T} process time {@code T} only, and zero-delay messages go in further rounds at the same {@code T}.
 * Every round is a barrier and routed messages are sorted by (time, priority, sender, sequence), so the result
 * never depends on thread scheduling.
 */
public final class Kernel extends AbstractBehavior<Kernel.Command> {

    /** Messages to the kernel. */
    public sealed interface Command {
    }

    /** An LP's reply to {@link LpActor.Advance}. */
    public record Advanced(long round, int lp, long nextEventTime, List<Envelope> outbox, long events)
            implements Command {
        public Advanced {
            outbox = List.copyOf(outbox);
        }
    }

    /** An LP's final statistics. */
    public record Finished(int lp, Object report) implements Command {
    }

    /** Stop the run early; the requester gets {@link Failed}. */
    public enum Cancel implements Command {
        INSTANCE
    }

    /** The outcome of a run. */
    public sealed interface Outcome {
    }

    /** The run reached its horizon; {@code reports} are the LPs' final statistics, by LP index. */
    public record Completed(List<Object> reports, Stats stats) implements Outcome {
        public Completed {
            reports = List.copyOf(reports);
        }
    }

    /** The run failed or was cancelled. */
    public record Failed(String reason) implements Outcome {
    }

    /** What the kernel did; deterministic. */
    public record Stats(int logicalProcesses, long windows, long deltaWindows, long events, long messages) {
    }

    /** Progress of a run, sent to an optional listener after each window. */
    public record Progress(long nowMillis, long horizonMillis, long events) {
    }

    /** Everything a kernel needs: the LPs, their links with lookahead, the horizon. */
    public record Setup(List<LogicalProcess> processes, List<TreeMap<Integer, Long>> links, long horizonMillis,
                        int maxEventsPerWindow) {
    }

    private final Setup setup;
    private final ActorRef<Outcome> replyTo;
    private final ActorRef<Progress> progress;
    private final int n;
    private final List<ActorRef<LpActor.Command>> lps = new ArrayList<>();
    private final WindowPlanner planner;
    private final long horizon;
    private final Object[] reports;
    private long round;
    private int awaiting;
    private int finishing = -1;
    private boolean done;

    public static Behavior<Command> create(Setup setup, ActorRef<Outcome> replyTo, ActorRef<Progress> progress) {
        return Behaviors.setup(ctx -> new Kernel(ctx, setup, replyTo, progress));
    }

    private Kernel(ActorContext<Command> context, Setup setup, ActorRef<Outcome> replyTo,
                   ActorRef<Progress> progress) {
        super(context);
        this.setup = setup;
        this.replyTo = replyTo;
        this.progress = progress;
        this.n = setup.processes().size();
        this.horizon = setup.horizonMillis();
        this.reports = new Object[n];
        this.planner = new WindowPlanner(setup.links(), horizon);
        for (int i = 0; i < n; i++) {
            LogicalProcess lp = setup.processes().get(i);
            if (lp.index() != i) {
                throw new IllegalArgumentException("The LP (" + lp.name() + ") has index (" + lp.index()
                        + ") but sits at position (" + i + ").");
            }
            // The LP is initialised here, before its actor exists, so the first window knows its first event;
            // from then on only its actor touches it.
            lp.init();
            planner.setNext(i, lp.nextEventTime());
            ActorRef<LpActor.Command> ref = context.spawn(LpActor.create(lp), "lp-" + i,
                    DispatcherSelector.sameAsParent());
            context.watch(ref);
            lps.add(ref);
        }
        startRound();
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Advanced.class, this::onAdvanced)
                .onMessage(Finished.class, this::onFinished)
                .onMessage(Cancel.class, c -> fail("cancelled"))
                .onSignal(ChildFailed.class, this::onChildFailed)
                .onSignal(Terminated.class, t -> this)
                .build();
    }

    private void startRound() {
        List<WindowPlanner.Grant> grants = planner.planRound();
        if (grants.isEmpty()) {
            finish();
            return;
        }
        round++;
        awaiting = grants.size();
        for (WindowPlanner.Grant g : grants) {
            lps.get(g.lp()).tell(new LpActor.Advance(round, g.boundExclusive(), g.inbox(),
                    setup.maxEventsPerWindow(), getContext().getSelf()));
        }
    }

    private Behavior<Command> onAdvanced(Advanced r) {
        if (r.round() != round || done) {
            throw new IllegalStateException("The reply of LP (" + r.lp() + ") for round (" + r.round()
                    + ") arrived in round (" + round + ").");
        }
        planner.accept(r.lp(), r.nextEventTime(), r.outbox(), r.events());
        if (--awaiting == 0) {
            if (progress != null) {
                progress.tell(new Progress(planner.now(), horizon, planner.stats().events()));
            }
            startRound();
        }
        return this;
    }

    private void finish() {
        finishing = n;
        for (ActorRef<LpActor.Command> lp : lps) {
            lp.tell(new LpActor.Finish(horizon, getContext().getSelf()));
        }
    }

    private Behavior<Command> onFinished(Finished f) {
        reports[f.lp()] = f.report();
        if (--finishing == 0) {
            done = true;
            replyTo.tell(new Completed(Arrays.asList(reports), planner.stats()));
            return Behaviors.stopped();
        }
        return this;
    }

    private Behavior<Command> onChildFailed(ChildFailed failed) {
        Throwable cause = failed.getCause();
        return fail("a logical process failed: " + cause);
    }

    private Behavior<Command> fail(String reason) {
        if (!done) {
            done = true;
            replyTo.tell(new Failed(reason));
        }
        return Behaviors.stopped();
    }

    /** Builds {@link Setup} links from a function giving each LP's successors and delays. */
    public static List<TreeMap<Integer, Long>> links(int n, Function<Integer, Map<Integer, Long>> successors) {
        List<TreeMap<Integer, Long>> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(new TreeMap<>(successors.apply(i)));
        }
        return l;
    }
}
