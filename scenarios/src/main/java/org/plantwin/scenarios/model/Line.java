package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** A flow line: stations in order; a part visits each in turn, with blocking after service between them. */
public record Line(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) List<Station> stations,
        @JsonPropertyDescription("How machines pick the next part from their buffer: fifo (default), setupAware, edd, spt.") QueueDiscipline queue,
        @JsonPropertyDescription("Line-side stores of raw materials that routing steps here consume.") List<MaterialStock> materials) {

    public Line {
        stations = Scenario.copy(stations);
        materials = Scenario.copy(materials);
        queue = queue == null ? QueueDiscipline.FIFO : queue;
    }
}
