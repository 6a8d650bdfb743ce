package io.simplenet.compiler;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One output of the compiler.
 *
 * @param kind whether it belongs to the generated sources or the generated resources
 * @param path relative to its output directory, with {@code /} separators
 * @param schemaPath the {@code .channel} file it was generated from, relative to the source root
 */
public record GeneratedFile(Kind kind, String path, byte[] content, String schemaPath) {

  /** Which output directory a file goes to. */
  public enum Kind {
    /** A {@code .java} file for the compile source root. */
    JAVA_SOURCE,
    /** A {@code .proto} or descriptor set for the resources. */
    RESOURCE
  }

  public GeneratedFile {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(schemaPath, "schemaPath == null");
    content = content.clone();
  }

  public static GeneratedFile text(Kind kind, String path, String text, String schemaPath) {
    return new GeneratedFile(kind, path, text.getBytes(StandardCharsets.UTF_8), schemaPath);
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  /** The content decoded as UTF-8 (meaningful for text files). */
  public String text() {
    return new String(content, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GeneratedFile other
        && kind == other.kind
        && path.equals(other.path)
        && schemaPath.equals(other.schemaPath)
        && Arrays.equals(content, other.content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, path, schemaPath, Arrays.hashCode(content));
  }

  @Override
  public String toString() {
    return kind + " " + path + " (" + content.length + " bytes, from " + schemaPath + ")";
  }
}
