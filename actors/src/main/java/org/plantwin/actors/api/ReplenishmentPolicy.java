package org.plantwin.actors.api;

/**
 * Decides, at every periodic review, how many units of one product a warehouse orders (from production or its
 * supplier, as the scenario says). It replaces the scenario's policy for that product when plugged in through
 * {@link RunOptions#withReplenishmentPolicy}: this is where forecast-driven planning plugs into the twin.
 * It runs inside the warehouse's logical process, in simulated time: deterministic, no blocking, no wall clock.
 */
public interface ReplenishmentPolicy {

    /** Time between reviews, in simulated milliseconds (also the length of a demand period in the history). */
    long reviewPeriodMillis();

    /** Units to order now; 0 for none. */
    long order(View view);

    /**
     * A product whose orders an agent decides at each review, step by step ({@link SteppedRun}): the run stops at
     * every review ({@link DecisionPoint.Replenishment}).
     */
    static ReplenishmentPolicy agent(long reviewPeriodMillis) {
        return new AgentReplenishment(reviewPeriodMillis);
    }

    /** The marker {@link #agent} returns. */
    record AgentReplenishment(long reviewPeriodMillis) implements ReplenishmentPolicy {
        @Override
        public long order(View view) {
            throw new IllegalStateException("An agent replenishment policy decides through a SteppedRun.");
        }
    }

    /**
     * The state at a review. {@code demandHistory[i]} is the units customers ordered in period {@code i}
     * (periods of {@code reviewPeriodMillis} from time 0; only complete periods, the last one just ended).
     */
    record View(long nowMillis, String warehouse, String product, long onHand, long onOrder, long backordered,
                double[] demandHistory) {
        public View {
            demandHistory = demandHistory.clone();
        }

        /** On hand + on order - backordered. */
        public long position() {
            return onHand + onOrder - backordered;
        }
    }
}
