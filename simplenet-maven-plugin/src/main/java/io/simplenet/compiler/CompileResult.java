package io.simplenet.compiler;

import java.nio.file.Path;
import java.util.List;

/**
 * What one compilation produced: diagnostics and, when there are no errors, the generated files.
 *
 * @param inputs every schema file read, the imported ones included (for incremental builds)
 */
public record CompileResult(List<Diagnostic> diagnostics, List<GeneratedFile> files, List<Path> inputs) {
  public CompileResult {
    diagnostics = List.copyOf(diagnostics);
    files = List.copyOf(files);
    inputs = List.copyOf(inputs);
  }

  public long errorCount() {
    return diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
  }

  public boolean hasErrors() {
    return errorCount() > 0;
  }
}
