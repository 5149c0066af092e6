package org.plantwin.planners.dispatch.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How long and with which seed a {@link RoutingSolver} runs.
 *
 * <p>The search stops at whichever limit comes first. With {@code maxIterations} set and no time limit a
 * run is deterministic for its seed (the same routes on any machine); a time limit makes the result depend
 * on machine speed.
 *
 * @param seed           the seed of the solver's random stream
 * @param maxIterations  offspring to generate; 0 for no iteration limit
 * @param timeLimit      wall-clock limit; {@link Duration#ZERO} for none
 */
public record SolverOptions(long seed, long maxIterations, Duration timeLimit) {

    public SolverOptions {
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (maxIterations < 0) {
            throw new IllegalArgumentException("The maxIterations (" + maxIterations + ") must be >= 0.");
        }
        if (timeLimit.isNegative()) {
            throw new IllegalArgumentException("The timeLimit (" + timeLimit + ") must be >= 0.");
        }
        if (maxIterations == 0 && timeLimit.isZero()) {
            throw new IllegalArgumentException(
                    "The options set neither maxIterations nor timeLimit; the search would never stop. "
                            + "Maybe use SolverOptions.iterations(seed, 5000).");
        }
    }

    /** A deterministic budget: {@code maxIterations} offspring, no time limit. */
    public static SolverOptions iterations(long seed, long maxIterations) {
        return new SolverOptions(seed, maxIterations, Duration.ZERO);
    }

    /** A wall-clock budget. */
    public static SolverOptions timeLimit(long seed, Duration timeLimit) {
        return new SolverOptions(seed, 0, timeLimit);
    }
}
