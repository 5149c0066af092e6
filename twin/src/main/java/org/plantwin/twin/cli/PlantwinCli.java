package org.plantwin.twin.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code plantwin}: run, validate and list scenarios from the terminal. */
@Command(name = "plantwin", mixinStandardHelpOptions = true, version = "plantwin 0.1.0",
        description = "Actor-based, deterministic digital twin of a manufacturing plant.",
        subcommands = {RunCommand.class, ValidateCommand.class, ScenariosCommand.class, DemoCommand.class,
                SchemaCommand.class, PlanCommand.class, ExperimentCommand.class, CompareCommand.class, ServeCommand.class,
                ForecastCommand.class, RulCommand.class, InspectCommand.class, GanCommand.class, HistoryCommand.class,
                AnomalyCommand.class,
                CommandLine.HelpCommand.class})
public final class PlantwinCli {

    /** Exit code: the scenario is invalid. */
    public static final int EXIT_INVALID = 1;
    /** Exit code: wrong usage or an unexpected failure. */
    public static final int EXIT_ERROR = 2;

    public static void main(String[] args) {
        // Initialise logging before Pekko starts so that no log call is queued and replayed with a warning.
        org.slf4j.LoggerFactory.getILoggerFactory();
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs a command's action; any failure becomes its message on stderr and exit code 2, without a stack trace
     * (bad files and options throw runtime exceptions whose messages name the file, line and value).
     */
    static int guarded(picocli.CommandLine.Model.CommandSpec spec, java.util.concurrent.Callable<Integer> action) {
        try {
            return action.call();
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("Error: " + e.getMessage());
            return EXIT_ERROR;
        } catch (Exception e) {
            spec.commandLine().getErr().println("Error: " + e);
            return EXIT_ERROR;
        }
    }

    /** Runs the CLI with the given streams and returns the exit code (testable without exiting the JVM). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new PlantwinCli());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("Error: " + ex.getMessage());
            return EXIT_ERROR;
        });
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
