package org.plantwin.planners.scheduling.api;

import java.util.List;
import java.util.Objects;

/**
 * One step of a job: it runs once, uninterrupted, on exactly one of its eligible machines.
 *
 * @param options the eligible machines with their processing times; one option in a classic job shop
 */
public record Operation(List<MachineOption> options) {
  public Operation {
    Objects.requireNonNull(options, "options");
    options = List.copyOf(options);
    if (options.isEmpty()) {
      throw new IllegalArgumentException("The options (" + options + ") of an operation must not be empty.");
    }
    for (int i = 0; i < options.size(); i++) {
      for (int j = i + 1; j < options.size(); j++) {
        if (options.get(i).machine() == options.get(j).machine()) {
          throw new IllegalArgumentException("The options (" + options + ") list machine "
              + options.get(i).machine() + " twice.");
        }
      }
    }
  }

  /** An operation with a single eligible machine (classic job shop). */
  public static Operation on(int machine, long duration) {
    return new Operation(List.of(new MachineOption(machine, duration)));
  }

  /** The option for the given machine, or null if the machine is not eligible. */
  public MachineOption optionFor(int machine) {
    for (MachineOption o : options) {
      if (o.machine() == machine) {
        return o;
      }
    }
    return null;
  }

  /** The shortest processing time over the eligible machines. */
  public long minDuration() {
    long min = Long.MAX_VALUE;
    for (MachineOption o : options) {
      min = Math.min(min, o.duration());
    }
    return min;
  }

  /** The mean processing time over the eligible machines. */
  public double meanDuration() {
    double sum = 0;
    for (MachineOption o : options) {
      sum += o.duration();
    }
    return sum / options.size();
  }
}
