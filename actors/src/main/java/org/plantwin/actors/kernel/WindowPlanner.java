package org.plantwin.actors.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The conservative-window algorithm of the kernel, without actors: it tracks each logical process's next event and
 * undelivered messages, plans a round (which LPs may advance, to which bound, with which inbox) and takes the
 * results back. The {@link Kernel} actor drives it with Pekko messages; {@link SyncKernel} drives it in one thread
 * (for environments stepped by an agent). Both see the same rounds, so both give the same results.
 *
 * <p>Each round it computes, for every LP, the earliest time anything could still happen to it
 * ({@code A_i = min(own next event, undelivered messages, A_k + lookahead(k, i) over its predecessors k)}), then
 * grants each LP the bound {@code B_i = min_k (A_k + lookahead(k, i))}. Where zero lookahead in a cycle leaves no
 * LP able to move, the round is a delta round at the earliest time {@code T}.
 */
public final class WindowPlanner {

    /** One LP's share of a round: advance to {@code boundExclusive} with {@code inbox}. */
    public record Grant(int lp, long boundExclusive, List<Envelope> inbox) {
    }

    private final int n;
    private final long horizon;
    private final long[] next;
    private final List<ArrayList<Envelope>> pending = new ArrayList<>();
    private final boolean[] unsorted;
    private final long[][] predLp;
    private final long[][] predDelay;
    /** Scratch arrays reused by every round (a stepped run plans many small rounds). */
    private final long[] act;
    private final long[] earliest;
    private final long[] bound;
    private final boolean hasLinks;
    private long windows;
    private long deltaWindows;
    private long events;
    private long messages;

    public WindowPlanner(List<TreeMap<Integer, Long>> links, long horizonMillis) {
        this.n = links.size();
        this.horizon = horizonMillis;
        this.next = new long[n];
        this.unsorted = new boolean[n];
        List<List<long[]>> preds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            preds.add(new ArrayList<>());
            pending.add(new ArrayList<>());
        }
        for (int k = 0; k < n; k++) {
            for (Map.Entry<Integer, Long> e : links.get(k).entrySet()) {
                preds.get(e.getKey()).add(new long[] {k, e.getValue()});
            }
        }
        predLp = new long[n][];
        predDelay = new long[n][];
        boolean links0 = false;
        for (int i = 0; i < n; i++) {
            predLp[i] = preds.get(i).stream().mapToLong(a -> a[0]).toArray();
            predDelay[i] = preds.get(i).stream().mapToLong(a -> a[1]).toArray();
            links0 |= predLp[i].length > 0;
        }
        this.hasLinks = links0;
        this.act = new long[n];
        this.earliest = new long[n];
        this.bound = new long[n];
    }

    public int size() {
        return n;
    }

    public long horizon() {
        return horizon;
    }

    /** Sets an LP's next local event time (after init or an advance). */
    public void setNext(int lp, long time) {
        next[lp] = time;
    }

    /** Takes an LP's outcome of a round: its next event time, its messages, how many events it handled. */
    public void accept(int lp, long nextEventTime, List<Envelope> outbox, long eventCount) {
        next[lp] = nextEventTime;
        events += eventCount;
        for (Envelope e : outbox) {
            pending.get(e.receiver()).add(e);
            unsorted[e.receiver()] = true;
            messages++;
        }
    }

    private static long plus(long a, long b) {
        long s = a + b;
        return (s < a) ? Long.MAX_VALUE : s;
    }

    private long activity(int i) {
        List<Envelope> q = pending.get(i);
        if (unsorted[i]) {
            q.sort(null);
            unsorted[i] = false;
        }
        return q.isEmpty() ? next[i] : Math.min(next[i], q.get(0).time());
    }

    /** The earliest pending activity of any LP, capped at the horizon (for progress reports). */
    public long now() {
        long t = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            t = Math.min(t, activity(i));
        }
        return Math.min(t, horizon);
    }

    /**
     * Plans the next round, in LP order; an empty list means the run has reached its horizon. The inboxes are
     * removed from the undelivered messages.
     */
    public List<Grant> planRound() {
        return planRound(horizon);
    }

    /**
     * Plans the next round with every bound capped at {@code limit} (at most the horizon): once it returns an empty
     * list, every LP has handled everything earlier than {@code limit}, and messages stamped {@code limit} or later
     * may still be {@link #inject injected}. A live twin paces the run this way; the rounds differ from an
     * uncapped run's, the results do not (windows never change what an LP sees, only when).
     */
    public List<Grant> planRound(long limit) {
        long cap = Math.min(limit, horizon);
        for (int i = 0; i < n; i++) {
            act[i] = activity(i);
        }
        long[] a = earliest;
        System.arraycopy(act, 0, a, 0, n);
        boolean changed = hasLinks;
        for (int pass = 0; changed && pass <= n; pass++) {
            changed = false;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < predLp[i].length; j++) {
                    long via = plus(a[(int) predLp[i][j]], predDelay[i][j]);
                    if (via < a[i]) {
                        a[i] = via;
                        changed = true;
                    }
                }
            }
        }
        boolean any = false;
        for (int i = 0; i < n; i++) {
            long b = Long.MAX_VALUE;
            for (int j = 0; j < predLp[i].length; j++) {
                b = Math.min(b, plus(a[(int) predLp[i][j]], predDelay[i][j]));
            }
            bound[i] = Math.min(b, cap);
            any |= act[i] < bound[i];
        }
        if (!any) {
            long t = Long.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                t = Math.min(t, act[i]);
            }
            if (t >= cap) {
                return List.of();
            }
            deltaWindows++;
            for (int i = 0; i < n; i++) {
                bound[i] = act[i] == t ? t + 1 : 0;
            }
        }
        windows++;
        List<Grant> grants = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (act[i] < bound[i]) {
                ArrayList<Envelope> q = pending.get(i);
                int k = 0;
                while (k < q.size() && q.get(k).time() < bound[i]) {
                    k++;
                }
                List<Envelope> inbox;
                if (k == q.size()) {
                    inbox = q;
                    pending.set(i, new ArrayList<>());
                } else {
                    List<Envelope> head = q.subList(0, k);
                    inbox = new ArrayList<>(head);
                    head.clear();
                }
                grants.add(new Grant(i, bound[i], inbox));
            }
        }
        return grants;
    }

    /**
     * Adds a message from outside the run (telemetry of a live twin), to be delivered like any LP's message. Its
     * time must not be earlier than the limit the run was last {@link #planRound(long) planned} to.
     */
    public void inject(Envelope e) {
        pending.get(e.receiver()).add(e);
        unsorted[e.receiver()] = true;
        messages++;
    }

    public Kernel.Stats stats() {
        return new Kernel.Stats(n, windows, deltaWindows, events, messages);
    }
}
