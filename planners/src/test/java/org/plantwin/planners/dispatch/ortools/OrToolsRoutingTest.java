package org.plantwin.planners.dispatch.ortools;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.plantwin.planners.dispatch.api.DistanceConvention;
import org.plantwin.planners.dispatch.api.Objective;
import org.plantwin.planners.dispatch.api.RoutingInstance;
import org.plantwin.planners.dispatch.api.SolomonReader;
import org.plantwin.planners.dispatch.api.SolutionValidator;
import org.plantwin.planners.dispatch.api.VrplibReader;

class OrToolsRoutingTest {

    @Test
    void solvesAugeratA32FeasiblyAtOrAboveTheOptimum() {
        RoutingInstance a32 = VrplibReader.read(resource("cvrp/A-n32-k5.vrp"));
        OrToolsRoutingResult r = OrToolsRouting.solve(a32, Objective.DISTANCE, Duration.ofSeconds(2));
        assertThat(r.feasible()).as("%s", r.report()).isTrue();
        assertThat(r.report().distance()).isGreaterThanOrEqualTo(784.0);
        assertThat(SolutionValidator.validate(a32, r.solution().orElseThrow())).isEqualTo(r.report());
        // nint arcs are integers, so the scaled objective is the distance times SCALE exactly.
        assertThat(r.scaledObjective()).isEqualTo(Math.round(r.report().distance() * OrToolsRouting.SCALE));
    }

    @Test
    void respectsTimeWindowsOnSolomonC101UnderTheHierarchicalObjective() {
        RoutingInstance c101 = SolomonReader.read(resource("vrptw/C101.txt"), DistanceConvention.EUCLIDEAN);
        OrToolsRoutingResult r = OrToolsRouting.solve(c101, Objective.HIERARCHICAL, Duration.ofSeconds(2));
        assertThat(r.feasible()).as("%s", r.report()).isTrue();
        assertThat(r.report().vehicles()).isGreaterThanOrEqualTo(10);
        assertThat(r.report().distance()).isGreaterThanOrEqualTo(828.93);
    }

    private static Path resource(String relative) {
        try {
            return Path.of(OrToolsRoutingTest.class.getResource("/" + relative).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
