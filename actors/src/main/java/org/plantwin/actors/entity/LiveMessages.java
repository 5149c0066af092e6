package org.plantwin.actors.entity;

/**
 * Telemetry of a live twin as the entity LPs receive it: state the real plant reports, which overrides the
 * model's. Each is delivered through the kernel like any message, so a run fed the same messages at the same
 * times reaches the same state.
 */
public final class LiveMessages {

    private LiveMessages() {
    }

    /**
     * The plant reports a machine down ({@code down}) or up. A machine that reports its state is driven by it from
     * then on: the model's own failures stop for it, a down report holds it down until an up report, and an up
     * report ends a repair the model had under way.
     *
     * @param machine the machine's index in its resource LP
     */
    public record MachineCommand(int machine, boolean down) {
    }

    /** The plant reports {@code level} parts waiting in the buffer of station {@code station}. */
    public record BufferSet(int station, int level) {
    }

    /** The plant reports {@code level} units of {@code product} on hand in the receiving warehouse. */
    public record InventorySet(int product, long level) {
    }

    /**
     * The plant reports a customer order; the customer passes it on to its warehouse. A customer whose orders are
     * reported places no model orders from then on.
     */
    public record OrderReport(long orderId, int product, int quantity, long dueMillis) {
    }
}
