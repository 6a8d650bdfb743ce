package io.simplenet.compiler.internal.parse;

import io.simplenet.compiler.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Helpers for loader tests: the shared fixture, schemas written to a temporary source root. */
final class TestSchemas {
  private TestSchemas() {}

  /**
   * The directory of the shared fixtures ({@code alltypes.channel}, {@code shared/common.channel}).
   */
  static Path fixtureRoot() {
    try {
      return Path.of(TestSchemas.class.getResource("/schemas/alltypes.channel").toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes {@code text} to {@code root/path}, creating directories. */
  static void write(Path root, String path, String text) {
    try {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads {@code paths} from {@code root}, showing paths relative to the root. */
  static SchemaLoader.Result load(Path root, String... paths) {
    return SchemaLoader.load(root, root, List.of(paths));
  }

  /** Writes one file {@code test.channel} and returns the headlines of loading it. */
  static List<String> errors(Path root, String text) {
    write(root, "test.channel", text);
    return headlines(load(root, "test.channel"));
  }

  static List<String> headlines(SchemaLoader.Result result) {
    return result.diagnostics().stream().map(Diagnostic::headline).toList();
  }
}
