package io.simplenet.bench;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How much one benchmark run measures: message and sample counts, repeats, connection counts and
 * the deadline of any one measurement. Every loop in a scenario is bounded by these counts and by
 * {@link #deadline()}.
 *
 * @param name the plan's name, printed with the results
 * @param repeats how many times each measurement runs; the median is reported
 * @param warmupMessages one-way messages sent before measuring (not counted)
 * @param messages one-way messages per measurement
 * @param warmupRoundTrips round trips made before measuring (not counted)
 * @param roundTrips round-trip samples per measurement
 * @param connectionCounts how many clients the connection scenario connects, one run per count
 * @param codecWarmup JMH warm-up: iterations of {@link #codecIterationTime()}
 * @param codecIterations JMH measurement iterations of {@link #codecIterationTime()}
 * @param codecIterationTime the length of one JMH iteration
 * @param deadline the most any one measurement may take before the run fails
 */
public record BenchPlan(
    String name,
    int repeats,
    int warmupMessages,
    int messages,
    int warmupRoundTrips,
    int roundTrips,
    List<Integer> connectionCounts,
    int codecWarmup,
    int codecIterations,
    Duration codecIterationTime,
    Duration deadline) {

  /** The size of the data in every one-way and round-trip message, as in the issue: 64 bytes. */
  public static final int PAYLOAD_BYTES = 64;

  /** The numbers the README reports: a few minutes on 2 cores. */
  public static final BenchPlan FULL =
      new BenchPlan(
          "full",
          5,
          50_000,
          200_000,
          5_000,
          20_000,
          List.of(1_000, 5_000, 10_000),
          3,
          5,
          Duration.ofSeconds(1),
          Duration.ofSeconds(120));

  /** Every scenario once with tiny counts: proves the harness works, measures nothing. */
  public static final BenchPlan SMOKE =
      new BenchPlan(
          "smoke",
          1,
          200,
          1_000,
          50,
          200,
          List.of(50),
          1,
          1,
          Duration.ofMillis(100),
          Duration.ofSeconds(30));

  public BenchPlan {
    Objects.requireNonNull(name, "name == null");
    connectionCounts = List.copyOf(connectionCounts);
    Objects.requireNonNull(codecIterationTime, "codecIterationTime == null");
    Objects.requireNonNull(deadline, "deadline == null");
    if (repeats < 1) {
      throw new IllegalArgumentException("repeats < 1: " + repeats);
    }
    if (messages < 1) {
      throw new IllegalArgumentException("messages < 1: " + messages);
    }
    if (roundTrips < 1) {
      throw new IllegalArgumentException("roundTrips < 1: " + roundTrips);
    }
  }

  /** The plan called {@code name}: {@code full} or {@code smoke}. */
  public static BenchPlan named(String name) {
    switch (name) {
      case "full":
        return FULL;
      case "smoke":
        return SMOKE;
      default:
        throw new IllegalArgumentException("unknown plan (full or smoke): " + name);
    }
  }
}
