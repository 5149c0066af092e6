package org.plantwin.planners.scheduling.api;

import java.util.List;
import java.util.Objects;

/**
 * A (flexible) job-shop instance: jobs of operations over a set of machines.
 *
 * <p>A classic job shop is the special case where every operation has one eligible machine. Optionally,
 * machines have sequence-dependent setup times ({@link SetupTimes}) and unavailability windows
 * ({@link Unavailability}); both default to none, and then every rule and solver behaves as without them.
 *
 * @param name a label, e.g. the benchmark instance name
 * @param machineCount the number of machines; machines are numbered 0 .. machineCount-1
 * @param jobs the jobs, numbered by their position in this list
 * @param setups the sequence-dependent setups, {@link SetupTimes#NONE} if none
 * @param unavailability the machines' unavailability windows, {@link Unavailability#NONE} if none
 */
public record ShopInstance(String name, int machineCount, List<Job> jobs, SetupTimes setups,
    Unavailability unavailability) {
  public ShopInstance {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(jobs, "jobs");
    Objects.requireNonNull(setups, "setups");
    Objects.requireNonNull(unavailability, "unavailability");
    jobs = List.copyOf(jobs);
    if (!setups.isNone() && (setups.machineCount() != machineCount || setups.jobCount() != jobs.size())) {
      throw new IllegalArgumentException("The setups (" + setups + ") of instance " + name + " must cover "
          + machineCount + " machines and " + jobs.size() + " jobs.");
    }
    if (unavailability.machineCount() != 0 && unavailability.machineCount() != machineCount) {
      throw new IllegalArgumentException("The unavailability of instance " + name + " lists "
          + unavailability.machineCount() + " machines; it must list one (possibly empty) list per machine ("
          + machineCount + ").");
    }
    if (machineCount <= 0) {
      throw new IllegalArgumentException("The machineCount (" + machineCount + ") of instance " + name
          + " must be > 0.");
    }
    if (jobs.isEmpty()) {
      throw new IllegalArgumentException("The jobs of instance " + name + " must not be empty.");
    }
    for (int j = 0; j < jobs.size(); j++) {
      List<Operation> ops = jobs.get(j).operations();
      for (int o = 0; o < ops.size(); o++) {
        for (MachineOption opt : ops.get(o).options()) {
          if (opt.machine() >= machineCount) {
            throw new IllegalArgumentException("The machine (" + opt.machine() + ") of job " + j
                + " operation " + o + " must be < machineCount (" + machineCount + ").");
          }
        }
      }
    }
  }

  /** An instance without setups and without unavailability windows. */
  public ShopInstance(String name, int machineCount, List<Job> jobs) {
    this(name, machineCount, jobs, SetupTimes.NONE, Unavailability.NONE);
  }

  /** This instance with the given setups. */
  public ShopInstance withSetups(SetupTimes newSetups) {
    return new ShopInstance(name, machineCount, jobs, newSetups, unavailability);
  }

  /** This instance with the given unavailability windows. */
  public ShopInstance withUnavailability(Unavailability newUnavailability) {
    return new ShopInstance(name, machineCount, jobs, setups, newUnavailability);
  }

  /** True if some setup may be non-zero. */
  public boolean hasSetups() {
    return !setups.isNone();
  }

  /** True if some machine has an unavailability window. */
  public boolean hasUnavailability() {
    return !unavailability.isEmpty();
  }

  /** The setup on {@code machine} between an operation of {@code fromJob} (-1: none yet) and one of {@code toJob}. */
  public long setup(int machine, int fromJob, int toJob) {
    return setups.setup(machine, fromJob, toJob);
  }

  public int jobCount() {
    return jobs.size();
  }

  public Job job(int index) {
    return jobs.get(index);
  }

  public Operation operation(int job, int operation) {
    return jobs.get(job).operations().get(operation);
  }

  /** The total number of operations over all jobs. */
  public int operationCount() {
    int n = 0;
    for (Job j : jobs) {
      n += j.operations().size();
    }
    return n;
  }

  /** True if some operation has more than one eligible machine. */
  public boolean isFlexible() {
    for (Job j : jobs) {
      for (Operation o : j.operations()) {
        if (o.options().size() > 1) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * max(largest machine load, longest job), using shortest options; a valid makespan lower bound for a job
   * shop, also with setups and windows (which only delay operations), though then a weak one.
   */
  public long trivialLowerBound() {
    long[] load = new long[machineCount];
    long best = 0;
    long total = 0;
    for (Job j : jobs) {
      long len = j.releaseTime();
      for (Operation o : j.operations()) {
        len += o.minDuration();
        total += o.minDuration();
        if (o.options().size() == 1) {
          load[o.options().get(0).machine()] += o.minDuration();
        }
      }
      best = Math.max(best, len);
    }
    for (long l : load) {
      best = Math.max(best, l);
    }
    return Math.max(best, (total + machineCount - 1) / machineCount);
  }
}
