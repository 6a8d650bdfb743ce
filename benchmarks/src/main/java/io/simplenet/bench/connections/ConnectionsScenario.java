package io.simplenet.bench.connections;

import io.simplenet.auth.AuthKeys;
import io.simplenet.bench.BenchPlan;
import io.simplenet.bench.Repeats;
import io.simplenet.bench.Scenario;
import io.simplenet.bench.ScenarioResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How fast clients connect and authenticate, and how much server heap an idle connection holds:
 * {@code connections.<count>} for each of {@link BenchPlan#connectionCounts()} (simplenet's
 * generated server and clients, Ed25519 tokens), and {@code connections.tyrus_<largest>}, the same
 * with a raw Tyrus endpoint and clients and no authentication, as the baseline.
 *
 * <p>The server runs in this JVM, alone, so that its heap is measured without the clients; the
 * clients run in one {@link LoadGenerator} child JVM for the whole group (this machine allows
 * 20,000 open files per process: not enough for both ends of 10,000 connections). One
 * measurement: start the server; the child signs its clients' tokens (untimed); used heap after full
 * collections ({@link HeapMeter}); tell the child to connect every client; {@code connect_s} runs
 * until the server has seen every connection ({@code Connected} events for simplenet, {@code
 * onOpen} for raw Tyrus); heap again with every connection idle: {@code
 * heap_per_connection_bytes} = (after − before) / count; close every client and check that the
 * server is back to no connection.
 *
 * <p>Each count under 5,000 runs {@code min(plan.repeats(), 3)} times, and larger ones once, so that
 * the group takes about 2 minutes at the full plan (the JDK's Ed25519 checks each token in
 * milliseconds); the median is reported. The smallest count runs
 * once before measuring, unreported, for each kind of server, as warm-up.
 */
public final class ConnectionsScenario implements Scenario {
  /** The most runs of one count: connecting thousands of clients takes seconds each time. */
  static final int MAX_REPEATS = 3;

  /** Counts from this one on run once: 10,000 token connections take half a minute here. */
  static final int SINGLE_RUN_FROM = 5_000;

  @Override
  public String name() {
    return "connections";
  }

  @Override
  public List<ScenarioResult> run(BenchPlan plan) throws Exception {
    AuthKeys keys = AuthKeys.generate();
    int warmup = Collections.min(plan.connectionCounts());
    int largest = Collections.max(plan.connectionCounts());
    List<ScenarioResult> results = new ArrayList<>();
    try (LoadGeneratorProcess clients = LoadGeneratorProcess.start(keys.privateSeed(), plan.deadline())) {
      measure(clients, ClientKind.SIMPLENET, warmup, keys, plan.deadline());
      for (int count : plan.connectionCounts()) {
        results.add(
            Repeats.median(
                repeats(plan, count),
                () -> measure(clients, ClientKind.SIMPLENET, count, keys, plan.deadline())
                    .result("connections." + count)));
      }
      measure(clients, ClientKind.RAW_TYRUS, warmup, keys, plan.deadline());
      results.add(
          Repeats.median(
              repeats(plan, largest),
              () -> measure(clients, ClientKind.RAW_TYRUS, largest, keys, plan.deadline())
                  .result("connections.tyrus_" + largest)));
    }
    return results;
  }

  private static int repeats(BenchPlan plan, int count) {
    return count >= SINGLE_RUN_FROM ? 1 : Math.min(plan.repeats(), MAX_REPEATS);
  }

  /**
   * One measurement of {@code count} clients of {@code kind} from {@code clients}; every wait is
   * bounded by {@code deadline}.
   */
  private static Measurement measure(
      LoadGeneratorProcess clients, ClientKind kind, int count, AuthKeys keys, Duration deadline)
      throws Exception {
    try (IdleServer server =
        kind == ClientKind.SIMPLENET
            ? new SimplenetIdleServer(keys.publicKey())
            : new RawTyrusIdleServer()) {
      clients.prepare(kind, server.url(), count);
      long heapBefore = HeapMeter.usedAfterGc();
      long start = System.nanoTime();
      clients.connect();
      if (!server.awaitConnected(count, deadline)) {
        throw new IllegalStateException(
            kind + ": " + server.openConnections() + " of " + count + " connected after " + deadline);
      }
      long connectNanos = System.nanoTime() - start;
      LoadGeneratorProcess.Usage usage = clients.awaitConnected();
      long heapAfter = HeapMeter.usedAfterGc();
      if (server.openConnections() != count) {
        throw new IllegalStateException(
            kind + ": " + server.openConnections() + " of " + count + " still open while idle");
      }
      clients.closeClients();
      if (!server.awaitNoConnections(deadline)) {
        throw new IllegalStateException(
            kind + ": " + server.openConnections() + " connections left after the clients closed");
      }
      Measurement measurement =
          new Measurement(connectNanos / 1e9, count, (heapAfter - heapBefore) / (double) count);
      System.out.printf(
          "  %s %,d clients: connected in %.2f s (%,.0f/s, %d retried attempts),"
              + " %,.0f heap bytes per connection; client JVM %d threads, %d open files%n",
          kind, count, measurement.connectSeconds(), measurement.connectsPerSecond(),
          usage.retries(), measurement.heapPerConnection(), usage.threads(), usage.fds());
      return measurement;
    }
  }

  /** One measurement's numbers. */
  private record Measurement(double connectSeconds, int count, double heapPerConnection) {
    double connectsPerSecond() {
      return count / connectSeconds;
    }

    ScenarioResult result(String scenario) {
      return ScenarioResult.of(
          scenario,
          ScenarioResult.CONNECT_S, connectSeconds,
          ScenarioResult.CONNECTS_PER_S, connectsPerSecond(),
          ScenarioResult.HEAP_PER_CONNECTION_BYTES, heapPerConnection);
    }
  }
}
