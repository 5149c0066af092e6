package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** A product type: the ordered resources (lines or machine groups) a part visits, then the sink it leaves by. */
public record Product(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) @JsonPropertyDescription("Resources visited in order: ids of lines or machine groups.") List<RoutingStep> routing,
        @JsonPropertyDescription("Sink the finished part leaves by, or the warehouse it is made to stock for; default: the only sink.") String sink,
        @JsonPropertyDescription("Volume of one unit (any unit, e.g. m3), for trucks with a volumeCapacity; default 1.") Double volume) {

    public Product {
        routing = Scenario.copy(routing);
        volume = volume == null ? 1.0 : volume;
    }
}
