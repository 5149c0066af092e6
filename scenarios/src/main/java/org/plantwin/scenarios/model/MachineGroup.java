package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** A pool of parallel machines with one queue, which several products and lines may share. */
public record MachineGroup(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) List<String> machines,
        @JsonPropertyDescription("How machines pick the next part: fifo (default), setupAware (prefer a part that needs no setup), edd, spt.") QueueDiscipline queue,
        @JsonPropertyDescription("Line-side stores of raw materials that routing steps here consume.") List<MaterialStock> materials) {

    public MachineGroup {
        machines = Scenario.copy(machines);
        materials = Scenario.copy(materials);
        queue = queue == null ? QueueDiscipline.FIFO : queue;
    }
}
