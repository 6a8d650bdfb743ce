package io.simplenet.compiler.internal.parse;

import io.simplenet.compiler.Diagnostic;
import io.simplenet.compiler.testing.SchemaFiles;
import java.nio.file.Path;
import java.util.List;

/** Helpers for loader tests: what loading schemas written to a temporary source root reports. */
final class TestSchemas {
  private TestSchemas() {}

  /** Loads {@code paths} from {@code root}, showing paths relative to the root. */
  static SchemaLoader.Result load(Path root, String... paths) {
    return SchemaLoader.load(root, root, List.of(paths));
  }

  /** Writes one file {@code test.channel} and returns the headlines of loading it. */
  static List<String> errors(Path root, String text) {
    SchemaFiles.write(root, "test.channel", text);
    return headlines(load(root, "test.channel"));
  }

  static List<String> headlines(SchemaLoader.Result result) {
    return result.diagnostics().stream().map(Diagnostic::headline).toList();
  }
}
