package org.plantwin.planners.scheduling.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Options of {@link TabuSearch}: budgets, seed and search parameters.
 *
 * <p>The search is deterministic for a given seed as long as it stops on the iteration budget or the
 * target, not on the time limit. Tests set an iteration budget; the bench sets a time limit.
 */
public final class TabuSearchOptions {
  private final long maxIterations;
  private final Duration timeLimit;
  private final long seed;
  private final long targetMakespan;
  private final int stagnationLimit;
  private final int exactCandidates;
  private final Objective objective;

  private TabuSearchOptions(Builder b) {
    this.objective = b.objective;
    this.maxIterations = b.maxIterations;
    this.timeLimit = b.timeLimit;
    this.seed = b.seed;
    this.targetMakespan = b.targetMakespan;
    this.stagnationLimit = b.stagnationLimit;
    this.exactCandidates = b.exactCandidates;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The most iterations (moves) to make; Long.MAX_VALUE for none. */
  public long maxIterations() {
    return maxIterations;
  }

  /** The wall-clock limit of the search. */
  public Duration timeLimit() {
    return timeLimit;
  }

  public long seed() {
    return seed;
  }

  /**
   * Stop as soon as the objective is at most this (e.g. a known lower bound); -1 for automatic: the
   * trivial lower bound for makespan, 0 for weighted tardiness.
   */
  public long targetMakespan() {
    return targetMakespan;
  }

  /** Iterations without a new best before jumping back to the best solution and perturbing it; 0 = automatic. */
  public int stagnationLimit() {
    return stagnationLimit;
  }

  /** How many of the best estimated moves are evaluated exactly each iteration; 0 = automatic (1 for JSSP, 4 for FJSP). */
  public int exactCandidates() {
    return exactCandidates;
  }

  /** What to minimise; makespan by default. */
  public Objective objective() {
    return objective;
  }

  @Override
  public String toString() {
    return "TabuSearchOptions[objective=" + objective + ", maxIterations=" + maxIterations + ", timeLimit=" + timeLimit + ", seed=" + seed
        + ", targetMakespan=" + targetMakespan + ", stagnationLimit=" + stagnationLimit
        + ", exactCandidates=" + exactCandidates + "]";
  }

  /** Builder; every value is optional. */
  public static final class Builder {
    private long maxIterations = Long.MAX_VALUE;
    private Duration timeLimit = Duration.ofSeconds(10);
    private long seed = 0;
    private long targetMakespan = -1;
    private int stagnationLimit = 0;
    private int exactCandidates = 0;
    private Objective objective = Objective.MAKESPAN;

    private Builder() {
    }

    public Builder optObjective(Objective objective) {
      this.objective = Objects.requireNonNull(objective, "objective");
      return this;
    }

    public Builder optMaxIterations(long maxIterations) {
      if (maxIterations < 0) {
        throw new IllegalArgumentException("The maxIterations (" + maxIterations + ") must be >= 0.");
      }
      this.maxIterations = maxIterations;
      return this;
    }

    public Builder optTimeLimit(Duration timeLimit) {
      Objects.requireNonNull(timeLimit, "timeLimit");
      if (timeLimit.isNegative()) {
        throw new IllegalArgumentException("The timeLimit (" + timeLimit + ") must be >= 0.");
      }
      this.timeLimit = timeLimit;
      return this;
    }

    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder optTargetMakespan(long targetMakespan) {
      if (targetMakespan < -1) {
        throw new IllegalArgumentException("The targetMakespan (" + targetMakespan + ") must be >= -1.");
      }
      this.targetMakespan = targetMakespan;
      return this;
    }

    public Builder optStagnationLimit(int stagnationLimit) {
      if (stagnationLimit < 0) {
        throw new IllegalArgumentException("The stagnationLimit (" + stagnationLimit + ") must be >= 0.");
      }
      this.stagnationLimit = stagnationLimit;
      return this;
    }

    public Builder optExactCandidates(int exactCandidates) {
      if (exactCandidates < 0) {
        throw new IllegalArgumentException("The exactCandidates (" + exactCandidates + ") must be >= 0.");
      }
      this.exactCandidates = exactCandidates;
      return this;
    }

    public TabuSearchOptions build() {
      return new TabuSearchOptions(this);
    }
  }
}
