package io.simplenet.compiler.internal.model;

import java.util.List;

/** The {@code ///} doc comment lines of a schema element, without the slashes; empty when none. */
public record Docs(List<String> lines) {
  public static final Docs NONE = new Docs(List.of());

  public Docs {
    lines = List.copyOf(lines);
  }

  public boolean isEmpty() {
    return lines.isEmpty();
  }

  /** The lines joined with {@code \n}, each stripped of one leading space. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    for (String line : lines) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(line.startsWith(" ") ? line.substring(1) : line);
    }
    return sb.toString();
  }
}
