package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A flow line: stations in order; a part visits each in turn, with blocking after service between them. */
public record Line(@JsonProperty(required = true) String id, @JsonProperty(required = true) List<Station> stations) {
    public Line {
        stations = Scenario.copy(stations);
    }
}
