package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A production order released at a given time. */
public record Order(
        @JsonProperty(required = true) TimeSpan release,
        @JsonProperty(required = true) String product,
        @JsonProperty(required = true) Integer quantity,
        TimeSpan due) {
}
