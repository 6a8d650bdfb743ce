package io.simplenet.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One scenario's measured numbers, by metric name (the names below), in the order they were added.
 *
 * @param scenario the scenario's name, e.g. {@code simplenet.oneway_c2s}
 * @param metrics metric name to value
 * @param runs how many measured runs each metric is the median of
 */
public record ScenarioResult(String scenario, Map<String, Double> metrics, int runs) {

  /** Messages per second (one-way scenarios). */
  public static final String MSGS_PER_S = "msgs_per_s";
  /** Median round-trip time in microseconds. */
  public static final String P50_US = "p50_us";
  /** 99th-percentile round-trip time in microseconds. */
  public static final String P99_US = "p99_us";
  /** Operations per second (codec scenarios: one encode plus one decode per operation). */
  public static final String OPS_PER_S = "ops_per_s";
  /** Seconds to connect and authenticate every client (connection scenarios). */
  public static final String CONNECT_S = "connect_s";
  /** Clients connected and authenticated per second (connection scenarios). */
  public static final String CONNECTS_PER_S = "connects_per_s";
  /** Server heap per idle connection in bytes, after GC (connection scenarios). */
  public static final String HEAP_PER_CONNECTION_BYTES = "heap_per_connection_bytes";

  public ScenarioResult {
    Objects.requireNonNull(scenario, "scenario == null");
    if (runs < 1) {
      throw new IllegalArgumentException("runs < 1: " + runs);
    }
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  /** A result of one run with the given metric name / value pairs, in that order. */
  public static ScenarioResult of(String scenario, Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("odd number of names and values: " + namesAndValues.length);
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      metrics.put((String) namesAndValues[i], ((Number) namesAndValues[i + 1]).doubleValue());
    }
    return new ScenarioResult(scenario, metrics, 1);
  }

  /** This result, reported as the median of {@code count} runs. */
  public ScenarioResult withRuns(int count) {
    return new ScenarioResult(scenario, metrics, count);
  }

  /** The value of {@code metric}; throws if this result has none. */
  public double get(String metric) {
    Double value = metrics.get(metric);
    if (value == null) {
      throw new IllegalArgumentException(scenario + " has no metric " + metric + ": " + metrics);
    }
    return value;
  }
}
