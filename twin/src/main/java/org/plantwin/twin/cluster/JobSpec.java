package org.plantwin.twin.cluster;

import java.io.UncheckedIOException;
import java.util.Objects;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.scenarios.io.ScenarioReader;
import org.plantwin.scenarios.model.Scenario;

/**
 * One run as it crosses nodes: the scenario as JSON text (parsed and validated again by the worker) and the
 * {@link RunOptions} that can travel. Policies are Java objects and cannot: a run that names one is refused.
 *
 * @param scenarioJson           the scenario, written by {@link ScenarioReader#jsonMapper()}
 * @param seedOverride           null: the scenario's seed
 * @param horizonMillisOverride  null: the scenario's horizon
 * @param replication            the replication index (its random streams derive from seed and index)
 * @param maxEventsPerWindow     as {@link RunOptions#maxEventsPerWindow()}
 * @param batchMillis            as {@link RunOptions#batchMillis()}
 * @param operationTraceLimit    as {@link RunOptions#operationTraceLimit()}
 * @param historyPeriodMillis    as {@link RunOptions#historyPeriodMillis()}
 */
public record JobSpec(String scenarioJson, Long seedOverride, Long horizonMillisOverride, int replication,
                      int maxEventsPerWindow, long batchMillis, int operationTraceLimit, long historyPeriodMillis)
        implements CborSerializable {

    private static final ScenarioReader READER = new ScenarioReader();

    public JobSpec {
        Objects.requireNonNull(scenarioJson, "scenarioJson");
    }

    /**
     * The job for {@code scenario} run with {@code options}.
     *
     * @throws IllegalArgumentException the options carry a dispatch, scheduling, replenishment or maintenance policy
     */
    public static JobSpec of(Scenario scenario, RunOptions options) {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(options, "options");
        if (!options.dispatchPolicies().isEmpty() || !options.schedulingPolicies().isEmpty()
                || !options.replenishmentPolicies().isEmpty() || !options.maintenancePolicies().isEmpty()) {
            throw new IllegalArgumentException("The run of (" + scenario.name() + ") uses policies "
                    + "(dispatch " + options.dispatchPolicies().keySet() + ", scheduling "
                    + options.schedulingPolicies().keySet() + ", replenishment "
                    + options.replenishmentPolicies().keySet() + ", maintenance "
                    + options.maintenancePolicies().keySet() + "), which cannot cross nodes. Maybe run it on a"
                    + " local engine.");
        }
        String json;
        try {
            json = READER.jsonMapper().writeValueAsString(scenario);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("The scenario (" + scenario.name() + ") cannot be written as JSON.", e);
        }
        return new JobSpec(json, options.seedOverride(), options.horizonMillisOverride(), options.replication(),
                options.maxEventsPerWindow(), options.batchMillis(), options.operationTraceLimit(),
                options.historyPeriodMillis());
    }

    /** The run options this job stands for. */
    public RunOptions options() {
        RunOptions o = RunOptions.defaults().withReplication(replication).withMaxEventsPerWindow(maxEventsPerWindow)
                .withBatchMillis(batchMillis).withOperationTrace(operationTraceLimit).withHistory(historyPeriodMillis);
        if (seedOverride != null) {
            o = o.withSeed(seedOverride);
        }
        if (horizonMillisOverride != null) {
            o = o.withHorizonMillis(horizonMillisOverride);
        }
        return o;
    }
}
