package io.simplenet.bench;

import java.util.Arrays;

/**
 * Round-trip times of one measurement, recorded in nanoseconds into a preallocated array.
 *
 * <p>Not thread-safe: one thread records.
 */
public final class Latencies {
  private final long[] nanos;
  private int count;

  /** Room for {@code capacity} samples. */
  public Latencies(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity < 1: " + capacity);
    }
    nanos = new long[capacity];
  }

  /** Records one round trip of {@code elapsedNanos}. */
  public void record(long elapsedNanos) {
    if (count == nanos.length) {
      throw new IllegalStateException("more samples than capacity: " + nanos.length);
    }
    nanos[count++] = elapsedNanos;
  }

  /** The median and 99th percentile in microseconds, as {@code scenario}'s result. */
  public ScenarioResult result(String scenario) {
    if (count == 0) {
      throw new IllegalStateException(scenario + ": no samples");
    }
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    return ScenarioResult.of(
        scenario,
        ScenarioResult.P50_US, percentile(sorted, 0.50) / 1_000.0,
        ScenarioResult.P99_US, percentile(sorted, 0.99) / 1_000.0);
  }

  /** Nearest-rank percentile of sorted samples. */
  private static long percentile(long[] sorted, double fraction) {
    int rank = (int) Math.ceil(fraction * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }
}
