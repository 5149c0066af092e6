package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/**
 * Demand for one product, either a time series ({@code series}) or an order process: orders arrive with the given inter-arrival distribution (exponential for
 * Poisson), optionally modulated by hour-of-day and day-of-week factors (by thinning: the base process runs at the
 * peak rate and an order at time t is kept with probability factor(t) / peak), each for a number of units.
 */
public record Demand(
        @JsonProperty(required = true) String product,
        @JsonPropertyDescription("Time between orders at a factor of 1 (or use series).") Distribution interarrival,
        @JsonPropertyDescription("Units per order; default 1.") Quantity quantity,
        @JsonPropertyDescription("24 factors, hour 0..23 of the day; default all 1.") List<Double> hourly,
        @JsonPropertyDescription("7 factors, day 0..6 of the week (day 0 starts at time 0); default all 1.") List<Double> weekly,
        @JsonPropertyDescription("Units per period from a CSV file or inline, instead of an order process.") DemandSeries series,
        @JsonPropertyDescription("Demand multiplier, default 1: 1.2 = 20% more orders (order rate, or series units).") Double scale) {

    public Demand {
        quantity = quantity == null ? new Quantity(Quantity.Type.CONSTANT, 1, null, null, null) : quantity;
        hourly = hourly == null ? null : List.copyOf(hourly);
        weekly = weekly == null ? null : List.copyOf(weekly);
        scale = scale == null ? 1.0 : scale;
    }
}
