package org.plantwin.planners.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plantwin.planners.scheduling.api.Job;
import org.plantwin.planners.scheduling.api.MachineOption;
import org.plantwin.planners.scheduling.api.Operation;
import org.plantwin.planners.scheduling.api.Schedule;
import org.plantwin.planners.scheduling.api.ScheduleValidator;
import org.plantwin.planners.scheduling.api.ScheduledOperation;
import org.plantwin.planners.scheduling.api.ShopInstance;

class ScheduleValidatorTest {
  /** Job 0: m0 for 3 then m1 for 2 (released at 1). Job 1: m1 for 4 or m0 for 6. */
  private final ShopInstance instance = new ShopInstance("tiny", 2, List.of(
      new Job(List.of(Operation.on(0, 3), Operation.on(1, 2)), 1, Job.NO_DUE_DATE, 1),
      Job.of(List.of(new Operation(List.of(new MachineOption(1, 4), new MachineOption(0, 6)))))));

  @Test
  void acceptsValidScheduleAndRecomputesMakespan() {
    Schedule s = new Schedule(List.of(
        new ScheduledOperation(0, 0, 0, 1, 4),
        new ScheduledOperation(0, 1, 1, 4, 6),
        new ScheduledOperation(1, 0, 1, 0, 4)));
    assertThat(ScheduleValidator.problems(instance, s)).isEmpty();
    assertThat(ScheduleValidator.requireValid(instance, s)).isEqualTo(6);
  }

  @Test
  void reportsEveryViolatedConstraint() {
    Schedule s = new Schedule(List.of(
        new ScheduledOperation(0, 0, 0, 0, 3),   // before release 1
        new ScheduledOperation(0, 1, 1, 2, 4),   // before its predecessor ends (3)
        new ScheduledOperation(1, 0, 1, 3, 7))); // overlaps (0,1) on m1
    List<String> problems = ScheduleValidator.problems(instance, s);
    assertThat(problems).anyMatch(p -> p.contains("release time (1)"));
    assertThat(problems).anyMatch(p -> p.contains("end (3) of its job predecessor"));
    assertThat(problems).anyMatch(p -> p.contains("overlaps"));
  }

  @Test
  void rejectsIneligibleMachineAndWrongDuration() {
    Schedule s = new Schedule(List.of(
        new ScheduledOperation(0, 0, 1, 1, 4),
        new ScheduledOperation(0, 1, 1, 4, 6),
        new ScheduledOperation(1, 0, 0, 6, 10)));
    List<String> problems = ScheduleValidator.problems(instance, s);
    assertThat(problems).anyMatch(p -> p.contains("machine (1)") && p.contains("not eligible"));
    assertThat(problems).anyMatch(p -> p.contains("duration (4)") && p.contains("processing time (6)"));
  }

  @Test
  void rejectsMissingAndDuplicatedOperations() {
    Schedule s = new Schedule(List.of(
        new ScheduledOperation(0, 0, 0, 1, 4),
        new ScheduledOperation(0, 0, 0, 4, 7)));
    List<String> problems = ScheduleValidator.problems(instance, s);
    assertThat(problems).anyMatch(p -> p.contains("scheduled twice"));
    assertThat(problems).anyMatch(p -> p.contains("Job 0 operation 1 is not scheduled"));
    assertThat(problems).anyMatch(p -> p.contains("Job 1 operation 0 is not scheduled"));
    assertThatThrownBy(() -> ScheduleValidator.requireValid(instance, s))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("tiny");
  }
}
