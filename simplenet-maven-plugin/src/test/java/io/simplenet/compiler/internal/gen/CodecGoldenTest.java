package io.simplenet.compiler.internal.gen;

import io.simplenet.compiler.testing.AllTypesFixture;
import io.simplenet.compiler.testing.GoldenFiles;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares representative generated codecs and a channel class with the golden files under {@code
 * src/test/resources/golden/codecs}, one {@code <path>.java.txt} per generated {@code <path>.java}.
 *
 * <p>After an intended change to the generated code, regenerate them and review the diff: {@code
 * mvn -pl simplenet-maven-plugin -am test -Dtest=CodecGoldenTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dsimplenet.updateGolden=true}.
 */
class CodecGoldenTest {
  private static final GoldenFiles GOLDEN = new GoldenFiles("codecs");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ScalarsCodec",
        "CollectionsCodec",
        "DrawingCodec",
        "ShapeCodec",
        "StudioResponseCodec",
        "QuietRequestCodec",
        "StudioChannel"
      })
  void matchesGoldenFile(String simpleName) throws IOException {
    GOLDEN.assertGeneratedMatches(
        Generators.codecs(AllTypesFixture.load()),
        AllTypesFixture.PACKAGE.replace('.', '/') + simpleName + ".java");
  }
}
