package org.plantwin.actors.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Drives a run's logical processes in the calling thread, round by round, with the same {@link WindowPlanner} as
 * the {@link Kernel} actor, so it reaches the same results. It exists for agents that step the twin: where an LP
 * stops at a decision point ({@link LogicalProcess#suspend}), {@link #run()} returns the decision, and
 * {@link #decide} hands the action back and runs on to the next one, with no thread hop per step.
 *
 * <p>Not thread-safe: one driver per run, used by one thread at a time.
 */
public final class SyncKernel {

    /** A decision an LP waits for: the LP's index and its request. */
    public record Decision(int lp, Object request) {
    }

    private final Kernel.Setup setup;
    private final WindowPlanner planner;
    private final List<LogicalProcess> lps;
    private List<WindowPlanner.Grant> round;
    private int position;
    private List<Envelope> outbox = new ArrayList<>();
    private long eventsBefore;
    private Decision pending;
    private boolean finished;
    private long reached;
    private long injected;

    public SyncKernel(Kernel.Setup setup) {
        this.setup = setup;
        this.lps = setup.processes();
        this.planner = new WindowPlanner(setup.links(), setup.horizonMillis());
        for (int i = 0; i < lps.size(); i++) {
            LogicalProcess lp = lps.get(i);
            if (lp.index() != i) {
                throw new IllegalArgumentException("The LP (" + lp.name() + ") has index (" + lp.index()
                        + ") but sits at position (" + i + ").");
            }
            lp.init();
            planner.setNext(i, lp.nextEventTime());
        }
    }

    /** Runs until an LP waits for a decision (returned) or the horizon is reached (null). */
    public Decision run() {
        if (pending != null) {
            return pending;
        }
        if (finished) {
            return null;
        }
        Decision d = drive(Long.MAX_VALUE);
        finished = d == null;
        return d;
    }

    /**
     * Runs rounds with bounds capped at {@code limit} (resuming the current one) until an LP waits for a decision
     * (returned, the round kept for {@link #decide}) or every event earlier than {@code limit} and the horizon has
     * run (null).
     */
    private Decision drive(long limit) {
        while (true) {
            if (round == null) {
                round = planner.planRound(limit);
                position = 0;
                if (round.isEmpty()) {
                    round = null;
                    return null;
                }
            }
            while (position < round.size()) {
                WindowPlanner.Grant g = round.get(position);
                LogicalProcess lp = lps.get(g.lp());
                eventsBefore = lp.eventsProcessed();
                outbox = new ArrayList<>(lp.advance(g.boundExclusive(), g.inbox(), setup.maxEventsPerWindow()));
                if (lp.pendingDecision() != null) {
                    pending = new Decision(g.lp(), lp.pendingDecision());
                    return pending;
                }
                planner.accept(g.lp(), lp.nextEventTime(), outbox, lp.eventsProcessed() - eventsBefore);
                position++;
            }
            round = null;
        }
    }

    /** Gives the waiting LP its action and runs on to the next decision (returned) or the horizon (null). */
    public Decision decide(Object action) {
        if (pending == null) {
            throw new IllegalStateException("No decision is pending; action (" + action + ").");
        }
        WindowPlanner.Grant g = round.get(position);
        LogicalProcess lp = lps.get(g.lp());
        pending = null;
        outbox.addAll(lp.resume(action, g.boundExclusive(), setup.maxEventsPerWindow()));
        if (lp.pendingDecision() != null) {
            pending = new Decision(g.lp(), lp.pendingDecision());
            return pending;
        }
        planner.accept(g.lp(), lp.nextEventTime(), outbox, lp.eventsProcessed() - eventsBefore);
        position++;
        return run();
    }

    /**
     * Runs every event earlier than {@code limit} (capped at the horizon) and stops there: the pacing step of a
     * live twin. Afterwards messages stamped {@code limit} or later may be {@link #inject injected}. Not for runs
     * with agent decisions.
     */
    public void advanceTo(long limit) {
        if (pending != null || round != null) {
            throw new IllegalStateException("The run is inside a round (a decision is pending); advanceTo("
                    + limit + ") is only for runs without agents.");
        }
        if (limit < reached) {
            throw new IllegalArgumentException("advanceTo(" + limit + ") goes back before the time already reached ("
                    + reached + ").");
        }
        if (drive(limit) != null) {
            throw new IllegalStateException("LP (" + lps.get(pending.lp()).name() + ") asked for an agent decision in"
                    + " a run advanced by advanceTo; live runs take no agent policies.");
        }
        reached = Math.min(limit, setup.horizonMillis());
    }

    /**
     * Delivers {@code payload} to LP {@code receiver} at {@code time} from outside the run; {@code time} must not be
     * before the time reached by {@link #advanceTo}. Injected messages at one time keep their injection order and
     * go before the LPs' own messages stamped the same time.
     */
    public void inject(int receiver, long time, Object payload) {
        if (time < reached) {
            throw new IllegalArgumentException("An injected message at " + time + " is before the time already"
                    + " reached (" + reached + ").");
        }
        if (receiver < 0 || receiver >= lps.size()) {
            throw new IllegalArgumentException("No LP (" + receiver + ") in a run of " + lps.size() + ".");
        }
        planner.inject(new Envelope(time, -1, -1, injected++, receiver, payload));
    }

    /** The time up to which {@link #advanceTo} has run everything (0 before the first call). */
    public long reached() {
        return reached;
    }

    /** The run's logical processes, for reading their state between steps (never to change it). */
    public List<LogicalProcess> processes() {
        return lps;
    }

    /** The earliest time anything is pending (the simulated now of the run). */
    public long now() {
        return planner.now();
    }

    public boolean finished() {
        return finished;
    }

    /** The LPs' final statistics; only once {@link #run()} has returned null. */
    public Kernel.Completed finish() {
        if (!finished) {
            throw new IllegalStateException("The run has not reached its horizon (now " + now() + ").");
        }
        Object[] reports = new Object[lps.size()];
        for (int i = 0; i < reports.length; i++) {
            reports[i] = lps.get(i).finish(setup.horizonMillis());
        }
        return new Kernel.Completed(Arrays.asList(reports), planner.stats());
    }
}
