package org.plantwin.planners.scheduling.api;

import java.util.List;
import java.util.Objects;

/**
 * A job: operations that must run in the given technological order.
 *
 * @param operations the operations in order; not empty
 * @param releaseTime the earliest start of the first operation
 * @param dueDate the due date of the last operation, {@link #NO_DUE_DATE} if none
 * @param weight the weight of the job's tardiness, > 0
 */
public record Job(List<Operation> operations, long releaseTime, long dueDate, double weight) {
  /** The due date of a job that has none. */
  public static final long NO_DUE_DATE = Long.MAX_VALUE;

  public Job {
    Objects.requireNonNull(operations, "operations");
    operations = List.copyOf(operations);
    if (operations.isEmpty()) {
      throw new IllegalArgumentException("The operations (" + operations + ") of a job must not be empty.");
    }
    if (releaseTime < 0) {
      throw new IllegalArgumentException("The releaseTime (" + releaseTime + ") of a job must be >= 0.");
    }
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("The weight (" + weight + ") of a job must be finite and > 0.");
    }
  }

  /** A job released at 0, without due date, of weight 1. */
  public static Job of(List<Operation> operations) {
    return new Job(operations, 0, NO_DUE_DATE, 1.0);
  }

  public boolean hasDueDate() {
    return dueDate != NO_DUE_DATE;
  }
}
