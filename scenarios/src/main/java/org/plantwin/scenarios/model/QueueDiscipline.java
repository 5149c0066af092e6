package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a machine group picks its next part. */
public enum QueueDiscipline {
    @JsonProperty("fifo") FIFO,
    @JsonProperty("setupAware") SETUP_AWARE
}
