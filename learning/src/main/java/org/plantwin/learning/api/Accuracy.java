package org.plantwin.learning.api;

/**
 * Dataset-level accuracy of one method.
 *
 * @param smape mean sMAPE in percent (0..200) over all series and steps
 * @param mase mean MASE over all series and steps
 * @param owa overall weighted average relative to Naive2: ½·(sMAPE/sMAPE_Naive2 + MASE/MASE_Naive2);
 *     {@code NaN} where no Naive2 reference was given
 * @param seriesCounted the number of series in the MASE mean (fewer than given under {@link MaseConvention#MONASH})
 */
public record Accuracy(double smape, double mase, double owa, int seriesCounted) {

    /** The same figures with OWA computed against {@code naive2}. */
    public Accuracy relativeTo(Accuracy naive2) {
        return new Accuracy(smape, mase, ForecastMetrics.owa(smape, mase, naive2.smape(), naive2.mase()),
                seriesCounted);
    }
}
