package org.plantwin.actors.api;

import java.util.List;

/**
 * Picks which waiting part a free machine takes next. The built-in disciplines (fifo, setupAware, edd, spt) are
 * chosen in the scenario; planners plug their own in per line or machine group through
 * {@link RunOptions#withSchedulingPolicy}. It runs inside the resource's logical process, in simulated time: it
 * must be deterministic and must not block.
 */
public interface SchedulingPolicy {

    /**
     * Marks a line or machine group whose choices an agent makes step by step ({@link SteppedRun}): the run stops
     * at each such decision ({@link DecisionPoint.Scheduling}). Not callable.
     */
    SchedulingPolicy AGENT = view -> {
        throw new IllegalStateException("SchedulingPolicy.AGENT decides through a SteppedRun, not by select().");
    };

    /** The index in {@code view.waiting()} of the part to start now (the list is never empty). */
    int select(View view);

    /**
     * A part waiting in a station's buffer, oldest first: its processing and setup time on this machine (means),
     * and the operations and work (sum of mean processing times on the first machine of each resource) it still
     * has from this step on, this step included.
     */
    record Job(long partId, String product, long enqueuedMillis, long dueMillis, double processMeanMillis,
               double setupMeanMillis, int remainingOperations, double remainingWorkMillis) {
    }

    /** What the policy sees when a machine is free. */
    record View(long nowMillis, String resource, String station, String machine, String lastProduct,
                List<Job> waiting) {
        public View {
            waiting = List.copyOf(waiting);
        }
    }
}
