package io.simplenet.compiler.internal.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.compiler.GeneratedFile;
import io.simplenet.compiler.testing.AllTypesFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares the typed API generated for the fixture's channels with the golden files under {@code
 * src/test/resources/golden/typed}, one {@code <path>.java.txt} per generated {@code <path>.java}.
 *
 * <p>After an intended change to the generated code, regenerate them and review the diff: {@code
 * mvn -pl simplenet-maven-plugin -am test -Dtest=TypedGoldenTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dsimplenet.updateGolden=true}.
 */
class TypedGoldenTest {
  /** The golden files, relative to the module directory that Maven runs tests in. */
  private static final Path GOLDEN_ROOT = Path.of("src/test/resources/golden/typed");

  private static final boolean UPDATE = Boolean.getBoolean("simplenet.updateGolden");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "StudioServer",
        "StudioServerEvent",
        "StudioServerHandler",
        "StudioRequestToken",
        "StudioClient",
        "StudioClientEvent",
        "StudioRequestSignal",
        "QuietServerEvent",
        "QuietServerHandler",
        "QuietClient"
      })
  void matchesGoldenFile(String simpleName) throws IOException {
    Map<String, GeneratedFile> byPath =
        Generators.codecs(AllTypesFixture.load()).stream()
            .collect(Collectors.toMap(GeneratedFile::path, Function.identity()));
    String path = AllTypesFixture.PACKAGE.replace('.', '/') + simpleName + ".java";
    GeneratedFile file = byPath.get(path);
    assertTrue(file != null, "not generated: " + path + " among " + List.copyOf(byPath.keySet()));
    Path golden = GOLDEN_ROOT.resolve(path + ".txt");
    if (UPDATE) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, file.text());
    }
    assertTrue(Files.exists(golden), "no golden file " + golden);
    assertEquals(Files.readString(golden), file.text(), path + " differs from " + golden);
  }
}
