package org.plantwin.planners.scheduling.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the standard job-shop format of OR-Library, JSPLIB and Taillard's instances.
 *
 * <p>Lines starting with {@code #} are comments. The first other line holds {@code n m}; then come
 * {@code n} lines, one per job, of {@code m} pairs {@code machine duration}, machines 0-based.
 */
public final class JsspFormat {
  private JsspFormat() {
  }

  /** Reads a file; the instance is named after the file name without extension. */
  public static ShopInstance read(Path file) {
    try {
      String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
      return parse(name, Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read job-shop file (" + file + ").", e);
    }
  }

  /** Parses the text of an instance. */
  public static ShopInstance parse(String name, String text) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\\R")) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("#")) {
        lines.add(t);
      }
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("The job-shop text of " + name + " has no header line \"n m\".");
    }
    long[] header = numbers(name, lines.get(0), 1);
    if (header.length < 2) {
      throw new IllegalArgumentException("The header (" + lines.get(0) + ") of " + name + " must hold \"n m\".");
    }
    int n = (int) header[0];
    int m = (int) header[1];
    if (n <= 0 || m <= 0) {
      throw new IllegalArgumentException("The header (" + lines.get(0) + ") of " + name + " must give n > 0 and m > 0.");
    }
    if (lines.size() < n + 1) {
      throw new IllegalArgumentException("The job-shop text of " + name + " declares " + n + " jobs but has "
          + (lines.size() - 1) + " job lines.");
    }
    List<Job> jobs = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      long[] v = numbers(name, lines.get(j + 1), j + 2);
      if (v.length != 2 * m) {
        throw new IllegalArgumentException("Job " + j + " of " + name + " has " + v.length
            + " numbers; it must have 2 x m = " + (2 * m) + ": " + lines.get(j + 1));
      }
      List<Operation> ops = new ArrayList<>();
      for (int k = 0; k < m; k++) {
        ops.add(Operation.on((int) v[2 * k], v[2 * k + 1]));
      }
      jobs.add(Job.of(ops));
    }
    return new ShopInstance(name, m, jobs);
  }

  static long[] numbers(String name, String line, int lineNo) {
    String[] tokens = line.strip().split("\\s+");
    long[] result = new long[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      try {
        result[i] = Long.parseLong(tokens[i]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("The token (" + tokens[i] + ") on data line " + lineNo + " of " + name
            + " must be an integer.", e);
      }
    }
    return result;
  }
}
