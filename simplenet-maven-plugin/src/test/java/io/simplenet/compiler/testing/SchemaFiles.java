package io.simplenet.compiler.testing;

import io.simplenet.compiler.Diagnostic;
import io.simplenet.compiler.internal.model.SchemaSet;
import io.simplenet.compiler.internal.parse.SchemaLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code .channel} files written to a source root and loaded through the real front-end. */
public final class SchemaFiles {
  private SchemaFiles() {}

  /** Writes {@code text} to {@code root/path}, creating directories. */
  public static void write(Path root, String path, String text) {
    try {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Loads {@code paths} (and their imports) from {@code root}.
   *
   * @throws AssertionError listing the diagnostics if the front-end reports any, warnings included
   */
  public static SchemaSet loadClean(Path root, String... paths) {
    SchemaLoader.Result result = SchemaLoader.load(root, root, List.of(paths));
    if (result.schemas() == null || !result.diagnostics().isEmpty()) {
      throw new AssertionError(
          "schemas do not load cleanly:\n"
              + result.diagnostics().stream()
                  .map(Diagnostic::format)
                  .collect(Collectors.joining("\n")));
    }
    return result.schemas();
  }

  /** Writes {@code files} (path to {@code .channel} text) under {@code root} and loads them all. */
  public static SchemaSet writeAndLoadClean(Path root, Map<String, String> files) {
    files.forEach((path, text) -> write(root, path, text));
    return loadClean(root, files.keySet().toArray(new String[0]));
  }
}
