package org.plantwin.twin.live;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.plantwin.actors.api.Fork;

/**
 * Live twins as the HTTP routes see them: hosted on this node ({@link LiveTwins}) or spread over a Pekko cluster
 * ({@code org.plantwin.twin.cluster.ShardedTwins}). Answers are the JSON forms of {@code docs/design/live.md}; a bad
 * input fails the stage with {@link org.plantwin.actors.api.TelemetryException} (field, value, reason), an unknown
 * twin with {@link java.util.NoSuchElementException}.
 */
public interface TwinService extends TelemetryIngest {

    /** Creates a twin of a library scenario (or of {@code scenarioText}); answers its state. */
    CompletionStage<ObjectNode> create(String id, String library, String scenarioText, long seed, double speed);

    /** The twins' definitions (id, scenario, seed, speed), by id. */
    List<LiveTwins.Definition> list();

    boolean exists(String id);

    /** Every entity's state, drift and counters. */
    CompletionStage<ObjectNode> state(String id);

    /** Applies a telemetry payload; never fails for bad content (see {@link TelemetryIngest}). */
    CompletionStage<IngestReport> ingestAsync(String id, String json);

    /** {@link #ingestAsync}, waited for (at most a minute): the form MQTT's one callback thread uses. */
    @Override
    default IngestReport ingest(String twinId, String json) {
        if (!exists(twinId)) {
            return IngestReport.refused(twinId, "$", twinId, "There is no live twin (" + twinId + ").");
        }
        try {
            return ingestAsync(twinId, json).toCompletableFuture().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return IngestReport.refused(twinId, "$", "", "Interrupted while applying.");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return IngestReport.refused(twinId, "$", "", "Not applied: " + e.getMessage());
        }
    }

    /** Moves the twin's clock to {@code twinMillis}; answers the time reached. */
    CompletionStage<Long> advance(String id, long twinMillis);

    /** Changes after change {@code afterSeq}, at most {@code limit}, oldest first ({@code afterSeq} -1: all kept). */
    CompletionStage<ArrayNode> changesSince(String id, long afterSeq, int limit);

    /** Changes in [from, to) of twin time, of one entity or all (null). */
    CompletionStage<ArrayNode> history(String id, long fromMillis, long toMillis, String entity);

    /** Runs a fork of the twin's current state; answers {@link LiveTwins#forkJson}. */
    CompletionStage<ObjectNode> fork(String id, Fork fork);

    /** Stops a twin and removes its persisted files. */
    void delete(String id);
}
