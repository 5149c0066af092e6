package org.plantwin.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plantwin.twin.http.PlantwinServer;
import org.plantwin.twin.http.ServerSettings;

/**
 * The dashboard in headless Chromium (Debian's {@code chromium}; skipped when {@code /usr/bin/chromium} is absent):
 * start a run from the page, see it finish, see the charts drawn (with the run report's stock over time, Gantt chart
 * and route map) and the KPI tables filled, no console errors.
 * The screenshot is kept as {@code test/target/dashboard.png}.
 */
class DashboardBrowserIT {

    private static final String[] CHARTS = {"chart-utilisation", "chart-throughput", "chart-inventory"};

    @Test
    void startsARunFromThePageAndDrawsItsCharts(@TempDir Path profile) throws Exception {
        assumeTrue(Files.isExecutable(Chromium.BINARY), "Chromium is not installed at " + Chromium.BINARY);
        try (PlantwinServer server = PlantwinServer.start(ServerSettings.defaults().withPort(0).withLanes(2));
             Chromium browser = Chromium.launch(profile)) {
            browser.navigate(server.baseUrl() + "/");
            browser.await("document.body.dataset.ready === 'true'", Duration.ofSeconds(20));
            assertThat(browser.eval("document.querySelectorAll('#library li').length").asInt()).isGreaterThanOrEqualTo(7);
            browser.eval("document.querySelector('#library li[data-name=\"supply-chain\"]').click();"
                    + "document.getElementById('horizon').value = '10d';"
                    + "document.getElementById('seed').value = '3';"
                    + "document.getElementById('start-run').click(); true");
            browser.await("document.body.dataset.lastJob === 'succeeded' && document.body.dataset.resultShown === 'supply-chain'",
                    Duration.ofSeconds(40));
            assertThat(browser.eval("document.querySelector('#jobs tbody tr').dataset.status").asText())
                    .isEqualTo("succeeded");
            for (String id : CHARTS) {
                // Drawn: a Chart.js chart with data on the canvas, and pixels that are not blank.
                JsonNode drawn = browser.eval("(() => { const c = document.getElementById('" + id + "');"
                        + " const ch = Chart.getChart(c); if (!ch) return null;"
                        + " const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                        + " let ink = 0; for (let i = 3; i < px.length; i += 4) if (px[i] > 0) ink++;"
                        + " return {points: ch.data.datasets.reduce((n, d) => n + d.data.length, 0), ink, w: c.width}; })()");
                assertThat(drawn).as(id).isNotNull();
                assertThat(drawn.get("points").asInt()).as(id).isPositive();
                assertThat(drawn.get("ink").asInt()).as(id).isGreaterThan(1000);
            }
            assertThat(browser.eval("document.querySelectorAll('#kpi-tables table').length").asInt())
                    .isGreaterThanOrEqualTo(4);
            assertThat(browser.eval("document.getElementById('kpi-tables').innerText").asText())
                    .contains("Machines").contains("Inventory").contains("Supply chain");
            // The run report's charts (the report box is ticked by default): series 2, stock 3, Gantt 1, route map 1.
            browser.await("document.body.dataset.reportCharts !== undefined", Duration.ofSeconds(20));
            assertThat(browser.eval("Number(document.body.dataset.reportCharts)").asInt()).isEqualTo(7);
            assertThat(browser.eval("document.body.dataset.reportDrawn").asText())
                    .isEqualTo(browser.eval("document.body.dataset.reportCharts").asText());
            assertThat(browser.eval("Number(document.body.dataset.routeLines)").asInt()).isPositive();
            assertThat(browser.eval("document.querySelectorAll('#report-gantt canvas, #report-routes canvas,"
                    + " #report-stock canvas').length").asInt()).isEqualTo(5);
            Path shot = Path.of("target", "dashboard.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, browser.screenshot());
            assertThat(Files.size(shot)).isGreaterThan(10_000);
            assertThat(browser.errors()).as("console errors").isEmpty();
        }
    }
}
