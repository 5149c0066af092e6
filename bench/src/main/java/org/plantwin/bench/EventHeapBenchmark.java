package org.plantwin.bench;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.plantwin.actors.kernel.EventHeap;

/**
 * The classic "hold" benchmark of an event list: with {@code pending} events in the agenda, one operation pops the
 * earliest event and schedules a new one at its time plus an exponential sample, so the size stays constant.
 * Compares the kernel's {@link EventHeap} (parallel primitive arrays) with a {@link PriorityQueue} of event objects,
 * the structure most Java simulators start from (the baseline).
 *
 * <p>The increments are drawn once per trial from a fixed seed (Exp with mean 60,000 ms, i.e. one simulated minute)
 * and replayed cyclically, so the measurement holds the agenda work and not the random number generator.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EventHeapBenchmark {

    private static final int INCREMENTS = 1 << 16; // power of two: the index wraps with a mask
    private static final double MEAN_MILLIS = 60_000.0;

    /** Events pending in the agenda during the measurement. */
    @Param({"1000", "100000"})
    public int pending;

    private long[] increments;
    private int next;
    private EventHeap heap;
    private PriorityQueue<Event> queue;
    private long queueSeq;

    /** An event as an object, as a PriorityQueue-based agenda stores it; ordered like EventHeap's entries. */
    record Event(long time, long order, int code, long datum, Object ref) {
    }

    private static final Comparator<Event> ORDER =
            Comparator.comparingLong(Event::time).thenComparingLong(Event::order);

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(42);
        increments = new long[INCREMENTS];
        for (int i = 0; i < INCREMENTS; i++) {
            increments[i] = (long) (-MEAN_MILLIS * Math.log(1.0 - rng.nextDouble()));
        }
        heap = new EventHeap();
        queue = new PriorityQueue<>(pending, ORDER);
        for (int i = 0; i < pending; i++) {
            long t = increments[i & (INCREMENTS - 1)];
            heap.scheduleAt(t, 1, i & 7, i, null);
            queue.add(new Event(t, (1L << 48) | queueSeq++, i & 7, i, null));
        }
        next = pending;
    }

    private long nextIncrement() {
        return increments[next++ & (INCREMENTS - 1)];
    }

    /** One hold on the kernel's primitive-array heap; returns the popped time so nothing is dead code. */
    @Benchmark
    public long eventHeapHold() {
        EventHeap h = heap;
        h.pop();
        long now = h.time();
        h.scheduleAt(now + nextIncrement(), 1, h.code(), h.datum(), null);
        return now;
    }

    /** Baseline: the same hold on java.util.PriorityQueue of event records (one allocation per event). */
    @Benchmark
    public long priorityQueueHold() {
        Event e = queue.poll();
        long now = e.time();
        queue.add(new Event(now + nextIncrement(), (1L << 48) | queueSeq++, e.code(), e.datum(), null));
        return now;
    }
}
