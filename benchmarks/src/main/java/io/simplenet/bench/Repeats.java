package io.simplenet.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** Runs a measurement several times and reports each metric's median. */
public final class Repeats {
  private Repeats() {}

  /** Runs {@code measurement} {@code times} times; each metric of the result is its median. */
  public static ScenarioResult median(int times, Callable<ScenarioResult> measurement)
      throws Exception {
    if (times < 1) {
      throw new IllegalArgumentException("times < 1: " + times);
    }
    List<ScenarioResult> runs = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      runs.add(measurement.call());
    }
    ScenarioResult first = runs.get(0);
    Map<String, Double> medians = new LinkedHashMap<>();
    for (String metric : first.metrics().keySet()) {
      double[] values = runs.stream().mapToDouble(run -> run.get(metric)).toArray();
      medians.put(metric, median(values));
    }
    return new ScenarioResult(first.scenario(), medians, times);
  }

  /** The median of {@code values} (the mean of the middle two for an even count). */
  public static double median(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
