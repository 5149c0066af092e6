package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A continuous-review replenishment policy on the inventory position (on hand + on order - backordered):
 * <ul>
 *   <li>{@code sS}: when the position falls to {@code reorderPoint} or below, order up to {@code orderUpTo};</li>
 *   <li>{@code sQ}: when it falls to {@code reorderPoint} or below, order {@code orderQuantity} (repeatedly until above);</li>
 *   <li>{@code baseStock}: order every unit demanded, keeping the position at {@code level};</li>
 *   <li>{@code makeToOrder}: no stock kept; each customer order releases its own replenishment.</li>
 * </ul>
 */
public record InventoryPolicy(
        @JsonProperty(required = true) PolicyType type,
        @JsonPropertyDescription("s of sS and sQ.") Integer reorderPoint,
        @JsonPropertyDescription("S of sS.") Integer orderUpTo,
        @JsonPropertyDescription("Q of sQ.") Integer orderQuantity,
        @JsonPropertyDescription("Target position of baseStock.") Integer level) {

    /** The kinds of policy. */
    public enum PolicyType {
        @JsonProperty("sS") S_S,
        @JsonProperty("sQ") S_Q,
        @JsonProperty("baseStock") BASE_STOCK,
        @JsonProperty("makeToOrder") MAKE_TO_ORDER
    }
}
