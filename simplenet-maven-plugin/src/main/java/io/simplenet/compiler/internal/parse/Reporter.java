package io.simplenet.compiler.internal.parse;

import io.simplenet.compiler.Diagnostic;
import io.simplenet.compiler.internal.model.SourcePos;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the diagnostics of one load, turning schema positions into display paths and source
 * lines. Not thread-safe: one load uses one reporter.
 */
final class Reporter {
  private final Path sourceRoot;
  private final Path displayBase;
  private final Map<String, SourceText> sources = new HashMap<>();
  // A set, so the same problem found twice (say, through two paths of a graph) is reported once.
  private final Set<Diagnostic> diagnostics = new LinkedHashSet<>();

  Reporter(Path sourceRoot, Path displayBase) {
    this.sourceRoot = sourceRoot;
    this.displayBase = displayBase;
  }

  /** Makes the lines of {@code source} available to diagnostics in its file. */
  void register(SourceText source) {
    sources.put(source.path(), source);
  }

  void error(SourcePos pos, String message) {
    SourceText source = sources.get(pos.file());
    String lineText = source != null ? source.lineText(pos.line()) : "";
    diagnostics.add(
        new Diagnostic(
            Diagnostic.Severity.ERROR,
            displayPath(pos.file()),
            Math.max(1, pos.line()),
            Math.max(1, pos.column()),
            message,
            lineText));
  }

  boolean hasErrors() {
    return !diagnostics.isEmpty();
  }

  /** The diagnostics sorted by file, then line and column; otherwise in the order reported. */
  List<Diagnostic> sorted() {
    List<Diagnostic> sorted = new ArrayList<>(diagnostics);
    sorted.sort(
        Comparator.comparing(Diagnostic::file)
            .thenComparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::column));
    return List.copyOf(sorted);
  }

  /** {@code schemaPath} as shown to the user: relative to the display base, {@code /}-separated. */
  private String displayPath(String schemaPath) {
    try {
      return relativeDisplay(sourceRoot.resolve(schemaPath).normalize());
    } catch (InvalidPathException notAPath) {
      return schemaPath;
    }
  }

  /**
   * The source root as shown to the user ({@code src/main/channel}), {@code .} for the base itself.
   */
  String displaySourceRoot() {
    String shown = relativeDisplay(sourceRoot);
    return shown.isEmpty() ? "." : shown;
  }

  private String relativeDisplay(Path path) {
    Path shown;
    try {
      shown = displayBase.relativize(path);
    } catch (IllegalArgumentException differentRoots) {
      shown = path;
    }
    return shown.toString().replace('\\', '/');
  }
}
