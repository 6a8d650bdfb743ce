package io.simplenet.bench;

/**
 * Round-trip time with one request outstanding at a time: from the send until the response is
 * visible to the sending thread.
 *
 * <p>Called from one thread.
 */
public final class RoundTrips {
  private RoundTrips() {}

  /** Sends request {@code id} and returns once its response is visible to this thread. */
  @FunctionalInterface
  public interface RoundTrip {
    void call(long id, Deadline deadline) throws Exception;
  }

  /**
   * Makes {@link BenchPlan#warmupRoundTrips()} unmeasured round trips, then {@link
   * BenchPlan#roundTrips()} per repeat; the medians of p50 and p99 are {@code scenario}'s result.
   */
  public static ScenarioResult measure(String scenario, BenchPlan plan, RoundTrip roundTrip)
      throws Exception {
    Deadline warmup = Deadline.after(plan.deadline());
    for (int id = 0; id < plan.warmupRoundTrips(); id++) {
      roundTrip.call(id, warmup);
    }
    return Repeats.median(
        plan.repeats(),
        () -> {
          Latencies latencies = new Latencies(plan.roundTrips());
          Deadline deadline = Deadline.after(plan.deadline());
          for (int id = 0; id < plan.roundTrips(); id++) {
            long start = System.nanoTime();
            roundTrip.call(id, deadline);
            latencies.record(System.nanoTime() - start);
          }
          return latencies.result(scenario);
        });
  }
}
