package org.plantwin.planners.scheduling.api;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of an optimiser run.
 *
 * @param schedule the best schedule found (semi-active: every operation starts as early as its order allows)
 * @param makespan its makespan
 * @param objectiveValue the value of the objective that was minimised (the makespan, or the weighted tardiness)
 * @param initialMakespan the makespan of the starting schedule
 * @param iterations the moves made
 * @param bestIteration the iteration at which the best schedule was found
 * @param restarts the jumps back to the best solution after stagnation
 * @param elapsed the wall-clock time of the run
 */
public record SolveResult(Schedule schedule, long makespan, double objectiveValue, long initialMakespan, long iterations,
    long bestIteration, int restarts, Duration elapsed) {
  public SolveResult {
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(elapsed, "elapsed");
  }
}
