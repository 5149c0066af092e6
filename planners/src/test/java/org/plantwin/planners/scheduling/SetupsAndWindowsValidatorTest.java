package org.plantwin.planners.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plantwin.planners.scheduling.api.Job;
import org.plantwin.planners.scheduling.api.Operation;
import org.plantwin.planners.scheduling.api.Schedule;
import org.plantwin.planners.scheduling.api.ScheduleValidator;
import org.plantwin.planners.scheduling.api.ScheduledOperation;
import org.plantwin.planners.scheduling.api.SetupTimes;
import org.plantwin.planners.scheduling.api.ShopInstance;
import org.plantwin.planners.scheduling.api.TimeWindow;
import org.plantwin.planners.scheduling.api.Unavailability;

class SetupsAndWindowsValidatorTest {
  /**
   * One machine, job 0 for 3 and job 1 for 2. Setup 0 -> 1 is 4, 1 -> 0 is 1; initial setups 2 (job 0) and
   * 5 (job 1). The machine is down in [20, 25).
   */
  static final ShopInstance TINY = new ShopInstance("tiny-setups", 1, List.of(
      Job.of(List.of(Operation.on(0, 3))), Job.of(List.of(Operation.on(0, 2)))))
      .withSetups(SetupTimes.byJob(new long[][][] {{{0, 4}, {1, 0}}}, new long[][] {{2, 5}}))
      .withUnavailability(Unavailability.of(List.of(List.of(new TimeWindow(20, 25)))));

  private static Schedule schedule(long start0, long start1) {
    return new Schedule(List.of(new ScheduledOperation(0, 0, 0, start0, start0 + 3),
        new ScheduledOperation(1, 0, 0, start1, start1 + 2)));
  }

  @Test
  void acceptsGapsOfAtLeastTheSetupAndRecomputesMakespan() {
    assertThat(ScheduleValidator.requireValid(TINY, schedule(2, 9))).isEqualTo(11);
    // Job 1 first: initial setup 5, then setup 1 -> 0 of 1.
    assertThat(ScheduleValidator.requireValid(TINY, schedule(8, 5))).isEqualTo(11);
  }

  @Test
  void rejectsAFirstOperationBeforeItsInitialSetup() {
    assertThat(ScheduleValidator.problems(TINY, schedule(1, 9)))
        .containsExactly("On machine 0, the gap (1) before ScheduledOperation[job=0, operation=0, machine=0, start=1,"
            + " end=4] from time 0 must be >= the setup (2) between them.");
  }

  @Test
  void rejectsAGapShorterThanTheSequenceDependentSetup() {
    List<String> problems = ScheduleValidator.problems(TINY, schedule(2, 8));
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0)).contains("the gap (3)", "setup (4)", "start=8");
  }

  @Test
  void rejectsAnOperationOverlappingAWindow() {
    List<String> problems = ScheduleValidator.problems(TINY, schedule(2, 19));
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0)).contains("start=19", "overlaps the unavailability window [20, 25)");
  }

  @Test
  void rejectsASetupThatOnlyFitsAcrossAWindow() {
    // Gap [20, 25) is 5 >= 4, but it is exactly the window: no window-free piece for the setup.
    List<String> problems = ScheduleValidator.problems(TINY, schedule(17, 25));
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0)).contains("the setup (4)", "start=25", "does not fit in one piece");
    assertThat(ScheduleValidator.requireValid(TINY, schedule(17, 29))).isEqualTo(31);
  }

  @Test
  void noSetupsAndNoWindowsChangeNothing() {
    ShopInstance plain = new ShopInstance("plain", 1, TINY.jobs());
    assertThat(plain.hasSetups()).isFalse();
    assertThat(plain.hasUnavailability()).isFalse();
    assertThat(ScheduleValidator.requireValid(plain, schedule(0, 3))).isEqualTo(5);
    assertThat(ScheduleValidator.problems(TINY, schedule(0, 3))).hasSize(2);
  }

  @Test
  void rejectsSetupsThatDoNotMatchTheInstance() {
    SetupTimes twoMachines = SetupTimes.byJob(new long[][][] {{{0, 1}, {1, 0}}, {{0, 1}, {1, 0}}}, null);
    assertThatThrownBy(() -> new ShopInstance("x", 1, TINY.jobs()).withSetups(twoMachines))
        .hasMessageContaining("must cover 1 machines and 2 jobs");
    assertThatThrownBy(() -> SetupTimes.byJob(new long[][][] {{{0, -3}, {1, 0}}}, null))
        .hasMessageContaining("setup[0][0][1] (-3) must be >= 0");
    assertThatThrownBy(() -> new TimeWindow(5, 5)).hasMessageContaining("end (5) of a time window must be > its start (5)");
  }

  @Test
  void mergesOverlappingWindowsAndFindsTheEarliestFreeSlot() {
    Unavailability u = Unavailability.of(List.of(List.of(new TimeWindow(10, 12), new TimeWindow(4, 6),
        new TimeWindow(11, 15))));
    assertThat(u.windows(0)).containsExactly(new TimeWindow(4, 6), new TimeWindow(10, 15));
    assertThat(u.earliestFree(0, 0, 4)).isEqualTo(0);
    assertThat(u.earliestFree(0, 1, 4)).isEqualTo(6);
    assertThat(u.earliestFree(0, 7, 4)).isEqualTo(15);
    assertThat(u.earliestFree(0, 12, 0)).isEqualTo(12);
    // Setup 2 in [6, 8), ready at 9, duration 3 -> [9, 12) hits [10, 15) -> 15.
    assertThat(u.earliestStart(0, 5, 2, 9, 3)).isEqualTo(15);
  }

  @Test
  void familiesShareSetups() {
    SetupTimes byFamily = SetupTimes.byFamily(new int[] {0, 1, 0}, new long[][][] {{{0, 7}, {3, 0}}}, null);
    assertThat(byFamily.setup(0, 0, 2)).isZero();
    assertThat(byFamily.setup(0, 2, 1)).isEqualTo(7);
    assertThat(byFamily.setup(0, 1, 0)).isEqualTo(3);
    assertThat(byFamily.initial(0, 1)).isZero();
  }
}
