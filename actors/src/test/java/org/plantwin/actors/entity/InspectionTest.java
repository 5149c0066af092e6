package org.plantwin.actors.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.api.SimulationRuntime;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Scenario;

/** An inspection station: defects, classifier errors, scrap, rework, escapes and first-pass yield. */
class InspectionTest {

    /** A machine, then an inspection station as the text says; the source keeps the line busy. */
    private static RunResult run(String inspection) {
        Scenario s = Scenarios.parse("""
                name: qc
                seed: 11
                horizon: 60d
                products: [{id: part, routing: [L1]}]
                machines: [{id: M1, processTime: 2m}, {id: Q1, processTime: 1m}]
                lines:
                  - id: L1
                    stations:
                      - {id: S1, machines: [M1], buffer: 5}
                      - {id: QC, machines: [Q1], buffer: 5, inspection: %s}
                sources: [{id: in, product: part, interarrival: 1s, blocking: true}]
                sinks: [{id: out}]
                """.formatted(inspection), "qc");
        try (SimulationRuntime rt = SimulationRuntime.create(1)) {
            return rt.run(s, RunOptions.defaults());
        }
    }

    /** Within 4 binomial standard deviations of {@code p} over {@code n} trials. */
    private static Offset<Double> band(double p, long n) {
        return Offset.offset(4 * Math.sqrt(p * (1 - p) / n));
    }

    @Test
    void scrapDispositionYieldsAndEscapesAsTheConfusionSays() {
        RunResult r = run("{defectRate: 0.1, detection: 0.9, falseReject: 0.05}");

        RunResult.InspectionKpis q = r.inspection().get(0);
        long n = q.firstInspections();
        double rejected = 0.1 * 0.9 + 0.9 * 0.05;
        assertThat(q.inspected()).isEqualTo(n);
        assertThat(q.firstPassYield()).isCloseTo(1 - rejected, band(1 - rejected, n));
        assertThat((double) q.escapes() / n).isCloseTo(0.1 * 0.1, band(0.01, n));
        assertThat((double) q.falseRejects() / n).isCloseTo(0.9 * 0.05, band(0.045, n));
        assertThat(q.scrapped()).isEqualTo(q.trueRejects() + q.falseRejects());
        assertThat(q.reworked()).isZero();
        assertThat(q.goodOutput()).isEqualTo(q.accepted() - q.escapes());
        // OEE's quality factor of the inspecting machine is good output per part processed.
        RunResult.MachineKpis qm = r.machines().get(1);
        assertThat(qm.quality()).isCloseTo((double) q.goodOutput() / qm.processed(), Offset.offset(1e-12));
        assertThat(r.plant().scrapped()).isEqualTo(q.scrapped());
    }

    @Test
    void reworkRepairsRejectsAndInspectsThemAgain() {
        RunResult r = run("{defectRate: 0.2, detection: 1, disposition: rework, reworkAt: S1}");

        RunResult.InspectionKpis q = r.inspection().get(0);
        long n = q.firstInspections();
        assertThat((double) q.reworked() / n).isCloseTo(0.2, band(0.2, n));
        assertThat(q.escapes()).isZero();
        assertThat(q.scrapped()).isZero();
        // Every reworked part comes back once (rework always succeeds here), give or take those still in the line.
        assertThat(q.inspected()).isCloseTo(n + q.reworked(), Offset.offset(12L));
        assertThat(r.sinks().get(0).parts()).isCloseTo(q.accepted(), Offset.offset(12L));
        assertThat(q.firstPassYield()).isCloseTo(0.8, band(0.8, n));
    }

    @Test
    void aRejectIsScrappedAfterItsLastRework() {
        // Rework never repairs and the classifier always rejects defects: each defective part is reworked twice.
        RunResult r = run("{defectRate: 0.3, detection: 1, disposition: rework, reworkAt: QC, reworkSuccess: 0,"
                + " maxReworks: 2}");

        RunResult.InspectionKpis q = r.inspection().get(0);
        assertThat(q.reworked()).isCloseTo(2 * q.scrapped(), Offset.offset(4L));
        assertThat(q.escapes()).isZero();
    }
}
