package org.plantwin.twin.cli;

import java.util.concurrent.Callable;
import org.plantwin.scenarios.api.ScenarioSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code plantwin schema}: prints the JSON Schema of the scenario format (for editors). */
@Command(name = "schema", mixinStandardHelpOptions = true, description = "Print the JSON Schema of scenario files.")
final class SchemaCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(ScenarioSchema.jsonSchema());
        return 0;
    }
}
