package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Kinds of injected sensor fault. */
public enum SensorFaultType {
    @JsonProperty("drift") DRIFT,
    @JsonProperty("spike") SPIKE,
    @JsonProperty("stuck") STUCK
}
