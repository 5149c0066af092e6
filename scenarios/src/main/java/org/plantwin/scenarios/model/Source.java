package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where parts come from: an arrival process (inter-arrival distribution, one product or a product mix) or a list
 * of released orders.
 */
public record Source(
        @JsonProperty(required = true) String id,
        @JsonPropertyDescription("Product of every arrival (or use mix).") String product,
        @JsonPropertyDescription("Product mix: product id -> weight.") Map<String, Double> mix,
        @JsonPropertyDescription("Time between arrivals.") Distribution interarrival,
        @JsonPropertyDescription("Parts per arrival; default 1.") Integer batch,
        @JsonPropertyDescription("Released orders, instead of an arrival process.") List<Order> orders,
        @JsonPropertyDescription("When the first buffer is full: true (default) = the source waits (its next arrival is drawn after the part is placed); false = the arrival is lost.") Boolean blocking,
        @JsonPropertyDescription("Stop after this many parts; default no limit.") Long limit) {

    public Source {
        mix = mix == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(mix));
        batch = batch == null ? 1 : batch;
        orders = Scenario.copy(orders);
        blocking = blocking == null ? Boolean.TRUE : blocking;
    }
}
