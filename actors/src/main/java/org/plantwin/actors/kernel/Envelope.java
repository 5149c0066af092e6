package org.plantwin.actors.kernel;

/**
 * A timestamped message from one logical process to another, routed by the kernel. The kernel delivers
 * envelopes sorted by (time, priority, sender, sender sequence), so their order never depends on threads.
 *
 * @param payload an immutable record (for example a part in transfer)
 */
public record Envelope(long time, int priority, int sender, long senderSeq, int receiver, Object payload)
        implements Comparable<Envelope> {

    @Override
    public int compareTo(Envelope o) {
        int c = Long.compare(time, o.time);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(priority, o.priority);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(sender, o.sender);
        return c != 0 ? c : Long.compare(senderSeq, o.senderSeq);
    }
}
