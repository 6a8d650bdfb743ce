package io.simplenet.bench.codec;

import io.simplenet.bench.BenchPlan;
import io.simplenet.bench.Repeats;
import io.simplenet.bench.Scenario;
import io.simplenet.bench.ScenarioResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The {@code codec} group: {@link CodecBenchmark} under JMH, in this JVM ({@code forks(0)}), so
 * that the whole run stays one process. The reported {@code ops_per_s} is the median of the
 * measured iterations. Warm-up, not counted: {@link CodecBenchmark#warmUp} in a plain loop, then
 * JMH's own warm-up iterations.
 *
 * <p>In-process JMH finds the benchmark through {@code META-INF/BenchmarkList}, which the JMH
 * annotation processor writes into {@code target/classes} at compile time, so no shaded "JMH
 * uber-jar" is needed. Without a fork the JIT profile is shared with the groups that ran before;
 * that is the price of one process and is the same for the three codecs.
 *
 * <p>Runs on the benchmark's main thread; JMH starts and joins its own benchmark thread.
 */
public final class CodecScenario implements Scenario {
  /** JMH method name to scenario name. */
  private static final Map<String, String> SCENARIOS =
      Map.of(
          "simplenetBinary", "codec.simplenet_binary",
          "simplenetJson", "codec.simplenet_json",
          "protoc", "codec.protoc");

  @Override
  public String name() {
    return "codec";
  }

  @Override
  public List<ScenarioResult> run(BenchPlan plan) throws Exception {
    PlayerUpdates.checkEquivalent();
    System.out.println("  codec equivalence checked: " + PlayerUpdates.describe());
    CodecBenchmark.warmUp(plan.codecIterationTime().multipliedBy(plan.codecWarmup()));
    TimeValue iterationTime = TimeValue.milliseconds(plan.codecIterationTime().toMillis());
    Options options =
        new OptionsBuilder()
            .include(CodecBenchmark.class.getName() + "\\.")
            .forks(0)
            .threads(1)
            .mode(Mode.Throughput)
            .timeUnit(TimeUnit.SECONDS)
            .warmupIterations(plan.codecWarmup())
            .warmupTime(iterationTime)
            .measurementIterations(plan.codecIterations())
            .measurementTime(iterationTime)
            .timeout(TimeValue.milliseconds(plan.deadline().toMillis()))
            .shouldFailOnError(true)
            .verbosity(VerboseMode.SILENT)
            .build();
    Collection<RunResult> runs = new Runner(options).run();
    List<ScenarioResult> results = new ArrayList<>();
    for (RunResult run : runs) {
      String method = run.getParams().getBenchmark();
      String scenario = SCENARIOS.get(method.substring(method.lastIndexOf('.') + 1));
      if (scenario == null) {
        throw new IllegalStateException("JMH ran an unknown benchmark: " + method);
      }
      results.add(
          ScenarioResult.of(scenario, ScenarioResult.OPS_PER_S, medianScore(run))
              .withRuns(plan.codecIterations()));
    }
    if (results.size() != SCENARIOS.size()) {
      throw new IllegalStateException("JMH ran " + results.size() + " of " + SCENARIOS.size());
    }
    return results;
  }

  /** The median of the measured iterations' scores (operations per second). */
  private static double medianScore(RunResult run) {
    List<Double> scores = new ArrayList<>();
    for (BenchmarkResult benchmark : run.getBenchmarkResults()) {
      for (IterationResult iteration : benchmark.getIterationResults()) {
        scores.add(iteration.getPrimaryResult().getScore());
      }
    }
    return Repeats.median(scores.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
