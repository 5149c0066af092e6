package org.plantwin.planners.scheduling.api;

/** How a dispatching rule builds a schedule, one operation at a time. */
public enum ScheduleGeneration {
  /**
   * Non-delay: the candidates are the next operations (with a machine) whose earliest start equals
   * the smallest earliest start of all; no machine stays idle while an operation could start.
   */
  NON_DELAY,
  /**
   * Active (Giffler–Thompson): find the smallest earliest completion C* over the next operations and
   * its machine (lowest machine index on ties); the candidates are that machine's next operations
   * whose earliest start is below C*.
   */
  ACTIVE
}
