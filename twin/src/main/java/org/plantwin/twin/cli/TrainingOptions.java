package org.plantwin.twin.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The model folder, seed and thread options shared by {@code plantwin gan|rul|inspect train}. */
final class TrainingOptions {

    @Option(names = "--out", required = true, paramLabel = "MODEL_DIR", description = "Where to save the model.")
    Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "PyTorch threads (default: ${DEFAULT-VALUE}; 0 = the engine's default).")
    int threads;

    /** The {@code --threads} value; an {@link IllegalArgumentException} naming the option when negative. */
    int threads() {
        if (threads < 0) {
            throw new IllegalArgumentException("The --threads (" + threads + ") must be >= 0.");
        }
        return threads;
    }
}
