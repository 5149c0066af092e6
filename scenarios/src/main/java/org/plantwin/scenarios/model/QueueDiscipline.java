package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a free machine picks its next part from the queue in front of it (the built-in scheduling policies).
 * Ties go to the part that waited longest.
 */
public enum QueueDiscipline {
    /** First in, first out. */
    @JsonProperty("fifo") FIFO,
    /** The oldest part of the product the machine ran last (no setup), else the oldest part. */
    @JsonProperty("setupAware") SETUP_AWARE,
    /** Earliest due date first; parts without a due date last. */
    @JsonProperty("edd") EDD,
    /** Shortest processing time first (the mean of the machine's processing time for the product). */
    @JsonProperty("spt") SPT
}
