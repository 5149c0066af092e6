package org.plantwin.planners.scheduling.cpsat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.plantwin.planners.scheduling.SetupWindowExample;
import org.plantwin.planners.scheduling.api.BrandimarteFormat;
import org.plantwin.planners.scheduling.api.DispatchScheduler;
import org.plantwin.planners.scheduling.api.Job;
import org.plantwin.planners.scheduling.api.MachineOption;
import org.plantwin.planners.scheduling.api.JsspFormat;
import org.plantwin.planners.scheduling.api.Operation;
import org.plantwin.planners.scheduling.api.ScheduleValidator;
import org.plantwin.planners.scheduling.api.ScheduledOperation;
import org.plantwin.planners.scheduling.api.SetupTimes;
import org.plantwin.planners.scheduling.api.ShopInstance;
import org.plantwin.planners.scheduling.api.SolveResult;
import org.plantwin.planners.scheduling.api.TabuSearch;
import org.plantwin.planners.scheduling.api.TabuSearchOptions;
import org.plantwin.planners.scheduling.api.TimeWindow;
import org.plantwin.planners.scheduling.api.Unavailability;

class CpSatSetupsAndWindowsTest {
  private static final CpSatOptions DETERMINISTIC = CpSatOptions.of(Duration.ofSeconds(20)).withDeterministic(true);

  @Test
  void placesOperationsBetweenWindows() {
    ShopInstance instance = new ShopInstance("window", 1, List.of(Job.of(List.of(Operation.on(0, 3))),
        Job.of(List.of(Operation.on(0, 4)))))
        .withUnavailability(Unavailability.of(List.of(List.of(new TimeWindow(5, 8)))));
    CpSatResult result = CpSatJobShop.solve(instance, DETERMINISTIC);
    assertThat(result.status()).isEqualTo("OPTIMAL");
    assertThat(result.schedule().orElseThrow().operations()).containsExactly(new ScheduledOperation(1, 0, 0, 0, 4),
        new ScheduledOperation(0, 0, 0, 8, 11));
  }

  @Test
  void setupMustFitBetweenWindowsInOnePiece() {
    // Job 0 for 3, then job 1 (setup 4) for 2; down in [5, 8) and [9, 12): the setup cannot go in [3, 5) or
    // [8, 9), so job 1 starts at 16 after the setup in [12, 16); job 1 first (initial 5) is worse.
    ShopInstance instance = new ShopInstance("setup-windows", 1, List.of(Job.of(List.of(Operation.on(0, 3))),
        Job.of(List.of(Operation.on(0, 2)))))
        .withSetups(SetupTimes.byJob(new long[][][] {{{0, 4}, {9, 0}}}, new long[][] {{0, 5}}))
        .withUnavailability(Unavailability.of(List.of(List.of(new TimeWindow(5, 8), new TimeWindow(9, 12)))));
    CpSatResult result = CpSatJobShop.solve(instance, DETERMINISTIC);
    assertThat(result.status()).isEqualTo("OPTIMAL");
    assertThat(result.makespan()).isEqualTo(18);
  }

  @Test
  void tabuMatchesTheProvenOptimumOnFt06WithSetupsAndWindows() {
    ShopInstance ft06 = SetupWindowExample.generate(jssp("ft06"), 1, 3);
    CpSatResult exact = CpSatJobShop.solve(ft06, DETERMINISTIC);
    assertThat(exact.status()).isEqualTo("OPTIMAL");
    SolveResult tabu = TabuSearch.solve(ft06, TabuSearchOptions.builder().optMaxIterations(20_000)
        .optTimeLimit(Duration.ofMinutes(10)).optSeed(1).build());
    assertThat(exact.makespan()).isEqualTo(68);
    assertThat(DispatchScheduler.best(ft06).makespan()).isEqualTo(73);
    assertThat(ScheduleValidator.requireValid(ft06, tabu.schedule())).isEqualTo(exact.makespan());
  }

  @Test
  void provesATinyFlexibleInstanceWithSetupsAndWindowsThatTheTabuSearchMatches() {
    // Families: jobs 0 and 2 are A, job 1 is B; a changeover A <-> B costs 3 on either machine. m1 is down in [4, 6).
    ShopInstance tiny = new ShopInstance("tiny-flexible", 2, List.of(
        Job.of(List.of(new Operation(List.of(new MachineOption(0, 3), new MachineOption(1, 4))), Operation.on(1, 2))),
        Job.of(List.of(new Operation(List.of(new MachineOption(0, 2), new MachineOption(1, 2))), Operation.on(0, 3))),
        Job.of(List.of(Operation.on(0, 4), new Operation(List.of(new MachineOption(0, 1), new MachineOption(1, 3)))))))
        .withSetups(SetupTimes.byFamily(new int[] {0, 1, 0},
            new long[][][] {{{0, 3}, {3, 0}}, {{0, 3}, {3, 0}}}, null))
        .withUnavailability(Unavailability.of(List.of(List.of(), List.of(new TimeWindow(4, 6)))));
    CpSatResult exact = CpSatJobShop.solve(tiny, DETERMINISTIC);
    assertThat(exact.status()).isEqualTo("OPTIMAL");
    assertThat(ScheduleValidator.requireValid(tiny, exact.schedule().orElseThrow())).isEqualTo(exact.makespan());
    SolveResult tabu = TabuSearch.solve(tiny, TabuSearchOptions.builder().optMaxIterations(2_000)
        .optTimeLimit(Duration.ofMinutes(10)).optSeed(1).build());
    assertThat(exact.makespan()).isEqualTo(12);
    assertThat(DispatchScheduler.best(tiny).makespan()).isEqualTo(13);
    assertThat(ScheduleValidator.requireValid(tiny, tabu.schedule())).isEqualTo(exact.makespan());
  }

  /** About 14 s on 2 shared cores (3 s of CP-SAT deterministic time, 5,000 flexible tabu iterations). */
  @Test
  @Tag("slow")
  void provesAFlexibleInstanceWithSetupsAndWindowsAndTheTabuSearchStaysAboveIt() {
    ShopInstance mk01 = SetupWindowExample.generate(BrandimarteFormat.parse("mk01", resource("/fjsp/mk01.fjs")), 3, 2);
    CpSatResult result = CpSatJobShop.solve(mk01, CpSatOptions.of(Duration.ofSeconds(3)).withDeterministic(true)
        .withHint(DispatchScheduler.best(mk01)));
    long makespan = ScheduleValidator.requireValid(mk01, result.schedule().orElseThrow());
    SolveResult tabu = TabuSearch.solve(mk01, TabuSearchOptions.builder().optMaxIterations(5_000)
        .optTimeLimit(Duration.ofMinutes(10)).optSeed(1).build());
    assertThat(result.status()).isEqualTo("OPTIMAL");
    assertThat(makespan).isEqualTo(result.makespan()).isEqualTo(45);
    // Measured: 47 after 5,000 iterations (seed 1); the reassignment estimates ignore setups on the old machine.
    assertThat(ScheduleValidator.requireValid(mk01, tabu.schedule())).isBetween(45L, 50L);
  }

  private static ShopInstance jssp(String name) {
    return JsspFormat.parse(name, resource("/jssp/" + name + ".txt"));
  }

  private static String resource(String path) {
    try (InputStream in = CpSatSetupsAndWindowsTest.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
