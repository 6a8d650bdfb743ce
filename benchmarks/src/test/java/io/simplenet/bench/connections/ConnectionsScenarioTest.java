package io.simplenet.bench.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.bench.BenchPlan;
import io.simplenet.bench.ScenarioResult;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The connection group end to end with a few clients: real server, real child JVM, real clients
 * on 127.0.0.1. Checks the results' names and that every process and server thread is gone
 * afterwards; the numbers themselves are not asserted (the machine is shared).
 */
class ConnectionsScenarioTest {
  private static final int CLIENTS = 20;
  private static final Duration THREADS_GONE = Duration.ofSeconds(30);

  private static final BenchPlan TINY =
      new BenchPlan(
          "tiny",
          1,
          1,
          1,
          1,
          1,
          List.of(CLIENTS),
          1,
          1,
          Duration.ofMillis(100),
          Duration.ofSeconds(60));

  @Test
  void measuresEveryCountAndTheRawTyrusBaselineThenLeavesNothingRunning() throws Exception {
    Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();

    List<ScenarioResult> results = new ConnectionsScenario().run(TINY);

    assertEquals(
        List.of("connections." + CLIENTS, "connections.tyrus_" + CLIENTS),
        results.stream().map(ScenarioResult::scenario).collect(Collectors.toList()));
    for (ScenarioResult result : results) {
      assertTrue(result.get(ScenarioResult.CONNECT_S) > 0, result.toString());
      assertTrue(result.get(ScenarioResult.CONNECTS_PER_S) > 0, result.toString());
      assertTrue(
          Double.isFinite(result.get(ScenarioResult.HEAP_PER_CONNECTION_BYTES)), result.toString());
    }
    assertEquals(0, ProcessHandle.current().children().count(), "load generator still running");
    // The servers' pools have terminated; their threads may still be on their way out.
    long deadline = System.nanoTime() + THREADS_GONE.toNanos();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (!threadsBefore.contains(thread) && isServerThread(thread)) {
        thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        assertFalse(thread.isAlive(), "server thread still alive: " + thread.getName());
      }
    }
  }

  /** A thread of a server this test started (simplenet's or the raw Tyrus one). */
  private static boolean isServerThread(Thread thread) {
    return thread.getName().startsWith("simplenet-server") || thread.getName().startsWith("raw-tyrus");
  }
}
