package io.simplenet.compiler.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.compiler.GeneratedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Golden files of generated text under {@code src/test/resources/golden/<area>}, as grpc-java's
 * compiler tests keep them. After an intended change to the generated code, run the golden tests
 * with {@code -Dsimplenet.updateGolden=true} to rewrite the files, then review their diff.
 */
public final class GoldenFiles {
  private static final boolean UPDATE = Boolean.getBoolean("simplenet.updateGolden");

  /** Relative to the module directory Maven runs tests in. */
  private final Path root;

  public GoldenFiles(String area) {
    this.root = Path.of("src/test/resources/golden", area);
  }

  /** Asserts that {@code text} equals the golden file {@code path} (rewritten first when updating). */
  public void assertMatches(String path, String text) throws IOException {
    Path golden = root.resolve(path);
    if (UPDATE) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, text, StandardCharsets.UTF_8);
    }
    assertTrue(Files.exists(golden), "no golden file " + golden);
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), text, "differs from " + golden);
  }

  /** Asserts that the generated file at {@code path} equals its golden file {@code <path>.txt}. */
  public void assertGeneratedMatches(List<GeneratedFile> files, String path) throws IOException {
    assertMatches(path + ".txt", find(files, path).text());
  }

  /** When updating, deletes every golden file of the area first, so stale ones disappear. */
  public void clearWhenUpdating() throws IOException {
    if (!UPDATE || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path golden : paths.filter(Files::isRegularFile).toList()) {
        Files.delete(golden);
      }
    }
  }

  /** Every golden file of the area, relative to it, with {@code /} separators. */
  public Set<String> paths() throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths
          .filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  /** The generated file at {@code path}; fails listing what was generated if there is none. */
  public static GeneratedFile find(List<GeneratedFile> files, String path) {
    GeneratedFile found =
        files.stream().filter(f -> f.path().equals(path)).findFirst().orElse(null);
    assertNotNull(
        found, () -> "not generated: " + path + " among " + files.stream().map(GeneratedFile::path).toList());
    return found;
  }
}
