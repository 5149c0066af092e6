package org.plantwin.planners.scheduling.cpsat;

import java.util.Optional;
import org.plantwin.planners.scheduling.api.Schedule;

/**
 * What {@link CpSatJobShop} found.
 *
 * @param schedule the best schedule, validated by {@code ScheduleValidator}; empty if CP-SAT found none in the budget
 * @param makespan its makespan, -1 if none
 * @param lowerBound CP-SAT's proven lower bound on the makespan (equal to the makespan when optimal)
 * @param status CP-SAT's status: OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN or MODEL_INVALID
 * @param seconds CP-SAT's wall time, model building excluded
 */
public record CpSatResult(Optional<Schedule> schedule, long makespan, long lowerBound, String status, double seconds) {
  public boolean optimal() {
    return "OPTIMAL".equals(status);
  }
}
