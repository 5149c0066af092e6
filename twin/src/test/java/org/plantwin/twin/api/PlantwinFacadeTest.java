package org.plantwin.twin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.api.ResultJson;
import org.plantwin.twin.experiment.Experiment;
import org.plantwin.twin.experiment.ExperimentResult;

/** The facade's Javadoc example, compiled and run, plus what it promises. */
class PlantwinFacadeTest {

    @Test
    void theJavadocExampleRuns() {
        // One run, blocking:
        RunResult r = Plantwin.resolve("flowline5").run(RunOptions.defaults().withSeed(7)
                .withHorizonMillis(2_000 * 60_000L));
        double perHour = r.plant().throughputPerHour();
        assertThat(perHour).isPositive();

        List<Double> seen = Collections.synchronizedList(new ArrayList<>());
        ExperimentResult e;
        RunResult a;
        // Many runs on all cores, with progress:
        try (Plantwin.Engine engine = Plantwin.engine(2)) {
            CompletableFuture<RunResult> f = engine.runAsync(Plantwin.resolve("supply-chain").scenario(),
                    RunOptions.defaults().withReplication(1).withHorizonMillis(10 * 86_400_000L),
                    p -> seen.add(p.fraction()));
            e = engine.experiment(Experiment.of("what-if", Plantwin.resolve("mm1").scenario()
                    .withHorizon(org.plantwin.scenarios.model.TimeSpan.parse("20000m"))).withReplications(5),
                    progress -> { }).join();
            a = f.join();
        }
        assertThat(a.supplyChain()).isNotNull();
        assertThat(seen).isNotEmpty().allSatisfy(x -> assertThat(x).isBetween(0.0, 1.0));
        assertThat(e).isNotNull();
    }

    @Test
    void anEngineGivesTheSameResultAsARunOnItsOwn() {
        RunOptions o = RunOptions.defaults().withHorizonMillis(3 * 86_400_000L);
        String alone = ResultJson.write(Plantwin.resolve("demo").run(o));
        try (Plantwin.Engine engine = Plantwin.engine(3)) {
            assertThat(ResultJson.write(engine.runAsync(Plantwin.resolve("demo").scenario(), o, null).join()))
                    .isEqualTo(alone);
        }
    }

    @Test
    void supplyChainKpisCanBeNamedInExperiments() {
        RunResult r = Plantwin.resolve("supply-chain").run(RunOptions.defaults().withHorizonMillis(10 * 86_400_000L));
        var names = org.plantwin.twin.experiment.Kpis.names(Plantwin.resolve("supply-chain").scenario());
        assertThat(names).contains("supplyChain.orderFillRate", "inventory[FG/A].onHandMean", "fleets[trucks].km",
                "materials[L1/steel].onHandMean", "customers[C01].leadTimeMeanHours");
        assertThat(org.plantwin.twin.experiment.Kpis.value(r, "supplyChain.orderFillRate"))
                .isEqualTo(r.supplyChain().orderFillRate());
        assertThat(org.plantwin.twin.experiment.Kpis.direction("supplyChain.orderFillRate"))
                .isEqualTo(org.plantwin.twin.experiment.Direction.HIGHER_IS_BETTER);
        assertThat(org.plantwin.twin.experiment.Kpis.direction("fleets[trucks].km"))
                .isEqualTo(org.plantwin.twin.experiment.Direction.LOWER_IS_BETTER);
    }

    @Test
    void plansAndForecastersAreAtHand() {
        String ft06 = """
                6 6
                2 1 0 3 1 6 3 7 5 3 4 6
                1 8 2 5 4 10 5 10 0 10 3 4
                2 5 3 4 5 8 0 9 1 1 4 7
                1 5 0 5 2 5 3 3 4 8 5 9
                2 9 1 3 4 5 5 4 0 3 3 1
                1 3 3 3 5 9 0 10 4 4 2 1
                """;
        String json = Plantwin.plan("jssp", ft06, java.time.Duration.ofSeconds(2), 1);
        assertThat(json).contains("\"makespan\"");
        assertThat(Plantwin.forecaster("snaive")).isNotNull();
        assertThat(Plantwin.library()).contains("supply-chain", "flowline5");
    }
}
