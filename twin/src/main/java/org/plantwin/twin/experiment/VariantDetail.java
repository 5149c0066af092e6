package org.plantwin.twin.experiment;

import java.util.List;
import java.util.Map;
import org.plantwin.actors.api.RunResult;

/**
 * What the report draws beyond KPI summaries, for one variant: each machine's share of time by state (mean over the
 * replications; machine and state order as in the runs), each warehouse product's on-hand stock (mean of the
 * replications' time-weighted means, smallest minimum, largest maximum; empty without a supply chain), and the plant
 * series per batch of replication 0 from time 0, warm-up included, and the first operations of replication 0 as
 * executed (for the Gantt chart).
 */
public record VariantDetail(String variant, Map<String, Map<String, Double>> machineStates,
                            List<InventoryRange> inventory, double batchMinutes, List<RunResult.Batch> series,
                            List<RunResult.Operation> operations) {

    /** How many operations of replication 0 the report's Gantt chart shows per variant. */
    public static final int GANTT_OPERATIONS = 300;

    /** On-hand stock of one product in one warehouse over the replications. */
    public record InventoryRange(String warehouse, String product, double onHandMean, double onHandMin,
                                 double onHandMax) {
    }
}
