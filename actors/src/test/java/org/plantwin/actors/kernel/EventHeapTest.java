package org.plantwin.actors.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EventHeapTest {

    @Test
    void popsByTimeThenPriorityThenSchedulingOrder() {
        EventHeap h = new EventHeap();
        h.scheduleAt(10, 1, 1, 0, null);
        h.scheduleAt(5, 1, 2, 0, null);
        h.scheduleAt(10, 0, 3, 0, null);
        h.scheduleAt(10, 1, 4, 0, null);
        h.scheduleAt(5, 1, 5, 0, null);
        List<Integer> codes = new ArrayList<>();
        while (!h.isEmpty()) {
            h.pop();
            codes.add(h.code());
        }
        assertThat(codes).containsExactly(2, 5, 3, 1, 4);
    }

    @Test
    void agreesWithPriorityQueueOnRandomHoldModel() {
        Random rnd = new Random(1); // test data only, not simulation code
        EventHeap h = new EventHeap();
        PriorityQueue<long[]> ref = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
                : Long.compare(a[1], b[1]));
        long seq = 0;
        for (int i = 0; i < 1000; i++) {
            long t = rnd.nextInt(500);
            h.scheduleAt(t, 1, i, t * 7, null);
            ref.add(new long[] {t, seq++, i});
        }
        for (int i = 0; i < 20_000; i++) {
            h.pop();
            long[] r = ref.poll();
            assertThat(h.time()).isEqualTo(r[0]);
            assertThat(h.code()).isEqualTo((int) r[2]);
            assertThat(h.datum()).isEqualTo(r[0] * 7);
            long t = h.time() + rnd.nextInt(100);
            h.scheduleAt(t, 1, i + 1000, t * 7, null);
            ref.add(new long[] {t, seq++, i + 1000});
        }
        assertThat(h.size()).isEqualTo(ref.size());
    }

    @Test
    void rejectsPopOnEmptyAgenda() {
        assertThatThrownBy(() -> new EventHeap().pop()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("empty");
    }
}
