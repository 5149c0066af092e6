package org.plantwin.planners.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedulingBenchTest {
  @Test
  void printsOneRowPerInstanceAndTheMeanGapPerSize(@TempDir Path dir) throws IOException {
    for (String name : List.of("ft06", "la01")) {
      Files.writeString(dir.resolve(name + ".txt"), TestInstances.resource("/jssp/" + name + ".txt"));
    }
    Files.writeString(dir.resolve("bounds.csv"), TestInstances.resource("/jssp/bounds.csv"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<SchedulingBench.Row> rows = SchedulingBench.run(dir, Duration.ofMinutes(1), 0, 5_000, List.of(),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(rows).extracting(SchedulingBench.Row::instance).containsExactly("ft06", "la01");
    assertThat(rows).extracting(SchedulingBench.Row::makespan).containsExactly(55L, 666L);
    assertThat(out).contains("ft06     6x6").contains("la01     10x5").contains("mean_gap%");
    assertThat(out).containsPattern("6x6\\s+1\\s+0\\.00");
  }

  @Test
  void parsesDurationsWithUnits() {
    assertThat(SchedulingBench.parseDuration("10s")).isEqualTo(Duration.ofSeconds(10));
    assertThat(SchedulingBench.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(SchedulingBench.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThatThrownBy(() -> SchedulingBench.parseDuration("10h"))
        .hasMessageContaining("duration (10h)");
  }
}
