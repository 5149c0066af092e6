package org.plantwin.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plantwin.actors.api.ResultJson;
import org.plantwin.actors.api.RunResult;
import org.plantwin.twin.cli.PlantwinCli;

/** The demo plant end to end: scenario library -> kernel and actors -> CLI -> result.json. */
class EndToEndIT {

    private static int cli(String... args) {
        return PlantwinCli.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    @Test
    void demoRunsEndToEndAndRepeatsByteForByte(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertThat(cli("run", "demo", "--horizon", "3d", "--quiet", "--out", a.toString())).isZero();
        assertThat(cli("run", "demo", "--horizon", "3d", "--quiet", "--out", b.toString())).isZero();
        String first = Files.readString(a.resolve("result.json"));
        assertThat(Files.readString(b.resolve("result.json"))).isEqualTo(first);
        RunResult r = ResultJson.read(first);
        assertThat(r.machines()).isNotEmpty().allSatisfy(m -> assertThat(m.processed()).isPositive());
        assertThat(r.kernel().logicalProcesses()).isEqualTo(4);
        // Parts are conserved: every part that left the plant was created by a source.
        long created = r.sources().stream().mapToLong(RunResult.SourceKpis::created).sum();
        assertThat(r.plant().partsOut() + r.plant().scrapped()).isLessThanOrEqualTo(created);
    }
}
