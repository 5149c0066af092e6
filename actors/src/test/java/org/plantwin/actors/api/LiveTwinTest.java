package org.plantwin.actors.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.TimeSpan;

/** The live twin: pacing, telemetry overriding the model, journal replay (restore, fork), drift. */
class LiveTwinTest {

    private static final long HOUR = 3_600_000L;
    private static final Scenario SUPPLY = Scenarios.library("supply-chain");

    @Test
    void pacingStepsDoNotChangeTheState() {
        LiveTwin coarse = LiveTwin.start(SUPPLY, 7);
        LiveTwin fine = LiveTwin.start(SUPPLY, 7);
        coarse.advanceTo(30 * HOUR);
        for (long t = 0; t <= 30 * HOUR; t += 7 * 60_000L) {
            fine.advanceTo(t);
        }
        fine.advanceTo(30 * HOUR);
        assertThat(fine.entities()).isEqualTo(coarse.entities());
        assertThat(coarse.now()).isEqualTo(30 * HOUR);
    }

    @Test
    void aMachineReportedDownStaysDownUntilReportedUpAndTheModelStopsFailingIt() {
        LiveTwin twin = LiveTwin.start(SUPPLY, 1);
        twin.advanceTo(2 * HOUR);
        assertThat(twin.apply("a", 2 * HOUR, new Telemetry.MachineState("L1-M1", "down")))
                .isEqualTo(LiveTwin.Outcome.APPLIED);
        twin.advanceTo(40 * HOUR);
        assertThat(twin.entities().get("L1-M1")).containsEntry("state", "down").containsEntry("followsTelemetry", true);
        long processed = (Long) twin.entities().get("L1-M1").get("processed");
        twin.advanceTo(60 * HOUR);
        assertThat(twin.entities().get("L1-M1").get("processed")).isEqualTo(processed);
        twin.apply("b", 60 * HOUR, new Telemetry.MachineState("L1-M1", "up"));
        twin.advanceTo(200 * HOUR);
        // Up and working again, and no model failure since (20 h mean time between failures, 140 h passed).
        assertThat((Long) twin.entities().get("L1-M1").get("processed")).isGreaterThan(processed);
        assertThat(twin.entities().get("L1-M1").get("failures")).isEqualTo(1L);
    }

    @Test
    void aWearingMachineReportedDownAndUpStopsItsModelFailuresAndMaintenance() {
        Scenario wear = Scenarios.library("maintenance");
        LiveTwin twin = LiveTwin.start(wear, 2);
        twin.advanceTo(48 * HOUR);
        long failuresBefore = (Long) twin.entities().get("M2").get("failures");
        twin.apply("d", twin.now(), new Telemetry.MachineState("M2", "maintenance"));
        twin.advanceTo(60 * HOUR);
        assertThat(twin.entities().get("M2")).containsEntry("state", "down");
        twin.apply("u", twin.now(), new Telemetry.MachineState("M2", "up"));
        twin.advanceTo(30 * 24 * HOUR);
        // Reported from now on: no model wear failure or breakdown counts beyond the one the plant reported.
        assertThat(twin.entities().get("M2").get("failures")).isEqualTo(failuresBefore + 1);
        assertThat(twin.entities().get("M2").get("state")).isNotIn("down", "maintenance");
    }

    @Test
    void inventoryReportsReplaceTheModelsLevelAndDriftKeepsTheDifference() {
        LiveTwin twin = LiveTwin.start(SUPPLY, 3);
        twin.advanceTo(10 * HOUR);
        long model = (Long) twin.entities().get("FG/A").get("onHand");
        twin.apply("i1", 10 * HOUR, new Telemetry.InventoryLevel("FG", "A", model + 37));
        assertThat(twin.entities().get("FG/A").get("onHand")).isEqualTo(model + 37);
        assertThat(twin.drift().get("FG/A")).containsEntry("lastReported", model + 37)
                .containsEntry("modelAtLastReport", model).containsEntry("meanAbsError", 37.0);
    }

