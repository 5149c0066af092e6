package org.plantwin.planners.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.plantwin.planners.dispatch.api.DistanceConvention;
import org.plantwin.planners.dispatch.api.Objective;
import org.plantwin.planners.dispatch.api.RoutingInstance;
import org.plantwin.planners.dispatch.api.RoutingSolver;
import org.plantwin.planners.dispatch.api.SolverOptions;
import org.plantwin.planners.dispatch.api.SolverResult;

class RoutingSolverTest {

    @Test
    void reachesTheOptimumOfAugeratA32WithinAnIterationBudget() {
        RoutingInstance instance = Fixtures.augerat("A-n32-k5");

        SolverResult result = RoutingSolver.solve(instance, Objective.DISTANCE, SolverOptions.iterations(1, 2_000));

        assertThat(result.report().problems()).isEmpty();
        assertThat(result.report().distance()).isEqualTo(784.0);
    }

    @Test
    void returnsTheSameRoutesForTheSameSeedAndIterationBudget() {
        RoutingInstance instance = Fixtures.solomon("RC201", DistanceConvention.EUCLIDEAN);
        SolverOptions options = SolverOptions.iterations(42, 150);

        SolverResult first = RoutingSolver.solve(instance, Objective.HIERARCHICAL, options);
        SolverResult second = RoutingSolver.solve(instance, Objective.HIERARCHICAL, options);

        assertThat(second.solution()).isEqualTo(first.solution());
        assertThat(second.iterations()).isEqualTo(first.iterations()).isEqualTo(150);
    }

    @ParameterizedTest
    @CsvSource({"C101, HIERARCHICAL, EUCLIDEAN", "R101, HIERARCHICAL, EUCLIDEAN",
        "RC101, DISTANCE, EUCLIDEAN_TRUNCATED_ONE_DECIMAL", "R201, DISTANCE, EUCLIDEAN_TRUNCATED_ONE_DECIMAL"})
    void isFeasibleAndNeverWorseThanTheI1Construction(String name, Objective objective, DistanceConvention convention) {
        RoutingInstance instance = Fixtures.solomon(name, convention);

        SolverResult result = RoutingSolver.solve(instance, objective, SolverOptions.iterations(7, 200));

        assertThat(result.report().problems()).isEmpty();
        assertThat(objective.compare(result.report().vehicles(), result.report().distance(),
                result.construction().vehicles(), result.construction().distance())).isLessThanOrEqualTo(0);
    }

    @Test
    void reachesTheBestKnownVehicleCountOfC101UnderTheHierarchicalObjective() {
        RoutingInstance instance = Fixtures.solomon("C101", DistanceConvention.EUCLIDEAN);

        SolverResult result = RoutingSolver.solve(instance, Objective.HIERARCHICAL, SolverOptions.iterations(3, 300));

        assertThat(result.report().problems()).isEmpty();
        assertThat(result.report().vehicles()).isEqualTo(10);
        assertThat(result.report().distance()).isLessThan(828.94 * 1.01);
    }

    @Test
    void stopsAtTheTimeLimitWhenNoIterationBudgetIsGiven() {
        RoutingInstance instance = Fixtures.augerat("A-n33-k6");

        SolverResult result = RoutingSolver.solve(instance, Objective.DISTANCE,
                SolverOptions.timeLimit(1, Duration.ofMillis(500)));

        assertThat(result.report().problems()).isEmpty();
        assertThat(result.seconds()).isLessThan(5.0);
    }

    @Test
    void rejectsOptionsWithoutAnyLimit() {
        assertThatThrownBy(() -> new SolverOptions(1, 0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neither maxIterations nor timeLimit")
                .hasMessageContaining("Maybe");
        assertThatThrownBy(() -> SolverOptions.iterations(1, -3))
                .hasMessageContaining("maxIterations (-3)");
    }
}
