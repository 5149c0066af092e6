package org.plantwin.actors.api;

import java.util.List;

/**
 * Picks which waiting part a free machine takes next. The built-in disciplines (fifo, setupAware, edd, spt) are
 * chosen in the scenario; planners plug their own in per line or machine group through
 * {@link RunOptions#withSchedulingPolicy}. It runs inside the resource's logical process, in simulated time: it
 * must be deterministic and must not block.
 */
public interface SchedulingPolicy {

    /** The index in {@code view.waiting()} of the part to start now (the list is never empty). */
    int select(View view);

    /** A part waiting in a station's buffer, oldest first. */
    record Job(long partId, String product, long enqueuedMillis, long dueMillis, double processMeanMillis,
               double setupMeanMillis) {
    }

    /** What the policy sees when a machine is free. */
    record View(long nowMillis, String resource, String station, String machine, String lastProduct,
                List<Job> waiting) {
        public View {
            waiting = List.copyOf(waiting);
        }
    }
}
