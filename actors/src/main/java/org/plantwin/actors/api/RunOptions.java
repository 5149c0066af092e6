package org.plantwin.actors.api;

import java.util.Map;
import java.util.TreeMap;

/**
 * How to run a scenario: seed and horizon overrides, replication index (its streams derive from seed and index),
 * the largest number of events a logical process handles per window (bounds message sizes; results do not depend
 * on it), an optional history period ({@link #withHistory}), and dispatch policies that replace a fleet's built-in
 * rule (by fleet id: the planners' plug-in point); likewise scheduling, replenishment and maintenance policies.
 */
public record RunOptions(Long seedOverride, Long horizonMillisOverride, int replication, int maxEventsPerWindow,
                         Map<String, DispatchPolicy> dispatchPolicies,
                         Map<String, SchedulingPolicy> schedulingPolicies,
                         Map<String, ReplenishmentPolicy> replenishmentPolicies, long batchMillis,
                         int operationTraceLimit, long historyPeriodMillis,
                         Map<String, MaintenancePolicy> maintenancePolicies) {

    public static final int DEFAULT_MAX_EVENTS = 65_536;

    public RunOptions {
        if (replication < 0) {
            throw new IllegalArgumentException("The replication (" + replication + ") must be >= 0.");
        }
        if (maxEventsPerWindow < 1) {
            throw new IllegalArgumentException("The maxEventsPerWindow (" + maxEventsPerWindow + ") must be >= 1.");
        }
        if (operationTraceLimit < 0) {
            throw new IllegalArgumentException("The operation trace limit (" + operationTraceLimit + ") must be >= 0.");
        }
        if (batchMillis < 0) {
            throw new IllegalArgumentException("The batch length (" + batchMillis + " ms) must be >= 0 (0 = no series).");
        }
        if (historyPeriodMillis < 0) {
            throw new IllegalArgumentException("The history period (" + historyPeriodMillis + " ms) must be >= 0 (0 = no history).");
        }
        if (horizonMillisOverride != null && horizonMillisOverride <= 0) {
            throw new IllegalArgumentException("The horizon (" + horizonMillisOverride + " ms) must be > 0.");
        }
        dispatchPolicies = dispatchPolicies == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(dispatchPolicies));
        schedulingPolicies = schedulingPolicies == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(schedulingPolicies));
        replenishmentPolicies = replenishmentPolicies == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(replenishmentPolicies));
        maintenancePolicies = maintenancePolicies == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(maintenancePolicies));
    }

    public static RunOptions defaults() {
        return new RunOptions(null, null, 0, DEFAULT_MAX_EVENTS, null, null, null, 0, 0, 0, null);
    }

    public RunOptions withSeed(long seed) {
        return new RunOptions(seed, horizonMillisOverride, replication, maxEventsPerWindow, dispatchPolicies,
                schedulingPolicies, replenishmentPolicies, batchMillis,
                operationTraceLimit, historyPeriodMillis, maintenancePolicies);
    }

    public RunOptions withHorizonMillis(long horizonMillis) {
        return new RunOptions(seedOverride, horizonMillis, replication, maxEventsPerWindow, dispatchPolicies,
                schedulingPolicies, replenishmentPolicies, batchMillis,
                operationTraceLimit, historyPeriodMillis, maintenancePolicies);
    }

    public RunOptions withReplication(int k) {
        return new RunOptions(seedOverride, horizonMillisOverride, k, maxEventsPerWindow, dispatchPolicies,
                schedulingPolicies, replenishmentPolicies, batchMillis,
                operationTraceLimit, historyPeriodMillis, maintenancePolicies);
    }

    public RunOptions withMaxEventsPerWindow(int n) {
        return new RunOptions(seedOverride, horizonMillisOverride, replication, n, dispatchPolicies,
                schedulingPolicies, replenishmentPolicies, batchMillis,
                operationTraceLimit, historyPeriodMillis, maintenancePolicies);
    }

    /**
     * Uses {@code policy} for product {@code productId} in warehouse {@code warehouseId} instead of the scenario's
     * replenishment policy (the key is {@code "warehouse/product"}).
     */
    public RunOptions withReplenishmentPolicy(String warehouseId, String productId, ReplenishmentPolicy policy) {
        Map<String, ReplenishmentPolicy> m = new TreeMap<>(replenishmentPolicies);
        m.put(warehouseId + "/" + productId, java.util.Objects.requireNonNull(policy, "policy"));
        return new RunOptions(seedOverride, horizonMillisOverride, replication, maxEventsPerWindow, dispatchPolicies,
                schedulingPolicies, m, batchMillis, operationTraceLimit, historyPeriodMillis, maintenancePolicies);
    }

    /**
     * Also reports plant throughput, WIP and cycle time per batch of {@code batchMillis} of simulated time from time
     * 0, warm-up included ({@link RunResult#batches()}): the series a warm-up detector such as MSER-5 needs.
     */
    public RunOptions withBatchMillis(long batch) {
        return new RunOptions(seedOverride, horizonMillisOverride, replication, maxEventsPerWindow, dispatchPolicies,
                schedulingPolicies, replenishmentPolicies, batch, operationTraceLimit, historyPeriodMillis, maintenancePolicies);
    }

    /**
     * Records the first {@code limit} operations of each line or machine group as executed
     * ({@link RunResult#operations()}), for Gantt charts; 0 (the default) records none.
     */
    public RunOptions withOperationTrace(int limit) {
        return new RunOptions(seedOverride, horizonMillisOverride, replication, maxEventsPerWindow, dispatchPolicies,
                schedulingPolicies, replenishmentPolicies, batchMillis, limit, historyPeriodMillis, maintenancePolicies);
    }

    /**
     * Also records what drove the run ({@link RunResult#history()}): the units each customer ordered of each product
     * per period of {@code periodMillis} from time 0, warm-up included, every time between failures and repair time
     * each machine drew, in order, and the travel-time factor of every leg each fleet drove, in order. Training data
     * for scenario generators; 0 (the default) records nothing.
     */
    public RunOptions withHistory(long periodMillis) {
        return new RunOptions(seedOverride, horizonMillisOverride, replication, maxEventsPerWindow, dispatchPolicies,
                schedulingPolicies, replenishmentPolicies, batchMillis, operationTraceLimit, periodMillis,
                maintenancePolicies);
    }

    /** Uses {@code policy} in every station of the line or machine group {@code resourceId}. */
    public RunOptions withSchedulingPolicy(String resourceId, SchedulingPolicy policy) {
        Map<String, SchedulingPolicy> m = new TreeMap<>(schedulingPolicies);
        m.put(resourceId, java.util.Objects.requireNonNull(policy, "policy"));
        return new RunOptions(seedOverride, horizonMillisOverride, replication, maxEventsPerWindow, dispatchPolicies, m,
                replenishmentPolicies, batchMillis,
                operationTraceLimit, historyPeriodMillis, maintenancePolicies);
    }

    /** Uses {@code policy} for the fleet {@code fleetId} instead of the rule the scenario names. */
    public RunOptions withDispatchPolicy(String fleetId, DispatchPolicy policy) {
        Map<String, DispatchPolicy> m = new TreeMap<>(dispatchPolicies);
        m.put(fleetId, java.util.Objects.requireNonNull(policy, "policy"));
        return new RunOptions(seedOverride, horizonMillisOverride, replication, maxEventsPerWindow, m,
                schedulingPolicies, replenishmentPolicies, batchMillis,
                operationTraceLimit, historyPeriodMillis,
                maintenancePolicies);
    }

    /** Uses {@code policy} for the machine {@code machineId} instead of the built-in policy its scenario names. */
    public RunOptions withMaintenancePolicy(String machineId, MaintenancePolicy policy) {
        Map<String, MaintenancePolicy> m = new TreeMap<>(maintenancePolicies);
        m.put(machineId, java.util.Objects.requireNonNull(policy, "policy"));
        return new RunOptions(seedOverride, horizonMillisOverride, replication, maxEventsPerWindow, dispatchPolicies,
                schedulingPolicies, replenishmentPolicies, batchMillis, operationTraceLimit,
                historyPeriodMillis, m);
    }
}
