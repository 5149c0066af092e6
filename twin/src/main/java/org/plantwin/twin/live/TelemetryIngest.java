package org.plantwin.twin.live;

/**
 * Where telemetry enters a live twin, whatever carried it (HTTP, MQTT). One payload is a single telemetry message
 * object or a batch {@code {"messages": [...]}}; see {@code docs/design/live.md} for the format.
 *
 * <p>Implementations never throw for bad content: every message is either applied, recognised as a duplicate
 * (same {@code id} seen before), recognised as stale (older than what the twin already holds for the same
 * entity and field), or rejected with a reason; a rejected message changes nothing.
 */
public interface TelemetryIngest {

    /** Parses and applies {@code json} to the twin {@code twinId}. */
    IngestReport ingest(String twinId, String json);
}