    @Test
    void duplicatesStaleAndLateMessagesAreHandled() {
        LiveTwin twin = LiveTwin.start(SUPPLY, 3);
        twin.advanceTo(10 * HOUR);
        assertThat(twin.apply("x", 10 * HOUR, new Telemetry.InventoryLevel("FG", "A", 50)))
                .isEqualTo(LiveTwin.Outcome.APPLIED);
        assertThat(twin.apply("x", 10 * HOUR, new Telemetry.InventoryLevel("FG", "A", 50)))
                .isEqualTo(LiveTwin.Outcome.DUPLICATE);
        // Older than the applied report for the same entity and field: stale, not applied.
        assertThat(twin.apply("y", 9 * HOUR, new Telemetry.InventoryLevel("FG", "A", 999)))
                .isEqualTo(LiveTwin.Outcome.STALE);
        assertThat(twin.entities().get("FG/A").get("onHand")).isNotEqualTo(999L);
        twin.advanceTo(12 * HOUR);
        // Late but newest for its key: applied now.
        assertThat(twin.apply("z", 11 * HOUR, new Telemetry.InventoryLevel("FG", "A", 77)))
                .isEqualTo(LiveTwin.Outcome.APPLIED);
        assertThat(twin.entities().get("FG/A").get("onHand")).isEqualTo(77L);
        assertThat(twin.counters()).containsEntry("applied", 2L).containsEntry("duplicates", 1L)
                .containsEntry("stale", 1L).containsEntry("late", 1L);
    }

    @Test
    void badMessagesAreRefusedWithTheFieldAndChangeNothing() {
        LiveTwin twin = LiveTwin.start(SUPPLY, 3);
        twin.advanceTo(HOUR);
        Map<String, Map<String, Object>> before = twin.entities();
        assertThatThrownBy(() -> twin.apply("m", HOUR, new Telemetry.MachineState("M99", "down")))
                .isInstanceOfSatisfying(TelemetryException.class, e -> {
                    assertThat(e.path()).isEqualTo("machine");
                    assertThat(e.value()).isEqualTo("M99");
                    assertThat(e.getMessage()).contains("L1-M1");
                });
        assertThatThrownBy(() -> twin.apply("s", HOUR, new Telemetry.MachineState("L1-M1", "sleeping")))
                .isInstanceOfSatisfying(TelemetryException.class, e -> assertThat(e.path()).isEqualTo("state"));
        assertThatThrownBy(() -> twin.apply("b", HOUR, new Telemetry.BufferLevel("L1", "S1", 10_000)))
                .isInstanceOfSatisfying(TelemetryException.class, e -> assertThat(e.path()).isEqualTo("level"));
        assertThatThrownBy(() -> twin.apply("p", HOUR, new Telemetry.InventoryLevel("FG", "ZZ", 1)))
                .isInstanceOfSatisfying(TelemetryException.class, e -> assertThat(e.path()).isEqualTo("product"));
        assertThat(twin.entities()).isEqualTo(before);
        assertThat(twin.journal()).isEmpty();
        // A refused message's id is not burnt: the corrected message with the same id applies.
        assertThat(twin.apply("m", HOUR, new Telemetry.MachineState("L1-M1", "down")))
                .isEqualTo(LiveTwin.Outcome.APPLIED);
    }

