package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Trucks based at a warehouse (their depot) that deliver customer orders, dispatched by a rule. An optional
 * {@code travelTrace} replays travel-time factors: the k-th leg the fleet drives (from time 0, in the order its trips
 * leave and, within a trip, depot to first stop, stop to stop, last stop back) takes the k-th factor while there is
 * one, then the travel model's noise ({@code travel.noiseCv}) draws; the fleet's random stream is not touched before.
 */
public record Fleet(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) @JsonPropertyDescription("Warehouse id the trucks load at and return to.") String depot,
        @JsonProperty(required = true) @JsonPropertyDescription("Number of trucks.") Integer trucks,
        @JsonProperty(required = true) @JsonPropertyDescription("Units a truck carries.") Integer capacity,
        @JsonPropertyDescription("Volume a truck carries (products' volume per unit); default: no volume limit.") Double volumeCapacity,
        @JsonPropertyDescription("km/h; default: the travel model's speed.") Double speedKmPerHour,
        @JsonPropertyDescription("Loading time per trip; default 0s.") TimeSpan loadTime,
        @JsonPropertyDescription("Unloading time per stop; default 0s.") TimeSpan unloadTime,
        @JsonPropertyDescription("Cost per km driven; default 0.") Double costPerKm,
        @JsonPropertyDescription("Cost per hour away from the depot (loading, driving, unloading); default 0.") Double costPerHour,
        @JsonPropertyDescription("fcfs (default), nearest or fullTruckload.") DispatchRule dispatch,
        @JsonPropertyDescription("fullTruckload: the longest an order waits for a full load; default 4h.") TimeSpan maxWait,
        @JsonPropertyDescription("Daily window in which trucks may leave the depot; default always.") Shift shift,
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @JsonPropertyDescription("Travel-time factors replayed on this fleet's legs in the order they are driven (each finite and > 0), before travel.noiseCv draws.") List<Double> travelTrace) {

    public Fleet {
        loadTime = loadTime == null ? TimeSpan.ZERO : loadTime;
        unloadTime = unloadTime == null ? TimeSpan.ZERO : unloadTime;
        costPerKm = costPerKm == null ? 0.0 : costPerKm;
        costPerHour = costPerHour == null ? 0.0 : costPerHour;
        dispatch = dispatch == null ? DispatchRule.FCFS : dispatch;
        maxWait = maxWait == null ? TimeSpan.parse("4h") : maxWait;
        // Not List.copyOf: a blank entry reads as null, and the validator must see it to report it.
        travelTrace = travelTrace == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(travelTrace));
    }

    /** This fleet with {@code trace} as its travel-time factors (replacing any it had). */
    public Fleet withTravelTrace(List<Double> trace) {
        return new Fleet(id, depot, trucks, capacity, volumeCapacity, speedKmPerHour, loadTime, unloadTime, costPerKm,
                costPerHour, dispatch, maxWait, shift, trace);
    }

    /** Built-in dispatch rules. */
    public enum DispatchRule {
        /** Oldest orders first, in order, until the truck is full. */
        @JsonProperty("fcfs") FCFS,
        /** The oldest order, then repeatedly the waiting order nearest to the last stop, until full. */
        @JsonProperty("nearest") NEAREST,
        /** Like nearest, but wait until a full load is ready or the oldest order has waited maxWait. */
        @JsonProperty("fullTruckload") FULL_TRUCKLOAD
    }

    /** A daily window [start, end) of time of day, e.g. start 6h, end 22h. */
    public record Shift(@JsonProperty(required = true) TimeSpan start, @JsonProperty(required = true) TimeSpan end) {
    }
}
