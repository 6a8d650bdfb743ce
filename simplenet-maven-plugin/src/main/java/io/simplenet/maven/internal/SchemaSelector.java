package io.simplenet.maven.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Picks the schema files of a source directory with Ant-style patterns, as Maven's resource and
 * compiler plugins do: {@code *} matches within one path segment, {@code ?} one character, {@code
 * **} any number of segments (so {@code **}{@code /*.channel} also matches {@code a.channel}), and
 * a pattern ending in {@code /} means everything below it.
 *
 * <p>Immutable and thread-safe.
 */
public final class SchemaSelector {
  private final List<String> includes;
  private final List<String> excludes;
  private final List<Pattern> includePatterns;
  private final List<Pattern> excludePatterns;

  /** A selector of the files matching any of {@code includes} and none of {@code excludes}. */
  public SchemaSelector(List<String> includes, List<String> excludes) {
    this.includes = List.copyOf(includes);
    this.excludes = List.copyOf(excludes);
    this.includePatterns = compile(this.includes);
    this.excludePatterns = compile(this.excludes);
  }

  public List<String> includes() {
    return includes;
  }

  public List<String> excludes() {
    return excludes;
  }

  /** Whether {@code relativePath} ({@code /}-separated) is selected. */
  public boolean matches(String relativePath) {
    return includePatterns.stream().anyMatch(p -> p.matcher(relativePath).matches())
        && excludePatterns.stream().noneMatch(p -> p.matcher(relativePath).matches());
  }

  /**
   * The selected regular files below {@code directory}, as {@code /}-separated relative paths in
   * sorted order (so builds are reproducible); empty if the directory does not exist.
   */
  public List<String> select(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isRegularFile)
          .map(file -> directory.relativize(file).toString().replace('\\', '/'))
          .filter(this::matches)
          .sorted()
          .collect(Collectors.toList());
    }
  }

  private static List<Pattern> compile(List<String> antPatterns) {
    return antPatterns.stream().map(SchemaSelector::toRegex).map(Pattern::compile).toList();
  }

  /** Translates one Ant-style pattern into an anchored regular expression. */
  static String toRegex(String antPattern) {
    String pattern = antPattern.trim().replace('\\', '/');
    while (pattern.startsWith("/")) {
      pattern = pattern.substring(1);
    }
    if (pattern.endsWith("/")) {
      pattern += "**";
    }
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (pattern.startsWith("**/", i)) {
        regex.append("(?:.*/)?");
        i += 3;
      } else if (pattern.startsWith("**", i)) {
        regex.append(".*");
        i += 2;
      } else if (c == '*') {
        regex.append("[^/]*");
        i++;
      } else if (c == '?') {
        regex.append("[^/]");
        i++;
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
        i++;
      }
    }
    return regex.toString();
  }

  @Override
  public String toString() {
    return "includes " + includes + ", excludes " + excludes;
  }
}
