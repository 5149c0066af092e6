package org.plantwin.planners.scheduling.api;

/** What an optimiser minimises. */
public enum Objective {
  /** The largest completion time. */
  MAKESPAN,
  /** Sum over jobs with a due date of weight x max(0, completion - due date). */
  WEIGHTED_TARDINESS
}
