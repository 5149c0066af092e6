package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** A stock point: products on hand, each with a replenishment policy; customers order from it, trucks leave from it. */
public record Warehouse(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) @JsonPropertyDescription("Site id.") String site,
        @JsonPropertyDescription("Total units it can hold; replenishment that would exceed it is capped. Absent = unlimited.") Integer capacity,
        @JsonPropertyDescription("Time to put a receipt away before it can be shipped; default 0s.") TimeSpan handlingIn,
        @JsonProperty(required = true) List<StockItem> stock) {

    public Warehouse {
        handlingIn = handlingIn == null ? TimeSpan.ZERO : handlingIn;
        stock = Scenario.copy(stock);
    }
}
