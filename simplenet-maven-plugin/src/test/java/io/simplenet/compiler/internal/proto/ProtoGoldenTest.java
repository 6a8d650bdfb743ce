package io.simplenet.compiler.internal.proto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.simplenet.compiler.GeneratedFile;
import io.simplenet.compiler.internal.model.GeneratedNames;
import io.simplenet.compiler.internal.model.SchemaSet;
import io.simplenet.compiler.testing.AllTypesFixture;
import io.simplenet.compiler.testing.GoldenFiles;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code .proto} text of the fixture schemas, compared with {@code golden/proto/<path>.proto}.
 * Run with {@code -Dsimplenet.updateGolden=true} to rewrite the golden files after an intended
 * change, then review the diff.
 */
class ProtoGoldenTest {
  private static final GoldenFiles GOLDEN = new GoldenFiles("proto");

  @ParameterizedTest
  @ValueSource(strings = {AllTypesFixture.ALL_TYPES, AllTypesFixture.COMMON})
  void protoTextMatchesGolden(String schemaPath) throws IOException {
    SchemaSet schemas = AllTypesFixture.load();
    List<GeneratedFile> files = ProtoGenerator.generate(schemas, schemas.schema(schemaPath));
    String proto = GoldenFiles.find(files, GeneratedNames.protoResource(schemaPath)).text();
    GOLDEN.assertMatches(GeneratedNames.protoPath(schemaPath), proto);
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
