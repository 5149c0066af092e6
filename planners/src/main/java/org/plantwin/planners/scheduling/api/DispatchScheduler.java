package org.plantwin.planners.scheduling.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Builds a schedule with a dispatching rule and a generation scheme (non-delay or active).
 *
 * <p>For a flexible instance, a candidate is an (operation, eligible machine) pair; the rule then
 * picks the machine too.
 */
public final class DispatchScheduler {
  private DispatchScheduler() {
  }

  /** Schedules every operation of the instance; the result is valid by construction. */
  public static Schedule schedule(ShopInstance instance, DispatchRule rule, ScheduleGeneration generation) {
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(generation, "generation");
    int n = instance.jobCount();
    int[] next = new int[n];
    long[] jobReady = new long[n];
    double[] workLeft = new double[n];
    for (int j = 0; j < n; j++) {
      jobReady[j] = instance.job(j).releaseTime();
      for (Operation o : instance.job(j).operations()) {
        workLeft[j] += o.meanDuration();
      }
    }
    long[] machineReady = new long[instance.machineCount()];
    int[] lastJob = new int[instance.machineCount()];
    Arrays.fill(lastJob, -1);
    boolean plain = !instance.hasSetups() && !instance.hasUnavailability();
    Unavailability windows = instance.unavailability();
    List<ScheduledOperation> result = new ArrayList<>();
    int remaining = instance.operationCount();
    while (remaining > 0) {
      // Pass 1: the reference time (smallest earliest start, or smallest earliest completion and its machine).
      long bestStart = Long.MAX_VALUE;
      long bestEnd = Long.MAX_VALUE;
      int bestEndMachine = Integer.MAX_VALUE;
      for (int j = 0; j < n; j++) {
        if (next[j] >= instance.job(j).operations().size()) {
          continue;
        }
        for (MachineOption opt : instance.operation(j, next[j]).options()) {
          long est = plain ? Math.max(jobReady[j], machineReady[opt.machine()])
              : windows.earliestStart(opt.machine(), machineReady[opt.machine()],
                  instance.setup(opt.machine(), lastJob[opt.machine()], j), jobReady[j], opt.duration());
          long ect = est + opt.duration();
          bestStart = Math.min(bestStart, est);
          if (ect < bestEnd || (ect == bestEnd && opt.machine() < bestEndMachine)) {
            bestEnd = ect;
            bestEndMachine = opt.machine();
          }
        }
      }
      // Pass 2: the candidates, scored by the rule. (A zero-length operation that defines C* starts at
      // C*, not below it; it must stay a candidate or the active scheme would have none.)
      int pickJob = -1;
      MachineOption pickOpt = null;
      long pickStart = 0;
      double pickScore = 0;
      for (int j = 0; j < n; j++) {
        Job job = instance.job(j);
        if (next[j] >= job.operations().size()) {
          continue;
        }
        Operation op = instance.operation(j, next[j]);
        for (MachineOption opt : op.options()) {
          long setup = plain ? 0 : instance.setup(opt.machine(), lastJob[opt.machine()], j);
          long est = plain ? Math.max(jobReady[j], machineReady[opt.machine()])
              : windows.earliestStart(opt.machine(), machineReady[opt.machine()], setup, jobReady[j], opt.duration());
          boolean candidate = generation == ScheduleGeneration.NON_DELAY
              ? est == bestStart
              : opt.machine() == bestEndMachine && (est < bestEnd || (est == bestEnd && opt.duration() == 0));
          if (!candidate) {
            continue;
          }
          double work = workLeft[j] - op.meanDuration() + opt.duration();
          int opsLeft = job.operations().size() - next[j];
          double score = rule.score(opt.duration(), setup, work, opsLeft, jobReady[j], est, job);
          // Strictly better only: ties keep the lowest job index, then the lowest machine index
          // (options are visited in input order, so compare machines explicitly).
          if (pickJob < 0 || score < pickScore
              || (score == pickScore && j == pickJob && opt.machine() < pickOpt.machine())) {
            pickJob = j;
            pickOpt = opt;
            pickStart = est;
            pickScore = score;
          }
        }
      }
      if (pickJob < 0) {
        throw new IllegalStateException("No candidate found with " + remaining + " operations left; this is a bug.");
      }
      long end = pickStart + pickOpt.duration();
      result.add(new ScheduledOperation(pickJob, next[pickJob], pickOpt.machine(), pickStart, end));
      workLeft[pickJob] -= instance.operation(pickJob, next[pickJob]).meanDuration();
      next[pickJob]++;
      jobReady[pickJob] = end;
      machineReady[pickOpt.machine()] = end;
      lastJob[pickOpt.machine()] = pickJob;
      remaining--;
    }
    return new Schedule(result);
  }

  /** The schedule with the smallest makespan over all rules and both generation schemes. */
  public static Schedule best(ShopInstance instance) {
    Schedule best = null;
    for (ScheduleGeneration g : ScheduleGeneration.values()) {
      for (DispatchRule r : DispatchRule.values()) {
        Schedule s = schedule(instance, r, g);
        if (best == null || s.makespan() < best.makespan()) {
          best = s;
        }
      }
    }
    return best;
  }
}
