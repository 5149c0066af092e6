package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step of a routing: the resource (line or machine group) the part visits, and the raw materials one part
 * consumes when it enters it. Written as a plain id ({@code L1}) or as an object
 * ({@code {at: G1, transferTime: "30s", materials: {steel: 2}}}).
 */
public record RoutingStep(
        @JsonProperty(required = true) @JsonPropertyDescription("Id of a line or machine group.") String at,
        @JsonPropertyDescription("Delay to reach this step from the previous resource; default: the scenario's transferTime.") TimeSpan transferTime,
        @JsonPropertyDescription("Raw material id -> units one part consumes on entering this resource, from the resource's line-side store.") Map<String, Integer> materials) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public RoutingStep(@JsonProperty(value = "at", required = true) String at,
                       @JsonProperty("transferTime") TimeSpan transferTime,
                       @JsonProperty("materials") Map<String, Integer> materials) {
        this.at = at;
        this.transferTime = transferTime;
        this.materials = materials == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(materials));
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RoutingStep of(String at) {
        return new RoutingStep(at, null, null);
    }
}
