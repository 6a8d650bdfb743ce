package io.simplenet.bench;

import io.simplenet.bench.codec.CodecScenario;
import io.simplenet.bench.connections.ConnectionsScenario;
import io.simplenet.bench.grpc.GrpcScenario;
import io.simplenet.bench.simplenet.SimplenetScenarios;
import io.simplenet.bench.tyrus.TyrusScenarios;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the benchmarks in this JVM on 127.0.0.1, prints the results and writes them as JSON.
 *
 * <p>Arguments, each {@code key=value}: {@code plan=full|smoke} (default full), {@code
 * out=path} (default {@code target/bench-results.json}), {@code only=name,...} (run only the
 * scenarios whose group is listed, e.g. {@code only=tyrus,simplenet}).
 */
public final class BenchMain {
  private BenchMain() {}

  /** Every scenario group, in the order they run. */
  static List<Scenario> scenarios() {
    return List.of(
        new TyrusScenarios(),
        new SimplenetScenarios(),
        new GrpcScenario(),
        new CodecScenario(),
        new ConnectionsScenario());
  }

  public static void main(String[] args) throws Exception {
    BenchPlan plan = BenchPlan.FULL;
    Path out = Path.of("target", "bench-results.json");
    List<String> only = List.of();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (equals < 0) {
        throw new IllegalArgumentException("argument is not key=value: " + arg);
      }
      String value = arg.substring(equals + 1);
      switch (arg.substring(0, equals)) {
        case "plan":
          plan = BenchPlan.named(value);
          break;
        case "out":
          out = Path.of(value);
          break;
        case "only":
          only = value.isEmpty() ? List.of() : List.of(value.split(","));
          break;
        default:
          throw new IllegalArgumentException("unknown argument (plan, out, only): " + arg);
      }
    }
    Report report = run(plan, only);
    report.print(System.out);
    report.write(out);
    System.out.println("\nwritten: " + out.toAbsolutePath());
  }

  /** Runs the scenarios of the groups in {@code only} (all if empty) under {@code plan}. */
  static Report run(BenchPlan plan, List<String> only) throws Exception {
    List<ScenarioResult> results = new ArrayList<>();
    for (Scenario scenario : scenarios()) {
      if (!only.isEmpty() && !only.contains(scenario.name())) {
        continue;
      }
      System.out.printf("running %s (plan %s)...%n", scenario.name(), plan.name());
      results.addAll(scenario.run(plan));
    }
    return new Report(Machine.current(), plan, results);
  }
}
