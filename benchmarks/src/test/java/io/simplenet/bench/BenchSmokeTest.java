package io.simplenet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every registered group once with {@link BenchPlan#SMOKE} (tiny counts, measures nothing)
 * and checks the harness: every scenario the targets need, positive finite numbers, the JSON
 * file, and no thread left behind.
 */
class BenchSmokeTest {
  /**
   * Process-wide pools that outlive any one client and end on their own idle timeouts, if ever:
   * Tyrus's shared Grizzly client transport (kernel threads, workers, idle timer), simplenet's
   * client timer, connect pool and request cleaner, the JDK's cleaner, gRPC's shared executors
   * and event loops. Not counted as left behind.
   */
  private static final List<String> SHARED_POOL_PREFIXES =
      List.of(
          "Grizzly(",
          "bench-tyrus-client-worker",
          "tyrus-grizzly-container-idle-timeout",
          "simplenet-client-",
          "simplenet-request-cleaner",
          "Cleaner-",
          "grpc-");

  /** Other threads a run may leave, at most: a group's lazily started helpers. */
  private static final int THREAD_SLACK = 4;

  /** The connection scenarios' prefix: {@code connections.<count>}. */
  private static final String CONNECTIONS = "connections.";

  /** How long the run's own threads (servers, receivers) may take to end after it returns. */
  private static final Duration THREADS_END = Duration.ofSeconds(10);

  @TempDir Path dir;

  @Test
  void smokePlanRunsEveryScenarioAndWritesTheJson() throws Exception {
    Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());

    Report report = BenchMain.run(BenchPlan.SMOKE, List.of());
    Path json = dir.resolve("bench-results.json");
    report.write(json);

    for (ScenarioResult result : report.results().values()) {
      assertTrue(!result.metrics().isEmpty(), result.scenario() + " has no metrics");
      result.metrics().forEach((metric, value) ->
          assertPositiveFinite(result.scenario() + " " + metric, value));
    }
    Set<String> ratioNames = new TreeSet<>();
    for (Target target : Target.ALL) {
      target.ratio(report.results()).ifPresent(ratio -> {
        assertPositiveFinite(target.name(), ratio);
        ratioNames.add(target.name());
      });
    }

    Map<String, Object> root = parse(json);
    Map<String, Object> machine = object(root, "machine");
    assertEquals(
        Runtime.getRuntime().availableProcessors(), ((Number) machine.get("cores")).intValue());
    assertTrue(
        ((String) machine.get("jvm")).contains(System.getProperty("java.runtime.version")),
        "jvm: " + machine);
    Map<String, Object> scenarios = object(root, "scenarios");
    assertEquals(report.results().keySet(), scenarios.keySet());
    for (String scenario : scenarios.keySet()) {
      Map<String, Object> metrics = new HashMap<>(object(scenarios, scenario));
      ScenarioResult result = report.results().get(scenario);
      assertEquals(result.runs(), ((Number) metrics.remove("runs")).intValue(), scenario);
      assertEquals(result.metrics().keySet(), metrics.keySet(), scenario);
    }
    Map<String, Object> ratios = object(root, "ratios");
    assertEquals(ratioNames, new TreeSet<>(ratios.keySet()));
    for (String name : ratios.keySet()) {
      Map<String, Object> ratio = object(ratios, name);
      assertPositiveFinite(name, ((Number) ratio.get("value")).doubleValue());
      assertInstanceOf(String.class, ratio.get("target"), name);
      assertInstanceOf(Boolean.class, ratio.get("met"), name);
    }

    assertEquals(0, ProcessHandle.current().children().count(), "a load generator still runs");
    assertThreadsEnd(before);
    // Last, so that a missing group (merged later) does not hide the checks above.
    assertEquals(
        expectedScenarios(),
        new TreeSet<>(report.results().keySet()),
        "every scenario of every target, codec.simplenet_json, connections.<smoke counts> and"
            + " the raw Tyrus connection baseline");
  }

  /**
   * Every scenario a target compares, the JSON codec, one connection scenario per count, and raw
   * Tyrus's connection baseline at the largest count.
   */
  private static Set<String> expectedScenarios() {
    Set<String> expected = new TreeSet<>();
    for (Target target : Target.ALL) {
      expected.add(target.scenario());
      target.baseline().ifPresent(expected::add);
    }
    expected.add("codec.simplenet_json");
    // The targets name the full plan's connection count; the smoke plan connects fewer.
    expected.removeIf(name -> name.startsWith(CONNECTIONS));
    for (int count : BenchPlan.SMOKE.connectionCounts()) {
      expected.add(CONNECTIONS + count);
    }
    expected.add(CONNECTIONS + "tyrus_" + Collections.max(BenchPlan.SMOKE.connectionCounts()));
    return expected;
  }

  private static void assertPositiveFinite(String what, double value) {
    assertTrue(Double.isFinite(value) && value > 0, what + " is not positive and finite: " + value);
  }

  /**
   * Waits until at most {@link #THREAD_SLACK} threads started during the run, other than the
   * shared pools', are alive, and names them if there are more.
   */
  private static void assertThreadsEnd(Set<Thread> before) throws InterruptedException {
    long deadline = System.nanoTime() + THREADS_END.toNanos();
    List<Thread> left = newThreads(before);
    while (left.size() > THREAD_SLACK && System.nanoTime() < deadline) {
      // Joining one of them waits for progress without sleeping on a guess.
      left.get(0).join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      left = newThreads(before);
    }
    List<String> names = left.stream().map(Thread::getName).sorted().toList();
    System.out.println("threads the run left (" + names.size() + "): " + names);
    assertTrue(names.size() <= THREAD_SLACK, names.size() + " threads left: " + names);
  }

  private static List<Thread> newThreads(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> !before.contains(thread) && thread.isAlive())
        .filter(thread -> SHARED_POOL_PREFIXES.stream().noneMatch(thread.getName()::startsWith))
        .collect(Collectors.toCollection(ArrayList::new));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Map<String, Object> parent, String field) {
    return (Map<String, Object>) assertInstanceOf(Map.class, parent.get(field), field);
  }

  /** The JSON file as maps, numbers, strings and booleans (the report writes no arrays). */
  private static Map<String, Object> parse(Path json) throws IOException {
    try (JsonParser parser = new JsonFactory().createParser(json.toFile())) {
      assertEquals(JsonToken.START_OBJECT, parser.nextToken());
      Map<String, Object> root = readObject(parser);
      assertEquals(null, parser.nextToken(), "content after the root object");
      return root;
    }
  }

  private static Map<String, Object> readObject(JsonParser parser) throws IOException {
    Map<String, Object> object = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (value) {
        case START_OBJECT -> object.put(name, readObject(parser));
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> object.put(name, parser.getNumberValue());
        case VALUE_STRING -> object.put(name, parser.getText());
        case VALUE_TRUE, VALUE_FALSE -> object.put(name, parser.getBooleanValue());
        default -> throw new AssertionError("unexpected " + value + " at " + name);
      }
    }
    assertEquals(JsonToken.END_OBJECT, parser.currentToken());
    return object;
  }
}
