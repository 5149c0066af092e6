package org.plantwin.twin.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process for the command tests: exit code, standard output and standard error. */
public final class Cli {

    private Cli() {
    }

    /** What one CLI invocation gave. */
    public record Outcome(int code, String out, String err) {
    }

    /** {@code plantwin ARGS...} through {@link PlantwinCli#execute}, without exiting the JVM. */
    public static Outcome cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PlantwinCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Outcome(code, out.toString(), err.toString());
    }
}
