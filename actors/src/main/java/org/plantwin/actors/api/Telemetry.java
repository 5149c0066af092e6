package org.plantwin.actors.api;

import java.util.List;

/**
 * What the real plant reports to a live twin ({@link LiveTwin}). Each kind names one entity and the field of it
 * that it reports, which is the key for ordering: a report older than the last applied one for the same key is
 * stale.
 */
public sealed interface Telemetry {

    /** The message's kind as written in JSON ({@code machineState}, {@code inventory}, ...). */
    String kind();

    /** The entity reported on, as the twin's state names it. */
    String entity();

    /** The state-like kinds (levels, states, counts) are ordered per entity; events (orders, cycle times) are not. */
    default boolean stateLike() {
        return true;
    }

    /** A machine's state: {@code up, down, idle, busy, setup, blocked, starved, maintenance}. */
    record MachineState(String machine, String state) implements Telemetry {
        public String kind() {
            return "machineState";
        }

        public String entity() {
            return machine;
        }

        public boolean down() {
            return "down".equals(state) || "maintenance".equals(state);
        }
    }

    /** A machine's counter of parts processed since the twin started. */
    record PartCount(String machine, long count) implements Telemetry {
        public String kind() {
            return "partCount";
        }

        public String entity() {
            return machine;
        }
    }

    /** The processing time the plant measured for one part on a machine. */
    record CycleTime(String machine, double seconds) implements Telemetry {
        public String kind() {
            return "cycleTime";
        }

        public String entity() {
            return machine;
        }

        public boolean stateLike() {
            return false;
        }
    }

    /**
     * One reading of every condition sensor of a machine ({@code degradation.sensors} of the scenario, in that
     * order); observed only, and every reading is an event.
     */
    record SensorReading(String machine, List<Double> values) implements Telemetry {
        public SensorReading {
            values = List.copyOf(values);
        }

        public String kind() {
            return "sensors";
        }

        public String entity() {
            return machine;
        }

        public boolean stateLike() {
            return false;
        }
    }

    /** Parts waiting in the buffer of a station of a line or machine group. */
    record BufferLevel(String line, String station, int level) implements Telemetry {
        public String kind() {
            return "bufferLevel";
        }

        public String entity() {
            return line + "/" + station;
        }
    }

    /** Units of a product on hand in a warehouse. */
    record InventoryLevel(String warehouse, String product, long level) implements Telemetry {
        public String kind() {
            return "inventory";
        }

        public String entity() {
            return warehouse + "/" + product;
        }
    }

    /** Where a truck is and what it does ({@code atDepot, loading, enRoute, unloading, returning}); observed only. */
    record TruckStatus(String fleet, int truck, String status, Double x, Double y) implements Telemetry {
        public String kind() {
            return "truck";
        }

        public String entity() {
            return fleet + "#" + truck;
        }
    }

    /** A customer order received by the plant; due {@code dueMillis} (simulated time), or the quoted lead time. */
    record OrderArrival(String customer, String product, int quantity, Long dueMillis) implements Telemetry {
        public String kind() {
            return "order";
        }

        public String entity() {
            return customer;
        }

        public boolean stateLike() {
            return false;
        }
    }
}
