package org.plantwin.planners.scheduling.api;

/**
 * One way to run an operation: on a machine, taking a processing time.
 *
 * @param machine the machine index, 0-based
 * @param duration the processing time on that machine, in the instance's time unit (ms in the twin)
 */
public record MachineOption(int machine, long duration) {
  public MachineOption {
    if (machine < 0) {
      throw new IllegalArgumentException("The machine (" + machine + ") of an option must be >= 0.");
    }
    if (duration < 0) {
      throw new IllegalArgumentException(
          "The duration (" + duration + ") of an option on machine " + machine + " must be >= 0.");
    }
  }
}
