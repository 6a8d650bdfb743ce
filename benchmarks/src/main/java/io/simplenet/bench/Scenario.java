package io.simplenet.bench;

import java.util.List;

/**
 * A group of measurements against one system (raw Tyrus, simplenet, gRPC-java, the codecs, the
 * connection count), producing one {@link ScenarioResult} per named scenario. It starts and stops
 * everything it measures, binds to 127.0.0.1 only, and repeats each measurement
 * {@link BenchPlan#repeats()} times with {@link Repeats#median}.
 *
 * <p>Called from the benchmark's main thread only.
 */
public interface Scenario {

  /** The group's name, the prefix of its results' names: {@code tyrus}, {@code simplenet}, ... */
  String name();

  /** Runs every measurement of the group under {@code plan}. */
  List<ScenarioResult> run(BenchPlan plan) throws Exception;
}
