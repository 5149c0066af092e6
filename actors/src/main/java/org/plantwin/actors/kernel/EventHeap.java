package org.plantwin.actors.kernel;

/**
 * A logical process's local agenda: a binary min-heap of timed events ordered by (time, priority, sequence).
 *
 * <p>Events are stored in parallel primitive arrays (no object per event) because this is the innermost loop of
 * every run. An event carries an int code (kind and target, the owner decides), a long datum and an optional
 * reference. Sequence numbers come from the heap's own counter, so equal-time events of equal priority pop in the
 * order they were scheduled.
 */
public final class EventHeap {

    private long[] time = new long[64];
    private long[] order = new long[64];
    private int[] code = new int[64];
    private long[] data = new long[64];
    private Object[] ref = new Object[64];
    private int size;
    private long nextSeq;

    // The popped event, read through the accessors below until the next pop.
    private long topTime;
    private int topCode;
    private long topData;
    private Object topRef;

    /**
     * Schedules an event at absolute time {@code at}.
     *
     * @param priority lower pops first among events at the same time; 0..32767
     */
    public void scheduleAt(long at, int priority, int eventCode, long datum, Object reference) {
        if (size == time.length) {
            grow();
        }
        long o = ((long) priority << 48) | (nextSeq++ & 0xFFFF_FFFF_FFFFL);
        int i = size++;
        // Sift up.
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (less(at, o, time[parent], order[parent])) {
                move(parent, i);
                i = parent;
            } else {
                break;
            }
        }
        time[i] = at;
        order[i] = o;
        code[i] = eventCode;
        data[i] = datum;
        ref[i] = reference;
    }

    private static boolean less(long t1, long o1, long t2, long o2) {
        return t1 < t2 || (t1 == t2 && o1 < o2);
    }

    private void move(int from, int to) {
        time[to] = time[from];
        order[to] = order[from];
        code[to] = code[from];
        data[to] = data[from];
        ref[to] = ref[from];
    }

    private void grow() {
        int n = time.length * 2;
        time = java.util.Arrays.copyOf(time, n);
        order = java.util.Arrays.copyOf(order, n);
        code = java.util.Arrays.copyOf(code, n);
        data = java.util.Arrays.copyOf(data, n);
        ref = java.util.Arrays.copyOf(ref, n);
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int size() {
        return size;
    }

    /** Time of the earliest event, or {@link Long#MAX_VALUE} when empty. */
    public long peekTime() {
        return size == 0 ? Long.MAX_VALUE : time[0];
    }

    /** Removes the earliest event; read it with {@link #time()}, {@link #code()}, {@link #datum()}, {@link #reference()}. */
    public void pop() {
        if (size == 0) {
            throw new IllegalStateException("The agenda is empty: nothing to pop.");
        }
        topTime = time[0];
        topCode = code[0];
        topData = data[0];
        topRef = ref[0];
        int last = --size;
        long lt = time[last];
        long lo = order[last];
        int lc = code[last];
        long ld = data[last];
        Object lr = ref[last];
        ref[last] = null;
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && less(time[right], order[right], time[child], order[child])) {
                child = right;
            }
            if (!less(time[child], order[child], lt, lo)) {
                break;
            }
            move(child, i);
            i = child;
        }
        if (size > 0) {
            time[i] = lt;
            order[i] = lo;
            code[i] = lc;
            data[i] = ld;
            ref[i] = lr;
        }
    }

    public long time() {
        return topTime;
    }

    public int code() {
        return topCode;
    }

    public long datum() {
        return topData;
    }

    public Object reference() {
        return topRef;
    }
}
