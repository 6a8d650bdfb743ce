package io.simplenet.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run's results: printed as a table, written as {@code bench-results.json} (scenario name to
 * metrics, the target ratios, the machine and the plan).
 *
 * <p>Immutable.
 */
public final class Report {
  private final Machine machine;
  private final BenchPlan plan;
  private final Map<String, ScenarioResult> results = new LinkedHashMap<>();

  public Report(Machine machine, BenchPlan plan, List<ScenarioResult> results) {
    this.machine = machine;
    this.plan = plan;
    for (ScenarioResult result : results) {
      if (this.results.put(result.scenario(), result) != null) {
        throw new IllegalArgumentException("scenario reported twice: " + result.scenario());
      }
    }
  }

  /** Scenario name to result, in the order they ran. */
  public Map<String, ScenarioResult> results() {
    return results;
  }

  /** Prints the scenarios and the targets as two Markdown tables. */
  public void print(PrintStream out) {
    out.printf(
        "%nsimplenet benchmarks, plan %s: %d cores, %s, %s%n%n",
        plan.name(), machine.cores(), machine.jvm(), machine.os());
    out.println("| scenario | metric | value |");
    out.println("|---|---|---:|");
    for (ScenarioResult result : results.values()) {
      result.metrics()
          .forEach((metric, value) ->
              out.printf("| %s | %s | %s |%n", result.scenario(), metric, format(value)));
    }
    out.println();
    out.println("| target | ratio | bound | met |");
    out.println("|---|---:|---|---|");
    for (Target target : Target.ALL) {
      Optional<Double> ratio = target.ratio(results);
      out.printf(
          "| %s | %s | %s | %s |%n",
          target.name(),
          ratio.map(r -> String.format("%.2f", r)).orElse("n/a"),
          target.boundText(),
          ratio.map(r -> target.met(r) ? "yes" : "NO").orElse("not run"));
    }
  }

  /** Writes the JSON file, creating its directory. */
  public void write(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    try (JsonGenerator json =
        new JsonFactory()
            .createGenerator(Files.newOutputStream(file), JsonEncoding.UTF8)
            .useDefaultPrettyPrinter()) {
      json.writeStartObject();
      json.writeObjectFieldStart("machine");
      json.writeNumberField("cores", machine.cores());
      json.writeStringField("jvm", machine.jvm());
      json.writeStringField("os", machine.os());
      json.writeNumberField("max_heap_bytes", machine.maxHeapBytes());
      json.writeStringField("plan", plan.name());
      json.writeEndObject();
      json.writeObjectFieldStart("scenarios");
      for (ScenarioResult result : results.values()) {
        json.writeObjectFieldStart(result.scenario());
        for (Map.Entry<String, Double> metric : result.metrics().entrySet()) {
          json.writeNumberField(metric.getKey(), metric.getValue());
        }
        json.writeNumberField("runs", result.runs());
        json.writeEndObject();
      }
      json.writeEndObject();
      json.writeObjectFieldStart("ratios");
      for (Target target : Target.ALL) {
        Optional<Double> ratio = target.ratio(results);
        if (ratio.isEmpty()) {
          continue;
        }
        json.writeObjectFieldStart(target.name());
        json.writeNumberField("value", ratio.get());
        json.writeStringField("target", target.boundText());
        json.writeBooleanField("met", target.met(ratio.get()));
        json.writeEndObject();
      }
      json.writeEndObject();
      json.writeEndObject();
    }
  }

  private static String format(double value) {
    return value >= 100 ? String.format("%,.0f", value) : String.format("%.2f", value);
  }
}
