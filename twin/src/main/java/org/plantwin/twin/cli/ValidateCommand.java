package org.plantwin.twin.cli;

import java.util.concurrent.Callable;
import org.plantwin.scenarios.api.ScenarioException;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code plantwin validate FILE}: every problem with its JSON path; exit 0 when valid, 1 when not. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a scenario file and list every problem with its JSON path. Exit 0 = valid, 1 = invalid.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE|NAME")
    String scenario;

    @Override
    public Integer call() {
        try {
            Scenario s = Scenarios.resolve(scenario);
            spec.commandLine().getOut().println("OK: " + scenario + " is a valid scenario (" + s.name() + ").");
            return 0;
        } catch (ScenarioException e) {
            Runs.printProblems(scenario, e, spec.commandLine().getErr());
            return PlantwinCli.EXIT_INVALID;
        }
    }
}
