package org.plantwin.actors.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The kernel with toy logical processes, driven by Pekko's ActorTestKit. */
class KernelTest {

    private static final ActorTestKit TESTKIT = ActorTestKit.create();

    @AfterAll
    static void shutdown() {
        TESTKIT.shutdownTestKit();
    }

    /** Emits a token every {@code periodMillis} to {@code target} with its own local clock; records what it receives. */
    static final class Ticker extends LogicalProcess {
        final int target;
        final long period;
        final long delay;
        final List<String> received = new ArrayList<>();
        int sent;

        Ticker(int index, int target, long period, long delay) {
            super(index, "ticker-" + index);
            this.target = target;
            this.period = period;
            this.delay = delay;
        }

        @Override
        public void init() {
            if (period > 0) {
                scheduleIn(period, 0, 0, null);
            }
        }

        @Override
        protected void onEvent(int code, long datum, Object ref) {
            send(target, delay, "tick " + sent++ + " from " + index() + " at " + now());
            scheduleIn(period, 0, 0, null);
        }

        @Override
        protected void onMessage(Object payload) {
            received.add(now() + ": " + payload);
            if (period == 0 && received.size() % 2 == 1) {
                // An echo with zero delay closes a zero-lookahead cycle.
                send(target, delay, "echo of " + payload);
            }
        }

        @Override
        protected Object report(long end) {
            return List.copyOf(received);
        }
    }

    private Kernel.Completed run(List<LogicalProcess> lps, Map<Integer, Map<Integer, Long>> links, long horizon,
                                 int maxEvents) {
        TestProbe<Kernel.Outcome> probe = TESTKIT.createTestProbe(Kernel.Outcome.class);
        Kernel.Setup setup = new Kernel.Setup(lps, Kernel.links(lps.size(), i -> links.getOrDefault(i, Map.of())),
                horizon, maxEvents);
        TESTKIT.spawn(Kernel.create(setup, probe.getRef(), null));
        Kernel.Outcome o = probe.expectMessageClass(Kernel.Completed.class, Duration.ofSeconds(20));
        return (Kernel.Completed) o;
    }

    @Test
    void deliversMessagesWithLookaheadInTimestampOrder() {
        Ticker a = new Ticker(0, 1, 10, 3);
        Ticker b = new Ticker(1, 0, 0, 3);
        Kernel.Completed done = run(List.of(a, b), Map.of(0, Map.of(1, 3L), 1, Map.of(0, 3L)), 100, 1000);
        @SuppressWarnings("unchecked")
        List<String> atB = (List<String>) done.reports().get(1);
        // Ticks leave A at 10, 20, ..., 90 and reach B 3 ms later; ticks 96+ would arrive past the horizon.
        assertThat(atB).hasSize(9);
        assertThat(atB.get(0)).isEqualTo("13: tick 0 from 0 at 10");
        assertThat(done.stats().deltaWindows()).isZero();
    }

    @Test
    void zeroLookaheadCycleRunsInDeltaWindowsAndStaysDeterministic() {
        List<List<String>> outcomes = new ArrayList<>();
        for (int maxEvents : new int[] {1, 1000}) {
            Ticker a = new Ticker(0, 1, 10, 0);
            Ticker b = new Ticker(1, 0, 0, 0);
            Kernel.Completed done = run(List.of(a, b), Map.of(0, Map.of(1, 0L), 1, Map.of(0, 0L)), 55, maxEvents);
            assertThat(done.stats().deltaWindows()).isPositive();
            @SuppressWarnings("unchecked")
            List<String> atA = (List<String>) done.reports().get(0);
            outcomes.add(atA);
        }
        assertThat(outcomes.get(0)).isEqualTo(outcomes.get(1));
        assertThat(outcomes.get(0)).first().isEqualTo("10: echo of tick 0 from 0 at 10");
        assertThat(outcomes.get(0)).hasSize(3); // B echoes its 1st, 3rd and 5th tick (at 10, 30, 50)
    }

    @Test
    void refusesToScheduleIntoThePast() {
        Ticker t = new Ticker(0, 0, 10, 0);
        t.init();
        t.advance(50, List.of(), 100);
        assertThatThrownBy(() -> t.scheduleAt(5, 0, 0, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(5)").hasMessageContaining("into the past");
    }
}
