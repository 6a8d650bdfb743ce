package io.simplenet.compiler.internal.gen;

import io.simplenet.compiler.testing.AllTypesFixture;
import io.simplenet.compiler.testing.GoldenFiles;
import java.io.IOException;
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
  private static final GoldenFiles GOLDEN = new GoldenFiles("typed");

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
    GOLDEN.assertGeneratedMatches(
        Generators.codecs(AllTypesFixture.load()),
        AllTypesFixture.PACKAGE.replace('.', '/') + simpleName + ".java");
  }
}