    @Test
    void sensorReadingsAreCheckedAgainstTheMachinesSensorsAndObservedOnly() {
        Scenario wear = Scenarios.library("maintenance");
        LiveTwin twin = LiveTwin.start(wear, 3);
        twin.advanceTo(HOUR);
        assertThatThrownBy(() -> twin.apply("u", HOUR, new Telemetry.SensorReading("M9", List.of(1.0, 60.0))))
                .isInstanceOfSatisfying(TelemetryException.class, e -> {
                    assertThat(e.path()).isEqualTo("machine");
                    assertThat(e.value()).isEqualTo("M9");
                });
        assertThatThrownBy(() -> twin.apply("n", HOUR, new Telemetry.SensorReading("M1", List.of(1.0))))
                .isInstanceOfSatisfying(TelemetryException.class, e -> {
                    assertThat(e.path()).isEqualTo("values");
                    assertThat(e.value()).isEqualTo("[1.0]");
                    assertThat(e.getMessage()).contains("[vibration, temperature]");
                });
        assertThatThrownBy(() -> twin.apply("x", HOUR, new Telemetry.SensorReading("M1", List.of(1.0, Double.NaN))))
                .isInstanceOfSatisfying(TelemetryException.class, e -> {
                    assertThat(e.path()).isEqualTo("values[1]");
                    assertThat(e.value()).isEqualTo("NaN");
                });
        // The supply chain's machines have no condition sensors.
        LiveTwin plain = LiveTwin.start(SUPPLY, 3);
        assertThatThrownBy(() -> plain.apply("p", 0, new Telemetry.SensorReading("L1-M1", List.of(1.0))))
                .isInstanceOfSatisfying(TelemetryException.class, e -> {
                    assertThat(e.path()).isEqualTo("machine");
                    assertThat(e.getMessage()).contains("degradation.sensors");
                });
        assertThat(twin.journal()).isEmpty();

        // Every reading is an event (an older one is not stale), journalled but not fed to the model.
        LiveTwin twin2 = LiveTwin.start(wear, 3);
        twin2.advanceTo(HOUR);
        twin.apply("a", HOUR, new Telemetry.SensorReading("M1", List.of(1.2, 61.0)));
        assertThat(twin.apply("b", HOUR - 1, new Telemetry.SensorReading("M1", List.of(1.3, 61.5))))
                .isEqualTo(LiveTwin.Outcome.APPLIED);
        twin.advanceTo(5 * HOUR);
        twin2.advanceTo(5 * HOUR);
        assertThat(twin.entities()).isEqualTo(twin2.entities());
        assertThat(twin.journal()).extracting(a -> a.body().kind()).containsExactly("sensors", "sensors");
        LiveTwin back = LiveTwin.restore(wear, 3, twin.journal(), twin.now());
        assertThat(back.entities()).isEqualTo(twin.entities());
        assertThat(back.journal()).isEqualTo(twin.journal());
    }

    @Test
    void recordedEventsJoinTheChangesButNotTheState() {
        LiveTwin twin = LiveTwin.start(SUPPLY, 3);
        twin.advanceTo(HOUR);
        long last = twin.lastChangeSeq();
        Map<String, Map<String, Object>> before = twin.entities();
        LiveTwin.Change c = twin.recordEvent(HOUR - 5, "L1-M1", "sensorAlarm", Map.of("score", 2.0), "sensorWatcher");
        assertThat(c.seq()).isEqualTo(last + 1);
        assertThat(twin.changesSince(last, 10)).containsExactly(c);
        assertThat(twin.history(HOUR - 5, HOUR, "L1-M1")).containsExactly(c);
        twin.advanceTo(2 * HOUR);
        assertThat(twin.entities().keySet()).isEqualTo(before.keySet());
    }

    @Test
    void reportedOrdersReplaceTheCustomersDemandModel() {
        LiveTwin twin = LiveTwin.start(SUPPLY, 5);
        twin.apply("o1", 0, new Telemetry.OrderArrival("C01", "A", 4, null));
        twin.advanceTo(200 * HOUR);
        assertThat(twin.entities().get("C01")).containsEntry("ordersPlaced", 1L).containsEntry("followsTelemetry", true);
        assertThat((Long) twin.entities().get("C02").get("ordersPlaced")).isGreaterThan(1L);
    }

    @Test
    void restoringFromTheJournalGivesTheSameState() {
        LiveTwin twin = LiveTwin.start(SUPPLY, 11);
        feedSomeTelemetry(twin);
        LiveTwin back = LiveTwin.restore(SUPPLY, 11, twin.journal(), twin.now());
        assertThat(back.entities()).isEqualTo(twin.entities());
        assertThat(back.counters().get("applied")).isEqualTo(twin.counters().get("applied"));
        assertThat(back.apply(twin.journal().get(0).id(), back.now(), twin.journal().get(0).body()))
                .isEqualTo(LiveTwin.Outcome.DUPLICATE);
    }

