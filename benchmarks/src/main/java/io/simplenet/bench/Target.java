package io.simplenet.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One of issue 6's performance targets: a ratio of two measured numbers (or of one number and a
 * fixed budget) and the bound it must meet.
 *
 * @param name the ratio's name in the results
 * @param scenario the numerator's scenario
 * @param metric the numerator's metric
 * @param baseline the denominator's scenario, or empty for {@link #budget()}
 * @param budget the denominator when there is no baseline scenario
 * @param atLeast true if the ratio must be at least {@code bound}, false if at most
 * @param bound the bound
 */
public record Target(
    String name,
    String scenario,
    String metric,
    Optional<String> baseline,
    double budget,
    boolean atLeast,
    double bound) {

  /** Every target of issue 6, in the order the README lists them. */
  public static final List<Target> ALL =
      List.of(
          atLeast("oneway_c2s_vs_tyrus", "simplenet.oneway_c2s", "tyrus.oneway_c2s",
              ScenarioResult.MSGS_PER_S, 1.0),
          atLeast("oneway_s2c_vs_tyrus", "simplenet.oneway_s2c", "tyrus.oneway_s2c",
              ScenarioResult.MSGS_PER_S, 1.0),
          atLeast("oneway_c2s_vs_grpc", "simplenet.oneway_c2s", "grpc.oneway_c2s",
              ScenarioResult.MSGS_PER_S, 1.0),
          atLeast("oneway_s2c_vs_grpc", "simplenet.oneway_s2c", "grpc.oneway_s2c",
              ScenarioResult.MSGS_PER_S, 1.0),
          atMost("rtt_p50_vs_tyrus", "simplenet.request_rtt", "tyrus.echo_rtt",
              ScenarioResult.P50_US, 1.1),
          atMost("rtt_p50_vs_grpc", "simplenet.request_rtt", "grpc.rtt",
              ScenarioResult.P50_US, 1.0),
          atLeast("codec_vs_protoc", "codec.simplenet_binary", "codec.protoc",
              ScenarioResult.OPS_PER_S, 0.8),
          new Target("heap_per_connection_10000_vs_20KiB", "connections.10000",
              ScenarioResult.HEAP_PER_CONNECTION_BYTES, Optional.empty(), 20 * 1024, false, 1.0));

  private static Target atLeast(
      String name, String scenario, String baseline, String metric, double bound) {
    return new Target(name, scenario, metric, Optional.of(baseline), 0, true, bound);
  }

  private static Target atMost(
      String name, String scenario, String baseline, String metric, double bound) {
    return new Target(name, scenario, metric, Optional.of(baseline), 0, false, bound);
  }

  /** The ratio from {@code results} (scenario name to result), or empty if a scenario did not run. */
  public Optional<Double> ratio(Map<String, ScenarioResult> results) {
    ScenarioResult measured = results.get(scenario);
    if (measured == null) {
      return Optional.empty();
    }
    if (baseline.isEmpty()) {
      return Optional.of(measured.get(metric) / budget);
    }
    ScenarioResult base = results.get(baseline.get());
    return base == null ? Optional.empty() : Optional.of(measured.get(metric) / base.get(metric));
  }

  /** Whether {@code ratio} meets the bound. */
  public boolean met(double ratio) {
    return atLeast ? ratio >= bound : ratio <= bound;
  }

  /** The bound as text: {@code ≥ 1.0} or {@code ≤ 1.1}. */
  public String boundText() {
    return (atLeast ? "≥ " : "≤ ") + bound;
  }
}
