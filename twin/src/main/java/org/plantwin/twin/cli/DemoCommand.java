package org.plantwin.twin.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.plantwin.actors.api.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plantwin demo}: runs the richest built-in scenario (supply-chain). */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the richest built-in scenario, supply-chain: two lines, a warehouse with (s,S) and (s,Q)"
                + " policies, a supplier, twelve customers and four trucks.")
final class DemoCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", description = "Folder for result.json and report.html (default: plantwin-out/supply-chain).")
    Path out;

    @Override
    public Integer call() {
        return Runs.runAndReport("supply-chain", RunOptions.defaults(), out, false, false, true,
                spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
