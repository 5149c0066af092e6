package org.plantwin.planners.scheduling.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A schedule: a start time and a machine for operations of an instance.
 *
 * <p>It is only a plan; {@link ScheduleValidator} says whether it respects the instance.
 */
public final class Schedule {
  private static final Comparator<ScheduledOperation> BY_START = Comparator
      .comparingLong(ScheduledOperation::start)
      .thenComparingLong(ScheduledOperation::end)
      .thenComparingInt(ScheduledOperation::job)
      .thenComparingInt(ScheduledOperation::operation);

  private final List<ScheduledOperation> operations;

  public Schedule(List<ScheduledOperation> operations) {
    Objects.requireNonNull(operations, "operations");
    List<ScheduledOperation> sorted = new ArrayList<>(operations);
    sorted.sort(BY_START);
    this.operations = List.copyOf(sorted);
  }

  /** The operations ordered by start time, then end, job and operation index. */
  public List<ScheduledOperation> operations() {
    return operations;
  }

  /** The largest end time, 0 for an empty schedule. */
  public long makespan() {
    long max = 0;
    for (ScheduledOperation o : operations) {
      max = Math.max(max, o.end());
    }
    return max;
  }

  /** Sum over jobs of weight x max(0, completion - due date); jobs without due date count 0. */
  public double weightedTardiness(ShopInstance instance) {
    long[] completion = new long[instance.jobCount()];
    for (ScheduledOperation o : operations) {
      completion[o.job()] = Math.max(completion[o.job()], o.end());
    }
    double sum = 0;
    for (int j = 0; j < completion.length; j++) {
      Job job = instance.job(j);
      if (job.hasDueDate()) {
        sum += job.weight() * Math.max(0, completion[j] - job.dueDate());
      }
    }
    return sum;
  }

  /** Per machine, its operations in start order; index = machine. */
  public List<List<ScheduledOperation>> byMachine(int machineCount) {
    List<List<ScheduledOperation>> result = new ArrayList<>();
    for (int m = 0; m < machineCount; m++) {
      result.add(new ArrayList<>());
    }
    for (ScheduledOperation o : operations) {
      if (o.machine() < 0 || o.machine() >= machineCount) {
        throw new IllegalArgumentException("The machine (" + o.machine() + ") of " + o
            + " must be in [0, " + machineCount + ").");
      }
      result.get(o.machine()).add(o);
    }
    return result;
  }

  @Override
  public String toString() {
    return "Schedule[makespan=" + makespan() + ", operations=" + operations.size() + "]";
  }
}
