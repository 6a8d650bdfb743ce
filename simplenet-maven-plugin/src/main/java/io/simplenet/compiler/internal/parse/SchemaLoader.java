package io.simplenet.compiler.internal.parse;

import io.simplenet.compiler.Diagnostic;
import io.simplenet.compiler.internal.model.SchemaSet;
import java.nio.file.Path;
import java.util.List;

/** Reads, parses and validates schema files and their imports into a {@link SchemaSet}. */
public final class SchemaLoader {
  private SchemaLoader() {}

  /**
   * The outcome of loading.
   *
   * @param schemas the validated schemas, or null when there are errors
   * @param inputs every file read
   */
  public record Result(SchemaSet schemas, List<Diagnostic> diagnostics, List<Path> inputs) {
    public boolean hasErrors() {
      return diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }
  }

  /** Loads {@code schemaPaths} (relative to {@code sourceRoot}) and everything they import. */
  public static Result load(Path sourceRoot, Path displayBase, List<String> schemaPaths) {
    throw new UnsupportedOperationException("not written yet");
  }
}
