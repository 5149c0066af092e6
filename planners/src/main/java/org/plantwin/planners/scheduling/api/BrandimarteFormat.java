package org.plantwin.planners.scheduling.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Brandimarte {@code .fjs} flexible job-shop format.
 *
 * <p>Line 1: {@code jobs machines [avg_flexibility]} (the third number is informational and may be a
 * decimal). Each job line: {@code #operations}, then per operation {@code k} followed by {@code k}
 * pairs {@code machine duration}, machines 1-based in the file and 0-based in the model.
 */
public final class BrandimarteFormat {
  private BrandimarteFormat() {
  }

  public static ShopInstance read(Path file) {
    try {
      String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
      return parse(name, Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read flexible job-shop file (" + file + ").", e);
    }
  }

  public static ShopInstance parse(String name, String text) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\\R")) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("#")) {
        lines.add(t);
      }
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("The .fjs text of " + name + " has no header line.");
    }
    String[] header = lines.get(0).split("\\s+");
    if (header.length < 2) {
      throw new IllegalArgumentException("The header (" + lines.get(0) + ") of " + name + " must hold \"jobs machines\".");
    }
    int n = Integer.parseInt(header[0]);
    int m = Integer.parseInt(header[1]);
    if (lines.size() < n + 1) {
      throw new IllegalArgumentException("The .fjs text of " + name + " declares " + n + " jobs but has "
          + (lines.size() - 1) + " job lines.");
    }
    List<Job> jobs = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      long[] v = JsspFormat.numbers(name, lines.get(j + 1), j + 2);
      int p = 0;
      int opCount = (int) v[p++];
      List<Operation> ops = new ArrayList<>();
      try {
        for (int o = 0; o < opCount; o++) {
          int k = (int) v[p++];
          List<MachineOption> options = new ArrayList<>();
          for (int a = 0; a < k; a++) {
            int machine = (int) v[p++];
            long duration = v[p++];
            if (machine < 1 || machine > m) {
              throw new IllegalArgumentException("The machine (" + machine + ") of job " + j + " operation " + o
                  + " of " + name + " must be in [1, " + m + "] (1-based in .fjs).");
            }
            options.add(new MachineOption(machine - 1, duration));
          }
          ops.add(new Operation(options));
        }
      } catch (ArrayIndexOutOfBoundsException e) {
        throw new IllegalArgumentException("Job " + j + " of " + name + " ends early: " + lines.get(j + 1), e);
      }
      if (p != v.length) {
        throw new IllegalArgumentException("Job " + j + " of " + name + " has " + (v.length - p)
            + " numbers left over: " + lines.get(j + 1));
      }
      jobs.add(Job.of(ops));
    }
    return new ShopInstance(name, m, jobs);
  }
}
