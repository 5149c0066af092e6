package org.plantwin.scenarios.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeSpanTest {

    @ParameterizedTest(name = "\"{0}\" = {1} ms")
    @CsvSource({
        "750ms, 750",
        "90s, 90000",
        "5m, 300000",
        "5min, 300000",
        "1.5h, 5400000",
        "8h, 28800000",
        "30d, 2592000000",
        "2w, 1209600000",
        "1e3ms, 1000",
        "0s, 0",
        "' 90 s ', 90000",
        "0.25ms, 0.25",
    })
    void parsesANumberWithAUnit(String text, double millis) {
        TimeSpan t = TimeSpan.parse(text);

        assertThat(t.millis()).isEqualTo(millis);
        assertThat(t.text()).isEqualTo(text.trim());
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
        "90 secs | Maybe you meant \"90s\"",
        "90 | a bare number has no unit",
        "5 hours | Maybe you meant \"5h\"",
        "10 minutes | Maybe you meant \"10m\"",
        "2 days | Maybe you meant \"2d\"",
        "-5m | Maybe drop the minus sign",
        "5 parsecs | Maybe write it like",
    })
    void rejectsAMisspeltUnitWithAHint(String text, String hint) {
        assertThatThrownBy(() -> TimeSpan.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\"")
                .hasMessageContaining(hint);
    }

    @Test
    void roundsToWholeMillisecondsOnlyWhenAsked() {
        TimeSpan t = TimeSpan.parse("1.1111111m");

        assertThat(t.millis()).isEqualTo(66666.666, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(t.toMillis()).isEqualTo(66667L);
    }

    @Test
    void writesMillisInTheLargestWholeUnit() {
        assertThat(TimeSpan.ofMillis(86_400_000).text()).isEqualTo("1d");
        assertThat(TimeSpan.ofMillis(5_400_000).text()).isEqualTo("90m");
        assertThat(TimeSpan.ofMillis(1_500).text()).isEqualTo("1500.0ms");
        assertThat(TimeSpan.ofMillis(0).text()).isEqualTo("0s");
    }
}
