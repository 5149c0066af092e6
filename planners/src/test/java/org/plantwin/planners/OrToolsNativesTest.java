package org.plantwin.planners;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default (profile-free) build carries the OR-Tools natives of linux-x86-64 only, not all five platforms. */
class OrToolsNativesTest {

    @Test
    void defaultClasspathHasOnlyTheLinuxX8664NativeJar() {
        // Other platforms are picked with -Portools-macos-arm64 etc.; this test describes the default build.
        List<String> nativeJars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(p -> new File(p).getName())
                .filter(n -> n.matches("ortools-(linux|darwin|win32)-.*\\.jar"))
                .toList();
        assertThat(nativeJars).containsExactly("ortools-linux-x86-64-9.12.4544.jar");
        ClassLoader loader = OrToolsNativesTest.class.getClassLoader();
        assertThat(loader.getResource("ortools-linux-x86-64/libjniortools.so")).isNotNull();
        for (String other : List.of("darwin-aarch64", "darwin-x86-64", "linux-aarch64", "win32-x86-64")) {
            assertThat(loader.getResource("ortools-" + other + "/")).as(other).isNull();
        }
    }
}
