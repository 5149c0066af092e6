package org.plantwin.twin.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.plantwin.actors.api.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plantwin demo}: runs the built-in demo plant. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the built-in demo plant (two lines, a shared machine group, setups, failures).")
final class DemoCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", description = "Folder for result.json (default: plantwin-out/demo).")
    Path out;

    @Override
    public Integer call() {
        return Runs.runAndReport("demo", RunOptions.defaults(), out, false, false, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
