package io.simplenet.maven.internal;

import io.simplenet.compiler.Diagnostic;
import java.util.List;
import java.util.Objects;

/**
 * What one run of the {@link IncrementalGenerator} did.
 *
 * @param schemaCount the schema files involved (the selected ones and everything they import)
 * @param written the generated files whose content changed and were therefore written
 * @param removed the outputs of an earlier build that are no longer generated and were deleted
 * @param diagnostics the compiler's errors and warnings; empty when nothing was compiled
 */
public record Outcome(
    Status status, int schemaCount, int written, int removed, List<Diagnostic> diagnostics) {

  /** Which of the possible paths a run took. */
  public enum Status {
    /** No schema matched: nothing compiled, no source root to register. */
    NO_SCHEMAS,
    /** Inputs, configuration and outputs were unchanged: nothing compiled or written. */
    UP_TO_DATE,
    /** The schemas were compiled and the outputs brought up to date. */
    GENERATED,
    /** The compiler reported errors: outputs and state were left as they were. */
    FAILED
  }

  public Outcome {
    Objects.requireNonNull(status, "status == null");
    diagnostics = List.copyOf(diagnostics);
  }

  /** The number of diagnostics of {@code severity}. */
  public long count(Diagnostic.Severity severity) {
    return diagnostics.stream().filter(d -> d.severity() == severity).count();
  }
}
