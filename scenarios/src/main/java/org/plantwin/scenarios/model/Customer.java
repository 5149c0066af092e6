package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** A customer at a site: orders products from a warehouse; each order is due a quoted lead time after it is placed. */
public record Customer(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String site,
        @JsonProperty(required = true) @JsonPropertyDescription("Warehouse id it orders from.") String warehouse,
        @JsonProperty(required = true) @JsonPropertyDescription("Due date = order time + this.") TimeSpan quotedLeadTime,
        @JsonProperty(required = true) List<Demand> demand) {

    public Customer {
        demand = Scenario.copy(demand);
    }
}
