package org.plantwin.planners.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.plantwin.planners.scheduling.api.BrandimarteFormat;
import org.plantwin.planners.scheduling.api.JsspFormat;
import org.plantwin.planners.scheduling.api.MachineOption;
import org.plantwin.planners.scheduling.api.ShopInstance;

class InstanceFormatTest {
  @Test
  void readsFt06SkippingCommentHeader() {
    ShopInstance ft06 = TestInstances.jssp("ft06");
    assertThat(ft06.jobCount()).isEqualTo(6);
    assertThat(ft06.machineCount()).isEqualTo(6);
    assertThat(ft06.isFlexible()).isFalse();
    // "2 1 0 3 1 6 ...": job 0 runs on m2 for 1, then on m0 for 3, then on m1 for 6.
    assertThat(ft06.operation(0, 0).options()).containsExactly(new MachineOption(2, 1));
    assertThat(ft06.operation(0, 1).options()).containsExactly(new MachineOption(0, 3));
    assertThat(ft06.operation(0, 2).options()).containsExactly(new MachineOption(1, 6));
    assertThat(ft06.trivialLowerBound()).isEqualTo(47);
  }

  @Test
  void readsTaillardFileWithoutComments() {
    ShopInstance ta01 = TestInstances.jssp("ta01");
    assertThat(ta01.jobCount()).isEqualTo(15);
    assertThat(ta01.machineCount()).isEqualTo(15);
    assertThat(ta01.operation(0, 0).options()).containsExactly(new MachineOption(6, 94));
  }

  @Test
  void readsBrandimarteWithOneBasedMachines() {
    ShopInstance mk01 = TestInstances.fjsp("mk01");
    assertThat(mk01.jobCount()).isEqualTo(10);
    assertThat(mk01.machineCount()).isEqualTo(6);
    assertThat(mk01.operationCount()).isEqualTo(55);
    assertThat(mk01.isFlexible()).isTrue();
    // "6 2 1 5 3 4 3 5 3 3 5 2 1": op 1 on m1 in 5 or m3 in 4; op 2 on m5 in 3, m3 in 5, m2 in 1.
    assertThat(mk01.operation(0, 0).options()).containsExactly(new MachineOption(0, 5), new MachineOption(2, 4));
    assertThat(mk01.operation(0, 1).options())
        .containsExactly(new MachineOption(4, 3), new MachineOption(2, 5), new MachineOption(1, 1));
  }

  @Test
  void acceptsDecimalFlexibilityInBrandimarteHeader() {
    ShopInstance mk02 = TestInstances.fjsp("mk02");
    assertThat(mk02.operationCount()).isEqualTo(58);
  }

  @Test
  void rejectsJobLineWithWrongNumberOfPairsNamingTheJob() {
    assertThatThrownBy(() -> JsspFormat.parse("bad", "2 2\n0 1 1 2\n0 1 1\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Job 1 of bad has 3 numbers");
  }

  @Test
  void rejectsMachineOutOfRangeInBrandimarte() {
    assertThatThrownBy(() -> BrandimarteFormat.parse("bad", "1 2 1\n1 1 3 5\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("machine (3)");
  }

  @Test
  void rejectsNonIntegerToken() {
    assertThatThrownBy(() -> JsspFormat.parse("bad", "1 1\n0 x\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("token (x)");
  }
}
