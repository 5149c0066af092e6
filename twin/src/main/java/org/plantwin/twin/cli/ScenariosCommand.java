package org.plantwin.twin.cli;

import java.util.concurrent.Callable;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code plantwin scenarios}: the built-in library. */
@Command(name = "scenarios", mixinStandardHelpOptions = true, description = "List the built-in scenarios.")
final class ScenariosCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        TextTable t = new TextTable("Built-in scenarios (plantwin run NAME)", "name", "horizon", "description");
        for (String name : Scenarios.libraryNames()) {
            Scenario s = Scenarios.library(name);
            String d = s.description() == null ? "" : s.description().strip().replaceAll("\\s+", " ");
            t.row(name, s.horizon().text(), d.length() > 90 ? d.substring(0, 87) + "..." : d);
        }
        spec.commandLine().getOut().print(t.render());
        return 0;
    }
}
