package org.plantwin.actors.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * The simulation logic of one logical process (LP): its state, its local agenda, and the messages it sends.
 * An {@link LpActor} hosts exactly one LP and drives it with the kernel's {@code Advance} windows; the LP itself
 * never sees actors, threads or clocks, which keeps it deterministic and testable without Pekko.
 */
public abstract class LogicalProcess {

    protected final EventHeap agenda = new EventHeap();
    private final int index;
    private final String name;
    private long now;
    private long sendSeq;
    private List<Envelope> outbox = new ArrayList<>();
    /**
     * Delivered messages not yet handled, in the kernel's order. They are merged with the agenda instead of being
     * pushed into it: a sink may receive tens of thousands per window, and a heap of that size costs more than a
     * sorted queue. Messages delivered later are never earlier than these (the kernel's bound guarantees it).
     */
    private final java.util.ArrayDeque<Envelope> inboxQueue = new java.util.ArrayDeque<>();
    private long eventsProcessed;
    /** The decision this LP waits for, or null; set by {@link #suspend} inside an event handler. */
    private Object pendingDecision;

    protected LogicalProcess(int index, String name) {
        this.index = index;
        this.name = name;
    }

    public final int index() {
        return index;
    }

    public final String name() {
        return name;
    }

    /** The current simulated time of this LP, in milliseconds. */
    protected final long now() {
        return now;
    }

    public final long eventsProcessed() {
        return eventsProcessed;
    }

    /** Earliest pending local event or undelivered message, or {@link Long#MAX_VALUE}. */
    public final long nextEventTime() {
        Envelope e = inboxQueue.peekFirst();
        return e == null ? agenda.peekTime() : Math.min(e.time(), agenda.peekTime());
    }

    /** Schedules a local event {@code delayMillis} after now. */
    protected final void scheduleIn(long delayMillis, int code, long datum, Object ref) {
        if (delayMillis < 0) {
            throw new IllegalArgumentException("The delay (" + delayMillis + ") of event (" + code + ") in LP ("
                    + name + ") must be >= 0.");
        }
        agenda.scheduleAt(now + delayMillis, 1, code, datum, ref);
    }

    /** Schedules a local event at absolute time {@code atMillis}. */
    protected final void scheduleAt(long atMillis, int code, long datum, Object ref) {
        if (atMillis < now) {
            throw new IllegalArgumentException("The time (" + atMillis + ") of event (" + code + ") in LP (" + name
                    + ") is before now (" + now + "): scheduling into the past.");
        }
        agenda.scheduleAt(atMillis, 1, code, datum, ref);
    }

    /** Schedules a local event at absolute time {@code atMillis} with a priority (lower first; local events use 1). */
    protected final void scheduleAtPriority(long atMillis, int priority, int code, long datum, Object ref) {
        if (atMillis < now) {
            throw new IllegalArgumentException("The time (" + atMillis + ") of event (" + code + ") in LP (" + name
                    + ") is before now (" + now + "): scheduling into the past.");
        }
        agenda.scheduleAt(atMillis, priority, code, datum, ref);
    }

    /**
     * Stops this LP after the current event until an agent decides: the driver reads {@link #pendingDecision()},
     * and {@link #resume} hands the action to {@link #onDecision} and carries on. Only one decision at a time.
     */
    protected final void suspend(Object request) {
        if (pendingDecision != null) {
            throw new IllegalStateException("LP (" + name + ") is already waiting for a decision.");
        }
        pendingDecision = java.util.Objects.requireNonNull(request, "request");
    }

    /** The decision this LP waits for, or null. */
    public final Object pendingDecision() {
        return pendingDecision;
    }

    /** Applies an agent's action to the pending decision, then continues as {@link #advance} would. */
    public final List<Envelope> resume(Object action, long boundExclusive, int maxEvents) {
        if (pendingDecision == null) {
            throw new IllegalStateException("LP (" + name + ") waits for no decision; action (" + action + ").");
        }
        Object request = pendingDecision;
        pendingDecision = null;
        onDecision(request, action);
        return advance(boundExclusive, List.of(), maxEvents);
    }

    /** Applies {@code action} to the decision {@code request} this LP asked for. */
    protected void onDecision(Object request, Object action) {
        throw new UnsupportedOperationException("LP (" + name + ") takes no decisions.");
    }

    /** Sends {@code payload} to LP {@code receiver}, arriving {@code delayMillis} after now. */
    protected final void send(int receiver, long delayMillis, Object payload) {
        if (delayMillis < 0) {
            throw new IllegalArgumentException("The delay (" + delayMillis + ") of a message from LP (" + name
                    + ") must be >= 0.");
        }
        outbox.add(new Envelope(now + delayMillis, 0, index, sendSeq++, receiver, payload));
    }

    /**
     * Processes, in (time, priority, sequence) order, the delivered messages and every local event earlier than
     * {@code boundExclusive}, stopping early after {@code maxEvents} events.
     *
     * @return the messages sent meanwhile
     */
    public final List<Envelope> advance(long boundExclusive, List<Envelope> inbox, int maxEvents) {
        for (Envelope e : inbox) {
            Envelope last = inboxQueue.peekLast();
            if (e.time() < now || (last != null && e.compareTo(last) < 0)) {
                throw new IllegalStateException("LP (" + name + ") at " + now + " received a message stamped "
                        + e.time() + " out of order: causality violated.");
            }
            inboxQueue.addLast(e);
        }
        int n = 0;
        while (n < maxEvents && pendingDecision == null) {
            Envelope m = inboxQueue.peekFirst();
            long tEvent = agenda.peekTime();
            // Among equal times, delivered messages go before local events.
            if (m != null && m.time() <= tEvent) {
                if (m.time() >= boundExclusive) {
                    break;
                }
                inboxQueue.pollFirst();
                now = m.time();
                n++;
                onMessage(m.payload());
            } else {
                if (tEvent >= boundExclusive) {
                    break;
                }
                agenda.pop();
                now = agenda.time();
                n++;
                onEvent(agenda.code(), agenda.datum(), agenda.reference());
            }
        }
        eventsProcessed += n;
        if (outbox.isEmpty()) {
            return List.of();
        }
        List<Envelope> out = outbox;
        outbox = new ArrayList<>();
        return out;
    }

    /** Brings the clock to {@code end} (no events there) and closes the statistics. */
    public final Object finish(long end) {
        if (end < now) {
            throw new IllegalStateException("LP (" + name + ") cannot finish at " + end + " before now " + now + ".");
        }
        now = end;
        return report(end);
    }

    /** Handles a local event. */
    protected abstract void onEvent(int code, long datum, Object ref);

    /** Handles a message delivered by the kernel. */
    protected abstract void onMessage(Object payload);

    /** The LP's statistics at {@code end}, as an immutable object the kernel merges into the run result. */
    protected abstract Object report(long end);

    /** Called once before the first window, at time 0, to schedule initial events. */
    public abstract void init();
}
