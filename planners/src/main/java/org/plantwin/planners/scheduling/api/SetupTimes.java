package org.plantwin.planners.scheduling.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * Sequence-dependent setup times per machine, by job family (product).
 *
 * <p>Each job belongs to one family; {@code setup[m][f][g]} is the time machine m needs between an
 * operation of a family-f job and the next operation, of a family-g job, on m; {@code initial[m][g]} is the
 * time it needs before its first operation (counted from time 0). The diagonal applies between two
 * families that are equal (two products of one kind, or two operations of one job on one machine) and is
 * usually 0. With {@link #byJob} every job is its own family, so any job-to-job matrix is covered.
 *
 * <p>A setup occupies the machine only: it may be done before the job arrives (anticipatory), anywhere
 * between the previous operation's end and the next operation's start, but in one window-free piece (see
 * {@link Unavailability}). Setups need not satisfy the triangle inequality.
 */
public final class SetupTimes {
  /** No setups: every setup time is 0. */
  public static final SetupTimes NONE = new SetupTimes(new int[0], 0, new long[0][][], new long[0][]);

  private final int[] familyOfJob;
  private final int familyCount;
  private final long[][][] setup;
  private final long[][] initial;

  private SetupTimes(int[] familyOfJob, int familyCount, long[][][] setup, long[][] initial) {
    this.familyOfJob = familyOfJob;
    this.familyCount = familyCount;
    this.setup = setup;
    this.initial = initial;
  }

  /**
   * Setups by family.
   *
   * @param familyOfJob the family of each job, index = job; families are 0 .. F-1
   * @param setup {@code [machine][fromFamily][toFamily]}, each F x F, >= 0
   * @param initial {@code [machine][toFamily]}, >= 0; null for none
   */
  public static SetupTimes byFamily(int[] familyOfJob, long[][][] setup, long[][] initial) {
    Objects.requireNonNull(familyOfJob, "familyOfJob");
    Objects.requireNonNull(setup, "setup");
    int families = 0;
    for (int j = 0; j < familyOfJob.length; j++) {
      if (familyOfJob[j] < 0) {
        throw new IllegalArgumentException("The family (" + familyOfJob[j] + ") of job " + j + " must be >= 0.");
      }
      families = Math.max(families, familyOfJob[j] + 1);
    }
    int machines = setup.length;
    long[][][] s = new long[machines][families][];
    long[][] init = new long[machines][families];
    for (int m = 0; m < machines; m++) {
      if (setup[m] == null || setup[m].length != families) {
        throw new IllegalArgumentException("The setup matrix of machine " + m + " has "
            + (setup[m] == null ? "null" : setup[m].length) + " rows; it must have one per family (" + families + ").");
      }
      for (int f = 0; f < families; f++) {
        if (setup[m][f] == null || setup[m][f].length != families) {
          throw new IllegalArgumentException("Row " + f + " of the setup matrix of machine " + m
              + " must have one entry per family (" + families + ").");
        }
        s[m][f] = setup[m][f].clone();
        for (int g = 0; g < families; g++) {
          requireNonNegative(s[m][f][g], "setup[" + m + "][" + f + "][" + g + "]");
        }
      }
      if (initial != null) {
        if (initial.length != machines || initial[m] == null || initial[m].length != families) {
          throw new IllegalArgumentException("The initial setups must have one row per machine (" + machines
              + ") and one entry per family (" + families + ").");
        }
        for (int g = 0; g < families; g++) {
          init[m][g] = requireNonNegative(initial[m][g], "initial[" + m + "][" + g + "]");
        }
      }
    }
    return new SetupTimes(familyOfJob.clone(), families, s, init);
  }

  /** Setups by job: {@code setup[machine][fromJob][toJob]} and {@code initial[machine][toJob]} (null for none). */
  public static SetupTimes byJob(long[][][] setup, long[][] initial) {
    Objects.requireNonNull(setup, "setup");
    int jobs = setup.length == 0 ? 0 : Objects.requireNonNull(setup[0], "setup[0]").length;
    int[] identity = new int[jobs];
    for (int j = 0; j < jobs; j++) {
      identity[j] = j;
    }
    return byFamily(identity, setup, initial);
  }

  private static long requireNonNegative(long value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException("The setup time " + name + " (" + value + ") must be >= 0.");
    }
    return value;
  }

  /** True for {@link #NONE}. */
  public boolean isNone() {
    return setup.length == 0;
  }

  /** The number of machines the matrices cover; 0 for {@link #NONE}. */
  public int machineCount() {
    return setup.length;
  }

  /** The number of jobs with a family; 0 for {@link #NONE}. */
  public int jobCount() {
    return familyOfJob.length;
  }

  public int familyCount() {
    return familyCount;
  }

  /** The family of a job. */
  public int family(int job) {
    return familyOfJob[job];
  }

  /** The setup on the machine between an operation of {@code fromJob} and one of {@code toJob}; fromJob -1 = initial. */
  public long setup(int machine, int fromJob, int toJob) {
    if (isNone()) {
      return 0;
    }
    int to = familyOfJob[toJob];
    return fromJob < 0 ? initial[machine][to] : setup[machine][familyOfJob[fromJob]][to];
  }

  /** The setup before the machine's first operation, one of {@code toJob}. */
  public long initial(int machine, int toJob) {
    return setup(machine, -1, toJob);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SetupTimes t && Arrays.equals(familyOfJob, t.familyOfJob)
        && Arrays.deepEquals(setup, t.setup) && Arrays.deepEquals(initial, t.initial);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(familyOfJob) * 31 + Arrays.deepHashCode(setup);
  }

  @Override
  public String toString() {
    return isNone() ? "SetupTimes[none]"
        : "SetupTimes[machines=" + setup.length + ", families=" + familyCount + ", jobs=" + familyOfJob.length + "]";
  }
}
