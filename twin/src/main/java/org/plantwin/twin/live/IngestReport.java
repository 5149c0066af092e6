package org.plantwin.twin.live;

import java.util.List;

/**
 * What became of one telemetry payload.
 *
 * @param twin       the twin it was for
 * @param accepted   messages applied to the twin's state
 * @param duplicates messages whose {@code id} had been seen before (ignored, idempotent)
 * @param stale      messages older than the value the twin holds for the same entity and field (kept in the
 *                   history, not applied)
 * @param rejected   messages refused, each with the JSON path of the bad field, the bad value and the reason
 */
public record IngestReport(String twin, int accepted, int duplicates, int stale, List<Rejection> rejected) {

    public IngestReport {
        rejected = List.copyOf(rejected);
    }

    /** One refused message (or the whole payload, index -1, when it is not JSON at all or names no known twin). */
    public record Rejection(int index, String path, String value, String reason) {
    }

    /** A payload refused as a whole. */
    public static IngestReport refused(String twin, String path, String value, String reason) {
        return new IngestReport(twin, 0, 0, 0, List.of(new Rejection(-1, path, value, reason)));
    }
}
