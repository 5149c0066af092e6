package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * One step of a routing: the resource (line or machine group) the part visits. Written as a plain id
 * ({@code L1}) or as an object ({@code {at: G1, transferTime: "30s"}}).
 */
public record RoutingStep(
        @JsonProperty(required = true) @JsonPropertyDescription("Id of a line or machine group.") String at,
        @JsonPropertyDescription("Delay to reach this step from the previous resource; default: the scenario's transferTime.") TimeSpan transferTime) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public RoutingStep(@JsonProperty(value = "at", required = true) String at,
                       @JsonProperty("transferTime") TimeSpan transferTime) {
        this.at = at;
        this.transferTime = transferTime;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RoutingStep of(String at) {
        return new RoutingStep(at, null);
    }
}
