package org.plantwin.twin.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link MqttBridge}'s topics and broker URIs: no broker needed (unlike {@link MqttBridgeTest}). */
class MqttBridgeTopicsTest {

    @Test
    void rejectsAMalformedBrokerUriNamingIt() {
        assertThatThrownBy(() -> MqttBridge.validateBrokerUri("http://127.0.0.1:1883"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(http://127.0.0.1:1883)")
                .hasMessageContaining("tcp://");
        assertThatThrownBy(() -> MqttBridge.validateBrokerUri("tcp://"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(tcp://)");
    }

    @Test
    void readsTheTwinIdFromATelemetryTopic() {
        assertThat(MqttBridge.twinId("plantwin/twins/T1/telemetry")).isEqualTo("T1");
        assertThat(MqttBridge.twinId("plantwin/twins//telemetry")).isEmpty();
        assertThat(MqttBridge.twinId("plantwin/twins/T1/rejected")).isNull();
        assertThat(MqttBridge.twinId("plantwin/twins/a/b/telemetry")).isNull();
    }
}
