package io.simplenet.maven.internal;

import io.simplenet.compiler.GeneratedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one execution of a goal produced last time, kept in a small text file so the next build can
 * tell whether anything changed. The file is UTF-8, one entry per line, fields separated by one
 * space, the path always last (so it may contain spaces):
 *
 * <pre>
 * simplenet-build-state 1
 * digest &lt;sha256 of everything below and of the configuration&gt;
 * root JAVA_SOURCE &lt;absolute output directory&gt;
 * root RESOURCE &lt;absolute resource output directory&gt;
 * input &lt;sha256&gt; &lt;schema path relative to the source directory&gt;
 * output JAVA_SOURCE &lt;sha256&gt; &lt;path relative to its root&gt;
 * output RESOURCE &lt;sha256&gt; &lt;path relative to its root&gt;
 * </pre>
 *
 * <p>A file in any other format (an older plugin's, a truncated one) reads as no state, which
 * forces a full build.
 *
 * @param digest the {@link IncrementalGenerator} digest this state was written with
 * @param roots the output directory of each kind of file, so stale outputs are found even after the
 *     directories were reconfigured
 * @param inputs the SHA-256 of every schema file the compiler read, by path
 */
record BuildState(
    String digest,
    Map<GeneratedFile.Kind, Path> roots,
    SortedMap<String, String> inputs,
    List<Output> outputs) {

  /** The first line; bump the number whenever the format or the digest's recipe changes. */
  static final String HEADER = "simplenet-build-state 1";

  /**
   * One generated file.
   *
   * @param path relative to the root of its kind, {@code /}-separated
   */
  record Output(GeneratedFile.Kind kind, String path, String sha256) {
    public Output {
      Objects.requireNonNull(kind, "kind == null");
      Objects.requireNonNull(path, "path == null");
      Objects.requireNonNull(sha256, "sha256 == null");
    }
  }

  public BuildState {
    Objects.requireNonNull(digest, "digest == null");
    roots = Map.copyOf(roots);
    inputs = Collections.unmodifiableSortedMap(new TreeMap<>(inputs));
    outputs = List.copyOf(outputs);
  }

  /** Where {@code output} is (or was) on disk. */
  Path locate(Output output) {
    Path root = roots.get(output.kind());
    if (root == null) {
      throw new IllegalStateException("no root recorded for " + output.kind());
    }
    return root.resolve(output.path());
  }

  /** Reads a state file; null when it is missing or not in this format. */
  static BuildState read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      return null;
    }
    String digest = null;
    Map<GeneratedFile.Kind, Path> roots = new EnumMap<>(GeneratedFile.Kind.class);
    SortedMap<String, String> inputs = new TreeMap<>();
    List<Output> outputs = new ArrayList<>();
    try {
      for (String line : lines.subList(1, lines.size())) {
        String[] fields = line.split(" ", 2);
        switch (fields[0]) {
          case "digest" -> digest = fields[1];
          case "root" -> {
            String[] kindAndPath = fields[1].split(" ", 2);
            roots.put(GeneratedFile.Kind.valueOf(kindAndPath[0]), Paths.get(kindAndPath[1]));
          }
          case "input" -> {
            String[] hashAndPath = fields[1].split(" ", 2);
            inputs.put(hashAndPath[1], hashAndPath[0]);
          }
          case "output" -> {
            String[] entry = fields[1].split(" ", 3);
            outputs.add(new Output(GeneratedFile.Kind.valueOf(entry[0]), entry[2], entry[1]));
          }
          default -> {
            return null;
          }
        }
      }
    } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
      return null; // Truncated or hand-edited: rebuild rather than trust it.
    }
    if (digest == null || !roots.keySet().containsAll(kindsOf(outputs))) {
      return null;
    }
    return new BuildState(digest, roots, inputs, outputs);
  }

  /** Writes this state to {@code file}, creating its directory. */
  void write(Path file) throws IOException {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    text.append("digest ").append(digest).append('\n');
    new TreeMap<>(roots)
        .forEach(
            (kind, root) ->
                text.append("root ").append(kind).append(' ').append(root).append('\n'));
    inputs.forEach(
        (path, hash) -> text.append("input ").append(hash).append(' ').append(path).append('\n'));
    for (Output output : outputs) {
      text.append("output ")
          .append(output.kind())
          .append(' ')
          .append(output.sha256())
          .append(' ')
          .append(output.path())
          .append('\n');
    }
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static List<GeneratedFile.Kind> kindsOf(List<Output> outputs) {
    return outputs.stream().map(Output::kind).distinct().toList();
  }
}
