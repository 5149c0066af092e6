package org.plantwin.actors.entity;

/**
 * A part moving between logical processes (immutable message payload).
 *
 * @param step index of the routing step it is going to (the routing length means the sink)
 * @param dueMillis due time, or -1 when it has none
 */
public record PartTransfer(long id, int product, long createdMillis, int step, long dueMillis) {
}
