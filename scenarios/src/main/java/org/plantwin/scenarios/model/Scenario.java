package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/**
 * A plant to simulate: what it makes (products and their routings), with what (machines grouped in lines and
 * machine groups), where work comes from (sources) and goes (sinks), for how long and with which seed.
 *
 * <p>The supply chain (warehouses, trucks, customers, suppliers) will be further top-level lists beside these,
 * so nothing here needs to change shape when it lands.
 */
public record Scenario(
        @JsonProperty(required = true) @JsonPropertyDescription("Unique name of the scenario.") String name,
        @JsonPropertyDescription("Free text for people.") String description,
        @JsonPropertyDescription("Root seed of all random streams; default 1.") Long seed,
        @JsonProperty(required = true) @JsonPropertyDescription("Simulated time to run, e.g. \"30d\".") TimeSpan horizon,
        @JsonPropertyDescription("Initial period whose statistics are discarded; default 0s.") TimeSpan warmup,
        @JsonPropertyDescription("Delay of a part between two resources (lines, machine groups, sinks) unless a routing step sets its own; default 0s.") TimeSpan transferTime,
        @JsonProperty(required = true) List<Product> products,
        List<Machine> machines,
        List<Line> lines,
        List<MachineGroup> machineGroups,
        @JsonProperty(required = true) List<Source> sources,
        List<Sink> sinks) {

    public Scenario {
        seed = seed == null ? 1L : seed;
        warmup = warmup == null ? TimeSpan.ZERO : warmup;
        transferTime = transferTime == null ? TimeSpan.ZERO : transferTime;
        products = copy(products);
        machines = copy(machines);
        lines = copy(lines);
        machineGroups = copy(machineGroups);
        sources = copy(sources);
        sinks = copy(sinks);
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** Returns a copy with another seed. */
    public Scenario withSeed(long newSeed) {
        return new Scenario(name, description, newSeed, horizon, warmup, transferTime, products, machines, lines,
                machineGroups, sources, sinks);
    }

    /** Returns a copy with another horizon. */
    public Scenario withHorizon(TimeSpan newHorizon) {
        return new Scenario(name, description, seed, newHorizon, warmup, transferTime, products, machines, lines,
                machineGroups, sources, sinks);
    }
}