    /**
     * Replay: record a simulated run's state hour by hour (machine up/down, inventory), feed it as telemetry
     * (shuffled within each batch, with duplicates) to a twin of another seed, and check the twin's state matches
     * the run's at every checkpoint for what the telemetry covers, while the rest (parts made) is the model's own.
     */
    @Test
    void aTwinFedARunsTraceMatchesTheRunAtCheckpoints() {
        LiveTwin plant = LiveTwin.start(SUPPLY, 101);
        LiveTwin twin = LiveTwin.start(SUPPLY, 202);
        Random shuffle = new Random(1);
        int downSeen = 0;
        for (long t = HOUR; t <= 14 * 24 * HOUR; t += HOUR) {
            plant.advanceTo(t);
            List<LiveTwin.Message> batch = new ArrayList<>();
            for (Map.Entry<String, Map<String, Object>> e : plant.entities().entrySet()) {
                Map<String, Object> v = e.getValue();
                String id = e.getKey() + "@" + t;
                if ("machine".equals(v.get("kind"))) {
                    batch.add(new LiveTwin.Message(id, t, new Telemetry.MachineState(e.getKey(),
                            "down".equals(v.get("state")) ? "down" : "up")));
                } else if ("stock".equals(v.get("kind"))) {
                    batch.add(new LiveTwin.Message(id, t, new Telemetry.InventoryLevel((String) v.get("warehouse"),
                            (String) v.get("product"), (Long) v.get("onHand"))));
                }
            }
            batch.add(batch.get(shuffle.nextInt(batch.size())));
            Collections.shuffle(batch, shuffle);
            twin.applyBatch(batch);
            for (Map.Entry<String, Map<String, Object>> e : plant.entities().entrySet()) {
                Map<String, Object> mine = twin.entities().get(e.getKey());
                if ("machine".equals(e.getValue().get("kind"))) {
                    boolean down = "down".equals(e.getValue().get("state"));
                    downSeen += down ? 1 : 0;
                    assertThat("down".equals(mine.get("state"))).as(e.getKey() + " at " + t).isEqualTo(down);
                } else if ("stock".equals(e.getValue().get("kind"))) {
                    assertThat(mine.get("onHand")).as(e.getKey() + " at " + t).isEqualTo(e.getValue().get("onHand"));
                }
            }
        }
        assertThat(downSeen).as("the trace must contain breakdowns to be a test").isGreaterThan(0);
        assertThat(twin.counters().get("duplicates")).isEqualTo(14 * 24L);
        assertThat(twin.entities().get("L1").get("partsOut")).isNotEqualTo(plant.entities().get("L1").get("partsOut"));
    }

    @Test
    void forkReplicationZeroWithoutTelemetryIsTheBatchRunOfTheSameWindow() {
        LiveTwin twin = LiveTwin.start(SUPPLY, 9);
        twin.advanceTo(5 * 24 * HOUR);
        Fork.Result fork = new Fork(3 * 24 * HOUR, 1, null, List.of()).run(twin.forkBase());
        Scenario same = SUPPLY.withWarmup(TimeSpan.ofMillis(5 * 24 * HOUR));
        RunResult batch;
        try (SimulationRuntime rt = SimulationRuntime.create(1)) {
            batch = rt.run(same, RunOptions.defaults().withSeed(9).withHorizonMillis(8 * 24 * HOUR)
                    .withOperationTrace(1_000_000));
        }
        assertThat(kpis(fork.replications().get(0))).isEqualTo(kpis(batch));
    }

