package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/**
 * A plant to simulate: what it makes (products and their routings), with what (machines grouped in lines and
 * machine groups), where work comes from (sources) and goes (sinks), for how long and with which seed.
 *
 * <p>The supply chain sits beside the plant: sites on a map and a travel model, warehouses with replenishment
 * policies, suppliers, customers with order processes, and truck fleets. A product whose {@code sink} names a
 * warehouse is made to stock there.
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
        @JsonPropertyDescription("Where parts come from without a customer: arrival processes or released orders.") List<Source> sources,
        List<Sink> sinks,
        @JsonPropertyDescription("Places on the map (km).") List<Site> sites,
        @JsonPropertyDescription("Distances and speed between sites.") Travel travel,
        List<Warehouse> warehouses,
        List<Supplier> suppliers,
        List<Customer> customers,
        List<Fleet> fleets) {

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
        sites = copy(sites);
        travel = travel == null ? Travel.defaults() : travel;
        warehouses = copy(warehouses);
        suppliers = copy(suppliers);
        customers = copy(customers);
        fleets = copy(fleets);
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** Returns a copy with another seed. */
    public Scenario withSeed(long newSeed) {
        return new Scenario(name, description, newSeed, horizon, warmup, transferTime, products, machines, lines,
                machineGroups, sources, sinks, sites, travel, warehouses, suppliers, customers, fleets);
    }

    /** Returns a copy with another horizon. */
    public Scenario withHorizon(TimeSpan newHorizon) {
        return new Scenario(name, description, seed, newHorizon, warmup, transferTime, products, machines, lines,
                machineGroups, sources, sinks, sites, travel, warehouses, suppliers, customers, fleets);
    }

    /** The same scenario with other fleets (e.g. with travel traces). */
    public Scenario withFleets(List<Fleet> newFleets) {
        return new Scenario(name, description, seed, horizon, warmup, transferTime, products, machines, lines,
                machineGroups, sources, sinks, sites, travel, warehouses, suppliers, customers, newFleets);
    }

    /** The same scenario with another warm-up (statistics before it are discarded). */
    public Scenario withWarmup(TimeSpan newWarmup) {
        return new Scenario(name, description, seed, horizon, newWarmup, transferTime, products, machines, lines,
                machineGroups, sources, sinks, sites, travel, warehouses, suppliers, customers, fleets);
    }
}
