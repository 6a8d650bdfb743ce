package io.simplenet.compiler.internal.model;

/** A place in a schema file: its path relative to the source root and a 1-based line and column. */
public record SourcePos(String file, int line, int column) {
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
