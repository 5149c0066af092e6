package org.plantwin.actors.entity;

import java.util.Locale;

/** States a machine spends time in; {@code idle}: no work from outside; {@code starved}: upstream station empty;
 * {@code maintenance}: preventive maintenance. */
public enum MachineState {
    IDLE, BUSY, BLOCKED, STARVED, SETUP, DOWN, MAINTENANCE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
