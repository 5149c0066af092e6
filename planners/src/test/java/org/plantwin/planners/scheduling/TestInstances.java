package org.plantwin.planners.scheduling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.plantwin.planners.scheduling.api.BrandimarteFormat;
import org.plantwin.planners.scheduling.api.JsspFormat;
import org.plantwin.planners.scheduling.api.ShopInstance;

/** Loads the benchmark instances kept in the test resources. */
final class TestInstances {
  private TestInstances() {
  }

  static ShopInstance jssp(String name) {
    return JsspFormat.parse(name, resource("/jssp/" + name + ".txt"));
  }

  static ShopInstance fjsp(String name) {
    return BrandimarteFormat.parse(name, resource("/fjsp/" + name + ".fjs"));
  }

  static String resource(String path) {
    try (InputStream in = TestInstances.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("The test resource (" + path + ") does not exist.");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
