package io.simplenet.compiler.internal.proto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.simplenet.compiler.GeneratedFile;
import io.simplenet.compiler.internal.model.GeneratedNames;
import io.simplenet.compiler.internal.model.SchemaSet;
import io.simplenet.compiler.testing.AllTypesFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code .proto} text of the fixture schemas, compared with {@code golden/proto/<path>.proto}.
 * Run with {@code -Dsimplenet.updateGolden=true} to rewrite the golden files after an intended
 * change, then review the diff.
 */
class ProtoGoldenTest {
  private static final Path GOLDEN_DIR = Path.of("src/test/resources/golden/proto");
  private static final boolean UPDATE = Boolean.getBoolean("simplenet.updateGolden");

  @ParameterizedTest
  @ValueSource(strings = {AllTypesFixture.ALL_TYPES, AllTypesFixture.COMMON})
  void protoTextMatchesGolden(String schemaPath) throws IOException {
    SchemaSet schemas = AllTypesFixture.load();
    List<GeneratedFile> files = ProtoGenerator.generate(schemas, schemas.schema(schemaPath));
    String proto =
        files.stream()
            .filter(f -> f.path().equals(GeneratedNames.protoResource(schemaPath)))
            .findFirst()
            .orElseThrow()
            .text();

    Path golden = GOLDEN_DIR.resolve(GeneratedNames.protoPath(schemaPath));
    if (UPDATE) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, proto, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), proto, "differs from " + golden);
  }

  @ParameterizedTest
  @ValueSource(strings = {AllTypesFixture.ALL_TYPES, AllTypesFixture.COMMON})
  void outputIsDeterministic(String schemaPath) {
    SchemaSet once = AllTypesFixture.load();
    SchemaSet again = AllTypesFixture.load();

    List<GeneratedFile> first = ProtoGenerator.generate(once, once.schema(schemaPath));
    List<GeneratedFile> second = ProtoGenerator.generate(again, again.schema(schemaPath));

    assertEquals(first, second);
  }
}
