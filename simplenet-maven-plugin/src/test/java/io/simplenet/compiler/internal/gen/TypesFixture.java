package io.simplenet.compiler.internal.gen;

import static org.junit.jupiter.api.Assertions.fail;

import io.simplenet.compiler.Diagnostic;
import io.simplenet.compiler.GeneratedFile;
import io.simplenet.compiler.internal.model.Schema;
import io.simplenet.compiler.internal.model.SchemaSet;
import io.simplenet.compiler.internal.parse.SchemaLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Loads schemas through the real front-end and runs {@link JavaGenerator} on them, for tests. */
final class TypesFixture {
  /** The shared fixture that exercises every construct, relative to the test schema root. */
  static final String ALL_TYPES = "alltypes.channel";

  private TypesFixture() {}

  /** The test resources' {@code schemas} directory. */
  static Path schemaRoot() {
    try {
      return Path.of(TypesFixture.class.getResource("/schemas").toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  /** Loads {@code paths} (and their imports) from {@code root}, failing the test on any error. */
  static SchemaSet load(Path root, String... paths) {
    SchemaLoader.Result result = SchemaLoader.load(root, root, List.of(paths));
    if (result.schemas() == null || result.hasErrors()) {
      fail(
          "schemas do not load:\n"
              + result.diagnostics().stream()
                  .map(Diagnostic::format)
                  .collect(Collectors.joining("\n")));
    }
    return result.schemas();
  }

  /** Writes {@code files} (path to {@code .channel} text) under {@code root} and loads them all. */
  static SchemaSet loadText(Path root, Map<String, String> files) {
    try {
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path path = root.resolve(file.getKey());
        Files.createDirectories(path.getParent());
        Files.writeString(path, file.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return load(root, files.keySet().toArray(new String[0]));
  }

  /** The Java types of every schema in {@code schemas}, imports included. */
  static List<GeneratedFile> generateTypes(SchemaSet schemas) {
    List<GeneratedFile> files = new ArrayList<>();
    for (Schema schema : schemas.schemas()) {
      files.addAll(JavaGenerator.generate(schemas, schema));
    }
    return files;
  }
}