    @Test
    void forkFromTheSameStateGivesTheSameResultWhateverThePacingAndBatching() {
        LiveTwin a = LiveTwin.start(SUPPLY, 13);
        feedSomeTelemetry(a);
        LiveTwin b = LiveTwin.restore(SUPPLY, 13, a.journal(), a.now());
        Fork f = new Fork(2 * 24 * HOUR, 3, 99L, List.of(new Fork.Disturbance(0, new Telemetry.MachineState("L2-M2",
                "down")), new Fork.Disturbance(6 * HOUR, new Telemetry.MachineState("L2-M2", "up"))));
        Fork.Result ra = f.run(a.forkBase());
        Fork.Result rb = f.run(b.forkBase());
        assertThat(ra.replications().stream().map(LiveTwinTest::kpis).toList())
                .isEqualTo(rb.replications().stream().map(LiveTwinTest::kpis).toList());
        assertThat(ra.orders()).isEqualTo(rb.orders());
        // Replications differ from each other (their own futures), and the live twin is untouched.
        assertThat(kpis(ra.replications().get(1))).isNotEqualTo(kpis(ra.replications().get(2)));
        assertThat(a.now()).isEqualTo(b.now());
    }

    @Test
    void aLongerBreakdownInTheWhatIfMakesOrdersLater() {
        LiveTwin twin = LiveTwin.start(SUPPLY, 21);
        twin.advanceTo(4 * 24 * HOUR);
        for (String m : List.of("L1-M1", "L1-M2", "L2-M1", "L2-M2")) {
            twin.apply(m, twin.now(), new Telemetry.MachineState(m, "down"));
        }
        // The shelves are reported empty, so deliveries wait for the lines.
        for (Map.Entry<String, Map<String, Object>> e : twin.entities().entrySet()) {
            if ("stock".equals(e.getValue().get("kind"))) {
                twin.apply(e.getKey(), twin.now(), new Telemetry.InventoryLevel((String) e.getValue().get("warehouse"),
                        (String) e.getValue().get("product"), 0));
            }
        }
        Fork shortStop = new Fork(3 * 24 * HOUR, 4, 5L, ups(1 * HOUR));
        Fork longStop = new Fork(3 * 24 * HOUR, 4, 5L, ups(30 * HOUR));
        Fork.Result shortRun = shortStop.run(twin.forkBase());
        Fork.Result longRun = longStop.run(twin.forkBase());
        assertThat(mean(longRun, k -> k.backordersMean())).isGreaterThan(mean(shortRun, k -> k.backordersMean()));
        assertThat(mean(longRun, k -> k.leadTimeMeanHours())).isGreaterThan(mean(shortRun, k -> k.leadTimeMeanHours()));
    }

    private static List<Fork.Disturbance> ups(long after) {
        return List.of("L1-M1", "L1-M2", "L2-M1", "L2-M2").stream()
                .map(m -> new Fork.Disturbance(after, new Telemetry.MachineState(m, "up"))).toList();
    }

    private static double mean(Fork.Result r, java.util.function.ToDoubleFunction<RunResult.SupplyChainKpis> kpi) {
        return r.replications().stream().mapToDouble(x -> kpi.applyAsDouble(x.supplyChain())).average().orElseThrow();
    }

    private static void feedSomeTelemetry(LiveTwin twin) {
        twin.advanceTo(20 * HOUR);
        twin.apply("d1", 20 * HOUR, new Telemetry.MachineState("L1-M2", "down"));
        twin.apply("o1", 21 * HOUR, new Telemetry.OrderArrival("C03", "A", 30, 30 * HOUR));
        twin.applyBatch(List.of(new LiveTwin.Message("i1", 25 * HOUR, new Telemetry.InventoryLevel("FG", "A", 5)),
                new LiveTwin.Message("b1", 25 * HOUR, new Telemetry.BufferLevel("L1", "S2", 4)),
                new LiveTwin.Message("c1", 25 * HOUR, new Telemetry.CycleTime("L1-M1", 70))));
        twin.advanceTo(27 * HOUR + 12_345);
        twin.apply("u1", 27 * HOUR, new Telemetry.MachineState("L1-M2", "up"));
        twin.advanceTo(30 * HOUR);
    }

    private static String kpis(RunResult r) {
        return ResultJson.write(r.withoutKernelStats());
    }
}
