package org.plantwin.scenarios.validate;

import java.util.ArrayList;
import java.util.List;
import org.plantwin.scenarios.api.Problem;
import org.plantwin.scenarios.model.Scenario;

/** Semantic checks of a parsed scenario; reports every problem, each with its JSON path. */
public final class ScenarioValidator {

    private ScenarioValidator() {
    }

    public static List<Problem> validate(Scenario s) {
        List<Problem> problems = new ArrayList<>();
        if (s.horizon().millis() <= 0) {
            problems.add(new Problem("$.horizon", s.horizon().text(), "The horizon must be > 0", "Maybe \"30d\"."));
        }
        return problems;
    }
}
