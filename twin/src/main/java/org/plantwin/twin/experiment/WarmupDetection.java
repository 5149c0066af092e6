package org.plantwin.twin.experiment;

import java.util.List;

/**
 * What MSER-5 found ({@code warmup: auto}): per variant, the truncation on the pilot-averaged series of {@code kpi}
 * and, for information, each pilot's own; {@code applied} is the largest over the variants, the warm-up every
 * variant then ran with. {@code atBoundary} marks a variant whose minimum lies at the end of the searched half: the
 * horizon is then too short to trust the figure (lengthen it).
 */
public record WarmupDetection(String method, String kpi, int pilotReplications, int batches,
                              List<VariantWarmup> variants, double appliedMinutes, String applied) {

    /**
     * One variant: batches of {@code batchMinutes} (its horizon / batches), {@code truncationBatches} of them dropped
     * ({@code warmupMinutes}), the pilots' own truncation points, and the averaged series MSER looked at (one value
     * per batch, from time 0).
     */
    public record VariantWarmup(String variant, double batchMinutes, int truncationBatches, double warmupMinutes,
                                List<Integer> pilotTruncations, boolean atBoundary, List<Double> series) {
    }

    /** Whether any variant's minimum lies at the end of the searched half. */
    public boolean anyAtBoundary() {
        return variants.stream().anyMatch(VariantWarmup::atBoundary);
    }
}
