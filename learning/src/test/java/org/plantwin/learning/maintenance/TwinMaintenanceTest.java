package org.plantwin.learning.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.plantwin.actors.api.RunResult;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.TimeSpan;

/** Run-to-failure lives from the twin, and the RUL-driven maintenance policy trained on them. */
class TwinMaintenanceTest {

    private static final Scenario PLANT = Scenarios.library("maintenance").withHorizon(TimeSpan.parse("30d"));

    @Test
    void livesEndInFailureAndTheirSensorsRiseWithWear() {
        List<EngineUnit> lives = TwinLives.collect(PLANT, 0, 1, 10, 1);

        assertThat(lives).isNotEmpty();
        double first = 0;
        double last = 0;
        for (EngineUnit u : lives) {
            first += u.sensors()[0][0];
            last += u.sensors()[u.cycles() - 1][0];
            // Two sensors (vibration, temperature); the other columns stay 0.
            assertThat(u.sensors()[0][2]).isZero();
            assertThat(u.sensors()[0][1]).isGreaterThan(40);
        }
        assertThat(last / lives.size()).isGreaterThan(first / lives.size() + 2);
        assertThat(TwinLives.collect(PLANT, 0, 1, 10, 2)).isEqualTo(lives);
    }

    @Test
    @Tag("slow") // trains an LSTM and runs 4 x 2 plant runs with it: about 45 s on 2 shared cores
    void rulPolicyFailsLessThanRunToFailure() {
        MaintenanceComparison.Settings s = new MaintenanceComparison.Settings(2, 3, 10, 60, 10, 5, 42, 2);
        ByteArrayOutputStream text = new ByteArrayOutputStream();

        MaintenanceComparison.Outcome o = MaintenanceComparison.run(PLANT, s,
                new PrintStream(text, true, StandardCharsets.UTF_8));

        long toFailure = failures(o.runs().get(MaintenanceComparison.RUN_TO_FAILURE));
        long rul = failures(o.runs().get(MaintenanceComparison.RUL));
        assertThat(rul).isLessThan(toFailure);
        assertThat(o.runs().get(MaintenanceComparison.RUL)).allSatisfy(r ->
                assertThat(r.maintenanceSummary().preventive()).isPositive());
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("predictive (RUL LSTM)", "availability");
    }

    private static long failures(List<RunResult> runs) {
        return runs.stream().mapToLong(r -> r.maintenanceSummary().failures()).sum();
    }

    @Test
    void autoencoderAlarmsOnDriftAndSpikesFarMoreThanOnNormalReadings() {
        SensorFaultEvaluation.Settings s = new SensorFaultEvaluation.Settings(1, 1, 500, 0.995, 5, 30, 42, 1);

        SensorFaultEvaluation.Result r = SensorFaultEvaluation.run(PLANT, s,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        for (SensorFaultEvaluation.FaultRow f : r.faults().subList(0, 2)) {
            assertThat((double) f.alarmed() / f.windows()).as(f.type()).isGreaterThan(10 * r.falseAlarmRate());
            assertThat(f.detected()).as(f.type()).isPositive();
        }
        assertThat(r.faults()).extracting(SensorFaultEvaluation.FaultRow::type)
                .containsExactly("drift", "spike", "stuck");
    }

    @Test
    void alarmsReachTheGuardedPolicyAndChangeItsDecisionsOnTheFaultyPlant() {
        // Two arms that differ only in what the trend policy does with the autoencoder's alarms: if no alarm
        // reached the policy, or the guard ignored it, the two arms' runs would be identical.
        List<EngineUnit> lives = TwinLives.collect(PLANT, 1000, 1, 1, 1);
        SensorFaultEvaluation.Settings s = new SensorFaultEvaluation.Settings(1, 1, 500, 0.995, 5, 30, 42, 1, 2);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        java.util.Map<String, List<RunResult>> arms;
        try (SensorAutoencoder ae = SensorAutoencoder.train(lives, 30, 42, 500, 128, 0.995, 1)) {
            arms = SensorFaultEvaluation.comparePolicies(SensorFaultEvaluation.withFaults(PLANT),
                    TwinLives.machines(PLANT), ae, s, new PrintStream(text, true, StandardCharsets.UTF_8));
        }
        assertThat(arms).containsOnlyKeys(SensorFaultEvaluation.IGNORED, SensorFaultEvaluation.GUARDED);
        List<RunResult.MaintenanceSummary> ignored = arms.get(SensorFaultEvaluation.IGNORED).stream()
                .map(RunResult::maintenanceSummary).toList();
        List<RunResult.MaintenanceSummary> guarded = arms.get(SensorFaultEvaluation.GUARDED).stream()
                .map(RunResult::maintenanceSummary).toList();
        assertThat(guarded).hasSize(2).isNotEqualTo(ignored);
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("Paired differences against trend, alarms ignored",
                "wear failures");
    }
}
