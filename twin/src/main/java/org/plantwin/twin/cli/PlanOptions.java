package org.plantwin.twin.cli;

import java.time.Duration;
import org.plantwin.scenarios.model.TimeSpan;
import picocli.CommandLine.Option;

/** The budget, seed and output options shared by every {@code plantwin plan} subcommand. */
final class PlanOptions {

    @Option(names = "--time", defaultValue = "60s", paramLabel = "DURATION",
            description = "Wall-clock limit of the search, e.g. 500ms, 10s, 2m (default: ${DEFAULT-VALUE}).")
    String time;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "Seed of the search (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--iterations", paramLabel = "N",
            description = "Iteration budget. A run that stops on it (or on a proven optimum) is deterministic for its seed;"
                    + " one that stops on --time is not.")
    Long iterations;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
            description = "Accepted for the CLI contract; the searches are single-threaded, so only 1 is used.")
    int threads;

    @Option(names = "--json", description = "Print one JSON object instead of the summary.")
    boolean json;

    /** The {@code --time} value as a duration; a {@link PlanInputException} naming the option when malformed. */
    Duration timeLimit() {
        try {
            return Duration.ofMillis(TimeSpan.parse(time).toMillis());
        } catch (IllegalArgumentException e) {
            throw new PlanInputException("--time: " + e.getMessage(), e);
        }
    }

    /** The {@code --iterations} value, validated; null when not given. */
    Long iterationBudget() {
        if (iterations != null && iterations <= 0) {
            throw new PlanInputException("--iterations: the value (" + iterations + ") must be > 0.");
        }
        return iterations;
    }

    /** Validates {@code --threads}; the note to print when more than one thread was asked for, else null. */
    String threadsNote() {
        if (threads < 1) {
            throw new PlanInputException("--threads: the value (" + threads + ") must be >= 1.");
        }
        return threads == 1 ? null
                : "Note: the search is single-threaded; --threads " + threads + " runs on 1 thread.";
    }
}
