package org.plantwin.actors.api;

/**
 * A decision the twin hands to an agent when it is stepped ({@link SteppedRun}): where a policy is set to
 * {@link SchedulingPolicy#AGENT}, {@link DispatchPolicy#AGENT} or {@link ReplenishmentPolicy#agent}, the
 * logical process stops at that point, the agent sees the view, and its action is applied before the run goes on.
 */
public sealed interface DecisionPoint {

    /** The simulated time of the decision. */
    long nowMillis();

    /** A free machine and at least two waiting parts; action: the index in {@code view.waiting()} (an Integer). */
    record Scheduling(SchedulingPolicy.View view) implements DecisionPoint {
        @Override
        public long nowMillis() {
            return view.nowMillis();
        }
    }

    /** A free truck and waiting shipments; action: a {@link DispatchPolicy.Decision}. */
    record Dispatch(DispatchPolicy.View view) implements DecisionPoint {
        @Override
        public long nowMillis() {
            return view.nowMillis();
        }
    }

    /** A periodic review; action: the units to order (a Long, >= 0). */
    record Replenishment(ReplenishmentPolicy.View view) implements DecisionPoint {
        @Override
        public long nowMillis() {
            return view.nowMillis();
        }
    }
}
