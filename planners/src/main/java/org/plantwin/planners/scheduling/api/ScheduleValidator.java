package org.plantwin.planners.scheduling.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Checks a schedule against every constraint of its instance and recomputes the makespan.
 *
 * <p>Constraints: each operation scheduled exactly once; on an eligible machine; for exactly that
 * machine's processing time; not before its job's release; after its job predecessor ends; and no
 * two operations overlap on a machine (zero-length operations never overlap). With setups
 * ({@link SetupTimes}): between consecutive operations on a machine (in start order) the gap is at least
 * the setup between them, and the first one starts no earlier than its initial setup (from time 0). With
 * unavailability windows ({@link Unavailability}): no operation overlaps a window, and each setup fits in
 * one window-free piece into its gap.
 */
public final class ScheduleValidator {
  private ScheduleValidator() {
  }

  /** Every violated constraint, one message each; empty if the schedule is valid. */
  public static List<String> problems(ShopInstance instance, Schedule schedule) {
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(schedule, "schedule");
    List<String> problems = new ArrayList<>();
    ScheduledOperation[][] placed = new ScheduledOperation[instance.jobCount()][];
    for (int j = 0; j < instance.jobCount(); j++) {
      placed[j] = new ScheduledOperation[instance.job(j).operations().size()];
    }
    for (ScheduledOperation s : schedule.operations()) {
      if (s.job() < 0 || s.job() >= instance.jobCount()) {
        problems.add("The job (" + s.job() + ") of " + s + " does not exist in " + instance.name() + ".");
        continue;
      }
      if (s.operation() < 0 || s.operation() >= placed[s.job()].length) {
        problems.add("The operation (" + s.operation() + ") of " + s + " does not exist in job " + s.job() + ".");
        continue;
      }
      if (placed[s.job()][s.operation()] != null) {
        problems.add("Job " + s.job() + " operation " + s.operation() + " is scheduled twice: "
            + placed[s.job()][s.operation()] + " and " + s + ".");
        continue;
      }
      placed[s.job()][s.operation()] = s;
      MachineOption option = instance.operation(s.job(), s.operation()).optionFor(s.machine());
      if (option == null) {
        problems.add("The machine (" + s.machine() + ") of " + s + " is not eligible; eligible: "
            + instance.operation(s.job(), s.operation()).options() + ".");
      } else if (s.end() - s.start() != option.duration()) {
        problems.add("The duration (" + (s.end() - s.start()) + ") of " + s + " must equal the processing time ("
            + option.duration() + ") on machine " + s.machine() + ".");
      }
      if (s.start() < 0) {
        problems.add("The start (" + s.start() + ") of " + s + " must be >= 0.");
      }
    }
    for (int j = 0; j < instance.jobCount(); j++) {
      Job job = instance.job(j);
      for (int o = 0; o < placed[j].length; o++) {
        ScheduledOperation s = placed[j][o];
        if (s == null) {
          problems.add("Job " + j + " operation " + o + " is not scheduled.");
          continue;
        }
        if (o == 0 && s.start() < job.releaseTime()) {
          problems.add("The start (" + s.start() + ") of " + s + " must be >= the job's release time ("
              + job.releaseTime() + ").");
        }
        if (o > 0 && placed[j][o - 1] != null && s.start() < placed[j][o - 1].end()) {
          problems.add("The start (" + s.start() + ") of " + s + " must be >= the end ("
              + placed[j][o - 1].end() + ") of its job predecessor " + placed[j][o - 1] + ".");
        }
      }
    }
    List<List<ScheduledOperation>> machines = new ArrayList<>();
    for (int m = 0; m < instance.machineCount(); m++) {
      machines.add(new ArrayList<>());
    }
    for (ScheduledOperation s : schedule.operations()) {
      if (s.machine() < 0 || s.machine() >= instance.machineCount()) {
        problems.add("The machine (" + s.machine() + ") of " + s + " must be in [0, " + instance.machineCount() + ").");
      } else {
        machines.get(s.machine()).add(s);
      }
    }
    for (List<ScheduledOperation> ops : machines) {
      ops.sort(Comparator.comparingLong(ScheduledOperation::start).thenComparingLong(ScheduledOperation::end));
      long busyUntil = Long.MIN_VALUE;
      ScheduledOperation last = null;
      for (ScheduledOperation s : ops) {
        if (s.end() == s.start()) {
          continue;
        }
        if (last != null && s.start() < busyUntil) {
          problems.add("On machine " + s.machine() + ", " + s + " overlaps " + last + ".");
        }
        if (s.end() > busyUntil) {
          busyUntil = s.end();
          last = s;
        }
      }
    }
    if (instance.hasSetups() || instance.hasUnavailability()) {
      for (List<ScheduledOperation> ops : machines) {
        checkSetupsAndWindows(instance, ops, problems);
      }
    }
    return problems;
  }

  /** ops: one machine's operations sorted by start, then end. */
  private static void checkSetupsAndWindows(ShopInstance instance, List<ScheduledOperation> ops, List<String> problems) {
    Unavailability windows = instance.unavailability();
    ScheduledOperation prev = null;
    for (ScheduledOperation s : ops) {
      int m = s.machine();
      TimeWindow hit = windows.overlapping(m, s.start(), s.end());
      if (hit != null) {
        problems.add("On machine " + m + ", " + s + " overlaps the unavailability window [" + hit.start() + ", "
            + hit.end() + ").");
      }
      long prevEnd = prev == null ? 0 : prev.end();
      long setup = instance.setup(m, prev == null ? -1 : prev.job(), s.job());
      String after = prev == null ? "from time 0" : "after " + prev;
      if (prev != null && s.start() < prevEnd) {
        // Already reported as an overlap (or both are zero-length); a setup message would only repeat it.
      } else if (s.start() - prevEnd < setup) {
        problems.add("On machine " + m + ", the gap (" + (s.start() - prevEnd) + ") before " + s + " " + after
            + " must be >= the setup (" + setup + ") between them.");
      } else if (setup > 0 && windows.earliestFree(m, prevEnd, setup) + setup > s.start()) {
        problems.add("On machine " + m + ", the setup (" + setup + ") before " + s + " " + after
            + " does not fit in one piece between the unavailability windows " + windows.windows(m) + ".");
      }
      prev = s;
    }
  }

  /**
   * Throws if the schedule is not valid, listing every problem; otherwise returns the recomputed makespan.
   */
  public static long requireValid(ShopInstance instance, Schedule schedule) {
    List<String> problems = problems(instance, schedule);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("The schedule for " + instance.name() + " violates " + problems.size()
          + " constraint(s):\n  " + String.join("\n  ", problems));
    }
    long makespan = 0;
    for (ScheduledOperation s : schedule.operations()) {
      makespan = Math.max(makespan, s.end());
    }
    return makespan;
  }
}
