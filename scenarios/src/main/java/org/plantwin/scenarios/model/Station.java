package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** A station of a line: one or more parallel machines fed by a buffer in front of them; it may inspect parts. */
public record Station(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) @JsonPropertyDescription("Ids of the parallel machines.") List<String> machines,
        @JsonPropertyDescription("Capacity of the buffer in front of the station (parts waiting, not in process); absent = unbounded, 0 = none.") Integer buffer,
        @JsonPropertyDescription("Inspect every processed part: defect rate, classifier, scrap or rework.") Inspection inspection) {

    public Station {
        machines = Scenario.copy(machines);
    }
}
