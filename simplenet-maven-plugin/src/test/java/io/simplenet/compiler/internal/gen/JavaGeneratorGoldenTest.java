package io.simplenet.compiler.internal.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.simplenet.compiler.GeneratedFile;
import io.simplenet.compiler.testing.AllTypesFixture;
import io.simplenet.compiler.testing.GoldenFiles;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Compares the types generated from {@code alltypes.channel} (and the {@code shared/common.channel}
 * it imports) with the golden files under {@code src/test/resources/golden/types}, one {@code
 * <path>.java.txt} per generated {@code <path>.java}, as grpc-java's compiler tests do.
 *
 * <p>After an intended change to the generated code, regenerate the golden files and review their
 * diff: {@code mvn -pl simplenet-maven-plugin -am test -Dtest=JavaGeneratorGoldenTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dsimplenet.updateGolden=true}.
 */
class JavaGeneratorGoldenTest {
  private static final GoldenFiles GOLDEN = new GoldenFiles("types");

  @Test
  void generatedTypesMatchGoldenFiles() throws IOException {
    List<GeneratedFile> files = Generators.types(AllTypesFixture.load());
    GOLDEN.clearWhenUpdating();
    for (GeneratedFile file : files) {
      GOLDEN.assertMatches(file.path() + ".txt", file.text());
    }
    Set<String> generated =
        files.stream().map(f -> f.path() + ".txt").collect(Collectors.toCollection(TreeSet::new));
    assertEquals(GOLDEN.paths(), generated, "golden files without a generated file, or vice versa");
  }
}
