package org.plantwin.twin.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plantwin.actors.api.LiveTwin;
import org.plantwin.actors.api.Telemetry;
import org.plantwin.actors.api.TelemetryException;

/** The JSON form of sensors telemetry: read, refused with the field and value, and journalled. */
class TelemetryJsonTest {

    private static TelemetryJson.Read read(String json) throws Exception {
        JsonNode n = TelemetryJson.JSON.readTree(json);
        return TelemetryJson.read(n, ms -> ms, 5);
    }

    @Test
    void readsASensorsReading() throws Exception {
        TelemetryJson.Read r = read("{\"id\": \"s1\", \"kind\": \"sensors\", \"simTime\": \"1h\", \"machine\": \"M1\","
                + " \"values\": [1.2, 60]}");
        assertThat(r.id()).isEqualTo("s1");
        assertThat(r.atMillis()).isEqualTo(3_600_000L);
        assertThat(r.body()).isEqualTo(new Telemetry.SensorReading("M1", List.of(1.2, 60.0)));
        assertThat(r.body().stateLike()).isFalse();
    }

    @Test
    void refusesBadValuesWithTheirPath() {
        assertThatThrownBy(() -> read("{\"kind\": \"sensors\", \"machine\": \"M1\", \"values\": 1.2}"))
                .isInstanceOfSatisfying(TelemetryException.class, e -> {
                    assertThat(e.path()).isEqualTo("values");
                    assertThat(e.value()).isEqualTo("1.2");
                    assertThat(e.getMessage()).contains("array of numbers").contains("Maybe");
                });
        assertThatThrownBy(() -> read("{\"kind\": \"sensors\", \"machine\": \"M1\", \"values\": []}"))
                .isInstanceOfSatisfying(TelemetryException.class, e -> assertThat(e.path()).isEqualTo("values"));
        assertThatThrownBy(() -> read("{\"kind\": \"sensors\", \"machine\": \"M1\", \"values\": [1.2, \"hot\"]}"))
                .isInstanceOfSatisfying(TelemetryException.class, e -> {
                    assertThat(e.path()).isEqualTo("values[1]");
                    assertThat(e.value()).isEqualTo("\"hot\"");
                    assertThat(e.getMessage()).contains("Maybe");
                });
        assertThatThrownBy(() -> read("{\"kind\": \"sensors\", \"machine\": \"M1\"}"))
                .isInstanceOfSatisfying(TelemetryException.class, e -> {
                    assertThat(e.path()).isEqualTo("values");
                    assertThat(e.value()).isEqualTo("(missing)");
                });
        assertThatThrownBy(() -> read("{\"kind\": \"sensors\", \"machine\": \"M1\", \"values\": [1], \"count\": 3}"))
                .isInstanceOfSatisfying(TelemetryException.class, e -> assertThat(e.path()).isEqualTo("count"));
    }

    @Test
    void aJournalLineGivesTheSameReadingBack() throws Exception {
        LiveTwin.Applied a = new LiveTwin.Applied(4, "s9", 1_000, 1_200,
                new Telemetry.SensorReading("M2", List.of(1.25, 61.5)));
        String line = LiveTwins.journalLine(a);
        assertThat(line).contains("\"kind\":\"sensors\"").contains("\"values\":[1.25,61.5]");
        assertThat(LiveTwins.fromJournalLine(TelemetryJson.JSON.readTree(line))).isEqualTo(a);
    }
}
