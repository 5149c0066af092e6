package org.plantwin.planners.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.plantwin.planners.dispatch.api.DistanceConvention;
import org.plantwin.planners.dispatch.api.Objective;
import org.plantwin.planners.dispatch.api.RoutingInstance;
import org.plantwin.planners.dispatch.api.SolutionValidator;
import org.plantwin.planners.dispatch.api.ValidationReport;
import org.plantwin.planners.dispatch.construction.SolomonI1;

class SolomonI1Test {

    @ParameterizedTest
    @ValueSource(strings = {"C101", "C201", "R101", "R201", "RC101", "RC201"})
    void buildsAFeasibleSolutionWithinTheFleetForEachSolomonClass(String name) {
        RoutingInstance instance = Fixtures.solomon(name, DistanceConvention.EUCLIDEAN);

        ValidationReport report = SolutionValidator.validate(instance,
                SolomonI1.construct(instance, Objective.HIERARCHICAL));

        assertThat(report.problems()).isEmpty();
        assertThat(report.vehicles()).isLessThanOrEqualTo(instance.vehicleCount());
    }

    @Test
    void buildsAFeasibleSolutionForACapacitatedInstanceWithoutTimeWindows() {
        RoutingInstance instance = Fixtures.augerat("A-n39-k6");

        ValidationReport report = SolutionValidator.validate(instance,
                SolomonI1.construct(instance, Objective.DISTANCE));

        assertThat(instance.hasTimeWindows()).isFalse();
        assertThat(report.problems()).isEmpty();
    }
}
