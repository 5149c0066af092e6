package org.plantwin.planners.scheduling.cpsat;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.plantwin.planners.scheduling.api.Schedule;

/**
 * Budget and search settings for {@link CpSatJobShop}.
 *
 * <p>With {@code deterministic} false (the default) the limit is wall-clock time and CP-SAT runs its
 * usual parallel portfolio: the best results at a time budget, but two runs may differ. With
 * {@code deterministic} true the limit is read as CP-SAT's <em>deterministic</em> time (work units that
 * are roughly seconds on a fast core) and {@code interleave_search} is on, so the same seed and worker
 * count give the same schedule on any machine, at some loss of strength.
 *
 * @param timeLimit the wall-clock limit (or deterministic-time limit, see above); > 0
 * @param seed CP-SAT's {@code random_seed} (mapped into the int range by {@link #satSeed()})
 * @param workers CP-SAT's {@code num_workers}, >= 1
 * @param deterministic whether to trade speed for run-to-run reproducibility
 * @param hint an optional starting schedule (e.g. the tabu search's) given to CP-SAT as a solution hint; null if none
 */
public record CpSatOptions(Duration timeLimit, long seed, int workers, boolean deterministic, Schedule hint) {
  public CpSatOptions {
    Objects.requireNonNull(timeLimit, "timeLimit");
    if (timeLimit.isZero() || timeLimit.isNegative()) {
      throw new IllegalArgumentException("The timeLimit (" + timeLimit + ") must be > 0.");
    }
    if (workers < 1) {
      throw new IllegalArgumentException("The workers (" + workers + ") must be >= 1.");
    }
  }

  /** Wall-clock limit, seed 0, 2 workers (the bench machine's cores), no hint. */
  public static CpSatOptions of(Duration timeLimit) {
    return new CpSatOptions(timeLimit, 0, 2, false, null);
  }

  public CpSatOptions withSeed(long newSeed) {
    return new CpSatOptions(timeLimit, newSeed, workers, deterministic, hint);
  }

  public CpSatOptions withWorkers(int newWorkers) {
    return new CpSatOptions(timeLimit, seed, newWorkers, deterministic, hint);
  }

  public CpSatOptions withDeterministic(boolean newDeterministic) {
    return new CpSatOptions(timeLimit, seed, workers, newDeterministic, hint);
  }

  public CpSatOptions withHint(Schedule newHint) {
    return new CpSatOptions(timeLimit, seed, workers, deterministic, newHint);
  }

  public Optional<Schedule> optHint() {
    return Optional.ofNullable(hint);
  }

  /** The seed as CP-SAT's non-negative int {@code random_seed}. */
  public int satSeed() {
    return Long.hashCode(seed) & Integer.MAX_VALUE;
  }
}
