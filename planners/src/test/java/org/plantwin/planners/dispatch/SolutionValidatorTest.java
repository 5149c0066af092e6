package org.plantwin.planners.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.plantwin.planners.dispatch.api.DistanceConvention;
import org.plantwin.planners.dispatch.api.RoutingInstance;
import org.plantwin.planners.dispatch.api.Solution;
import org.plantwin.planners.dispatch.api.SolutionFiles;
import org.plantwin.planners.dispatch.api.SolutionValidator;
import org.plantwin.planners.dispatch.api.ValidationReport;

class SolutionValidatorTest {

    @ParameterizedTest
    @ValueSource(strings = {"C101", "C201", "R101", "R201", "RC101", "RC201"})
    void reproducesThePublishedDistanceOnlyCostOfEachSolomonReferenceSolution(String name) {
        RoutingInstance instance = Fixtures.solomon(name, DistanceConvention.EUCLIDEAN_TRUNCATED_ONE_DECIMAL);
        var file = Fixtures.resource("vrptw/solutions/" + name + ".sol");
        ValidationReport report = SolutionValidator.validate(instance, SolutionFiles.read(file));

        assertThat(report.problems()).isEmpty();
        assertThat(report.distance()).isCloseTo(SolutionFiles.statedCost(file).orElseThrow(), within(1e-6));
    }

    @Test
    void reproducesTheOptimalCostOfAugeratA32UnderNintDistances() {
        RoutingInstance instance = Fixtures.augerat("A-n32-k5");
        ValidationReport report = SolutionValidator.validate(instance,
                SolutionFiles.read(Fixtures.resource("cvrp/solutions/A-n32-k5.sol")));

        assertThat(report.problems()).isEmpty();
        assertThat(report.vehicles()).isEqualTo(5);
        assertThat(report.distance()).isEqualTo(784.0);
    }

    @Test
    void costsTheSameRoutesDifferentlyUnderTheTwoSolomonConventions() {
        Solution sol = SolutionFiles.read(Fixtures.resource("vrptw/solutions/C101.sol"));
        double exact = SolutionValidator.validate(Fixtures.solomon("C101", DistanceConvention.EUCLIDEAN), sol).distance();
        double truncated = SolutionValidator.validate(
                Fixtures.solomon("C101", DistanceConvention.EUCLIDEAN_TRUNCATED_ONE_DECIMAL), sol).distance();

        assertThat(truncated).isEqualTo(827.3, within(1e-6));
        assertThat(exact).isGreaterThan(truncated).isCloseTo(828.94, within(0.01));
    }

    @Test
    void reportsAMissingAndADuplicatedCustomer() {
        RoutingInstance instance = Fixtures.augerat("A-n32-k5");
        List<List<Integer>> routes = new ArrayList<>(SolutionFiles.read(
                Fixtures.resource("cvrp/solutions/A-n32-k5.sol")).routes());
        List<Integer> first = new ArrayList<>(routes.get(0));
        first.set(0, routes.get(1).get(0)); // replaces customer 21 with customer 12
        routes.set(0, first);

        ValidationReport report = SolutionValidator.validate(instance, new Solution(routes));

        assertThat(report.problems())
                .anyMatch(p -> p.contains("Customer (21) is served 0 times"))
                .anyMatch(p -> p.contains("Customer (12) is served 2 times"));
    }

    @Test
    void reportsAnOverloadedRoute() {
        RoutingInstance instance = Fixtures.augerat("A-n32-k5");
        List<Integer> all = new ArrayList<>();
        for (int c = 1; c <= instance.customerCount(); c++) {
            all.add(c);
        }

        ValidationReport report = SolutionValidator.validate(instance, new Solution(List.of(all)));

        assertThat(report.problems()).singleElement().asString()
                .contains("Route 1 carries " + instance.totalDemand()).contains("capacity 100");
    }

    @Test
    void reportsServiceAfterTheDueTime() {
        RoutingInstance instance = Fixtures.solomon("C101", DistanceConvention.EUCLIDEAN);
        List<List<Integer>> routes = new ArrayList<>();
        // Customer 1 opens at 912; customer 5 closes at 67: visiting 1 first makes 5 late.
        routes.add(List.of(1, 5));
        for (int c = 2; c <= instance.customerCount(); c++) {
            if (c != 5) {
                routes.add(List.of(c));
            }
        }

        ValidationReport report = SolutionValidator.validate(instance, new Solution(routes));

        assertThat(report.problems())
                .anyMatch(p -> p.contains("customer (5)") && p.contains("after its due time 67.0"))
                .anyMatch(p -> p.contains("uses 99 vehicles but the fleet has 25"));
    }
}
