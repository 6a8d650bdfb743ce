package io.simplenet.compiler;

import java.util.Objects;

/**
 * One problem found in a schema, at a 1-based line and column.
 *
 * @param file the path as shown to the user (relative to the build's base directory)
 * @param sourceLine the text of the offending line, without its line break; empty if unknown
 */
public record Diagnostic(
    Severity severity, String file, int line, int column, String message, String sourceLine) {

  /** How bad a diagnostic is; any {@link #ERROR} fails the compilation. */
  public enum Severity {
    ERROR,
    WARNING;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Diagnostic {
    Objects.requireNonNull(severity, "severity == null");
    Objects.requireNonNull(file, "file == null");
    Objects.requireNonNull(message, "message == null");
    Objects.requireNonNull(sourceLine, "sourceLine == null");
    if (line < 1) {
      throw new IllegalArgumentException("line < 1: " + line);
    }
    if (column < 1) {
      throw new IllegalArgumentException("column < 1: " + column);
    }
  }

  /** {@code file:line:col: error: message}, the first line of {@link #format()}. */
  public String headline() {
    return file + ":" + line + ":" + column + ": " + severity.label() + ": " + message;
  }

  /**
   * The javac-style report: the headline, the source line and a caret under the column. Tabs before
   * the column are kept so the caret lines up in a terminal.
   */
  public String format() {
    if (sourceLine.isEmpty()) {
      return headline();
    }
    StringBuilder caret = new StringBuilder();
    for (int i = 0; i < column - 1 && i < sourceLine.length(); i++) {
      caret.append(sourceLine.charAt(i) == '\t' ? '\t' : ' ');
    }
    caret.append('^');
    return headline() + "\n  " + sourceLine + "\n  " + caret;
  }

  @Override
  public String toString() {
    return headline();
  }
}
