package org.plantwin.learning.api;

/**
 * What to forecast: how many steps ahead and the seasonal period of the data.
 *
 * @param horizon the number of steps to forecast (M4 Hourly: 48; car parts: 12)
 * @param seasonPeriod the observations per seasonal cycle, 1 for none (M4 Hourly: 24; monthly: 12)
 */
public record ForecastTask(int horizon, int seasonPeriod) {

    public ForecastTask {
        if (horizon < 1) {
            throw new IllegalArgumentException("The horizon (" + horizon + ") must be >= 1.");
        }
        if (seasonPeriod < 1) {
            throw new IllegalArgumentException("The season period (" + seasonPeriod + ") must be >= 1.");
        }
    }
}
