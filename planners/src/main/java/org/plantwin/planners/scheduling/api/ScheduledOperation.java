package org.plantwin.planners.scheduling.api;

/**
 * One operation placed in time on a machine.
 *
 * @param job the job index
 * @param operation the operation index within the job
 * @param machine the machine it runs on
 * @param start the start time
 * @param end the end time (start + processing time)
 */
public record ScheduledOperation(int job, int operation, int machine, long start, long end) {
  public long duration() {
    return end - start;
  }
}
