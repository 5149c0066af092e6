package org.plantwin.twin.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that only groups subcommands ({@code plantwin gan|rul|inspect|plan|anomaly}): called without one, it
 * prints its usage to standard error and exits with {@link PlantwinCli#EXIT_ERROR}.
 */
abstract class CommandGroup implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return PlantwinCli.EXIT_ERROR;
    }
}
