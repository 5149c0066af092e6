package org.plantwin.twin.experiment;

/** Which way a KPI improves: throughput up, cycle time and WIP down; neutral where neither is better. */
public enum Direction {
    HIGHER_IS_BETTER, LOWER_IS_BETTER, NEUTRAL
}
