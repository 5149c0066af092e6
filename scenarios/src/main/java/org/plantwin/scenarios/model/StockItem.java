package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * One product in a warehouse: initial stock, how it is replenished ({@code production}: a production order of the
 * product's routing; or the id of a supplier) and by which policy, and its costs.
 */
public record StockItem(
        @JsonProperty(required = true) String product,
        @JsonPropertyDescription("Units on hand at time 0; default 0.") Integer initial,
        @JsonPropertyDescription("Most units of this product on hand plus on order; replenishment is capped. Absent = no limit but the warehouse's.") Integer capacity,
        @JsonProperty(required = true) InventoryPolicy policy,
        @JsonProperty(required = true) @JsonPropertyDescription("\"production\" or a supplier id.") String replenishFrom,
        @JsonPropertyDescription("Holding cost per unit and day; default 0.") Double holdingCostPerUnitDay,
        @JsonPropertyDescription("Backorder cost per unit and day; default 0.") Double backorderCostPerUnitDay) {

    /** The value of {@code replenishFrom} that means "make it". */
    public static final String PRODUCTION = "production";

    public StockItem {
        initial = initial == null ? 0 : initial;
        holdingCostPerUnitDay = holdingCostPerUnitDay == null ? 0.0 : holdingCostPerUnitDay;
        backorderCostPerUnitDay = backorderCostPerUnitDay == null ? 0.0 : backorderCostPerUnitDay;
    }
}
