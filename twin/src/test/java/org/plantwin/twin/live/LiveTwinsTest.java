package org.plantwin.twin.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Pacing: a twin follows its (here: test-driven) wall clock at its speed; a manual twin does not move. */
class LiveTwinsTest {

    private static final ActorSystem<Void> SYSTEM = ActorSystem.create(Behaviors.empty(), "live-twins-test");

    @AfterAll
    static void stop() {
        SYSTEM.terminate();
    }

    @Test
    void aTwinKeepsPaceWithTheWallClockAtItsSpeed() throws Exception {
        AtomicLong wall = new AtomicLong(1_000_000);
        try (LiveTwins twins = LiveTwins.open(SYSTEM, Executors.newSingleThreadExecutor(), null, wall::get)) {
            twins.create("fast", "supply-chain", null, 1, 60.0);
            twins.create("manual", "supply-chain", null, 1, 0.0);
            wall.addAndGet(90_000); // 90 s of wall time: 90 min of twin time at 60x
            assertThat(await(twins, "fast", 90 * 60_000L)).isEqualTo(90 * 60_000L);
            TimeUnit.MILLISECONDS.sleep(500); // a few pacer ticks (real time, outside the simulation)
            assertThat(twins.read("manual", t -> t.now()).toCompletableFuture().get()).isZero();
        }
    }

    private static long await(LiveTwins twins, String id, long target) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        long now = -1;
        while (System.nanoTime() < deadline && now < target) {
            now = twins.read(id, t -> t.now()).toCompletableFuture().get();
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return now;
    }
}
