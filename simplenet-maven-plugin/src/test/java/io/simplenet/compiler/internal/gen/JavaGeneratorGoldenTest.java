package io.simplenet.compiler.internal.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.compiler.GeneratedFile;
import io.simplenet.compiler.testing.AllTypesFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
  /** The golden files, relative to the module directory that Maven runs tests in. */
  private static final Path GOLDEN_ROOT = Path.of("src/test/resources/golden/types");

  private static final boolean UPDATE = Boolean.getBoolean("simplenet.updateGolden");

  @Test
  void generatedTypesMatchGoldenFiles() throws IOException {
    List<GeneratedFile> files = Generators.types(AllTypesFixture.load());
    if (UPDATE) {
      deleteGoldenFiles();
    }
    for (GeneratedFile file : files) {
      Path golden = GOLDEN_ROOT.resolve(file.path() + ".txt");
      if (UPDATE) {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, file.text());
      }
      assertTrue(Files.exists(golden), "no golden file " + golden + " for " + file.path());
      assertEquals(Files.readString(golden), file.text(), file.path() + " differs from " + golden);
    }
    Set<String> generated =
        files.stream().map(f -> f.path() + ".txt").collect(Collectors.toCollection(TreeSet::new));
    assertEquals(goldenPaths(), generated, "golden files without a generated file, or vice versa");
  }

  private static Set<String> goldenPaths() throws IOException {
    try (Stream<Path> paths = Files.walk(GOLDEN_ROOT)) {
      return paths
          .filter(Files::isRegularFile)
          .map(p -> GOLDEN_ROOT.relativize(p).toString().replace('\\', '/'))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static void deleteGoldenFiles() throws IOException {
    if (!Files.exists(GOLDEN_ROOT)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(GOLDEN_ROOT)) {
      for (Path golden : paths.filter(Files::isRegularFile).toList()) {
        Files.delete(golden);
      }
    }
  }
}
