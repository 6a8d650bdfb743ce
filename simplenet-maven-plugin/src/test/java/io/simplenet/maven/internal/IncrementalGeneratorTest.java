package io.simplenet.maven.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.compiler.CompileResult;
import io.simplenet.compiler.Diagnostic;
import io.simplenet.compiler.GeneratedFile;
import io.simplenet.compiler.SchemaCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalGeneratorTest {
  /** Outputs are set to this time after a build, so any later write shows as a newer timestamp. */
  private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));

  @TempDir Path dir;
  private Path src;
  private Path out;
  private Path res;
  private Path stateFile;
  private int compilations;

  @BeforeEach
  void writeSchemas() throws IOException {
    src = dir.resolve("src/main/channel");
    out = dir.resolve("target/generated-sources/simplenet");
    res = dir.resolve("target/generated-resources/simplenet");
    stateFile = dir.resolve("target/simplenet/default-generate.state");
    write(
        "a.channel",
        "package test.a;\nimport \"shared/b.channel\";\nmessage Alpha { Beta beta = 1; }\n");
    write("shared/b.channel", "package test.b;\nmessage Beta { int32 x = 1; }\n");
    write("c.channel", "package test.c;\nmessage Gamma { string s = 1; }\n");
  }

  @Test
  void firstBuildWritesEveryOutputAndRecordsEveryInput() throws IOException {
    Outcome outcome = run(builder());

    assertEquals(Outcome.Status.GENERATED, outcome.status());
    assertEquals(3, outcome.schemaCount());
    assertEquals(outputs().size(), outcome.written());
    assertEquals(0, outcome.removed());
    assertTrue(Files.isRegularFile(out.resolve("test/c/Gamma.java")));
    assertTrue(Files.isRegularFile(res.resolve("META-INF/simplenet/shared/b.proto")));
    BuildState state = BuildState.read(stateFile);
    assertEquals(
        List.of("a.channel", "c.channel", "shared/b.channel"),
        List.copyOf(state.inputs().keySet()));
    assertEquals(
        Sha256.ofFile(src.resolve("shared/b.channel")), state.inputs().get("shared/b.channel"));
    assertEquals(outputs().size(), state.outputs().size());
  }

  @Test
  void unchangedBuildIsUpToDateAndTouchesNothing() throws IOException {
    run(builder());
    age();
    Files.setLastModifiedTime(stateFile, LONG_AGO);
    Map<Path, FileTime> before = outputs();

    Outcome outcome = run(builder());

    assertEquals(Outcome.Status.UP_TO_DATE, outcome.status());
    assertEquals(3, outcome.schemaCount());
    assertEquals(1, compilations);
    assertEquals(before, outputs());
    assertEquals(LONG_AGO, Files.getLastModifiedTime(stateFile));
  }

  @Test
  void changedImportRegeneratesAndRewritesOnlyChangedFiles() throws IOException {
    run(builder());
    age();
    write("shared/b.channel", "package test.b;\nmessage Beta { int32 x = 1; int32 y = 2; }\n");

    Outcome outcome = run(builder());

    assertEquals(Outcome.Status.GENERATED, outcome.status());
    assertEquals(2, compilations);
    Map<Path, FileTime> after = outputs();
    assertNotEquals(LONG_AGO, after.get(res.resolve("META-INF/simplenet/shared/b.proto")));
    assertEquals(LONG_AGO, after.get(out.resolve("test/c/Gamma.java")));
    assertEquals(LONG_AGO, after.get(res.resolve("META-INF/simplenet/c.proto")));
    long rewritten = after.values().stream().filter(t -> !t.equals(LONG_AGO)).count();
    assertEquals(rewritten, outcome.written());
    assertTrue(
        outcome.written() < after.size(), "wrote " + outcome.written() + " of " + after.size());
  }

  @Test
  void newGeneratorVersionRecompilesButKeepsIdenticalFiles() throws IOException {
    run(builder());
    age();

    Outcome outcome = run(builder().generatorVersion("2.0.0"));

    assertEquals(Outcome.Status.GENERATED, outcome.status());
    assertEquals(2, compilations);
    assertEquals(0, outcome.written());
    assertTrue(outputs().values().stream().allMatch(LONG_AGO::equals));
    assertEquals(Outcome.Status.UP_TO_DATE, run(builder().generatorVersion("2.0.0")).status());
  }

  @Test
  void excludedSchemaLosesItsOutputsAndTheirDirectories() throws IOException {
    run(builder());
    int before = outputs().size();

    Outcome outcome =
        run(builder().selector(new SchemaSelector(List.of("**/*.channel"), List.of("c.channel"))));

    assertEquals(Outcome.Status.GENERATED, outcome.status());
    assertEquals(2, outcome.schemaCount());
    assertEquals(before - outputs().size(), outcome.removed());
    assertTrue(outcome.removed() > 0);
    assertFalse(Files.exists(out.resolve("test/c")), "empty package directory left behind");
    assertFalse(Files.exists(res.resolve("META-INF/simplenet/c.proto")));
    assertTrue(Files.isRegularFile(res.resolve("META-INF/simplenet/a.proto")));
    assertTrue(Files.isDirectory(out.resolve("test/a")));
  }

  @Test
  void deletedSchemaLosesItsOutputs() throws IOException {
    run(builder());
    Files.delete(src.resolve("c.channel"));

    Outcome outcome = run(builder());

    assertEquals(Outcome.Status.GENERATED, outcome.status());
    assertFalse(Files.exists(out.resolve("test/c")));
    assertFalse(Files.exists(res.resolve("META-INF/simplenet/c.desc")));
    assertTrue(Files.isRegularFile(res.resolve("META-INF/simplenet/shared/b.desc")));
  }

  @Test
  void missingOrEditedOutputIsRestoredAlone() throws IOException {
    run(builder());
    age();
    Path gamma = out.resolve("test/c/Gamma.java");
    Path alphaProto = res.resolve("META-INF/simplenet/a.proto");
    byte[] alphaProtoContent = Files.readAllBytes(alphaProto);
    byte[] gammaContent = Files.readAllBytes(gamma);
    Files.delete(gamma);
    Files.writeString(alphaProto, "edited by hand");
    Files.setLastModifiedTime(alphaProto, LONG_AGO);

    Outcome outcome = run(builder());

    assertEquals(Outcome.Status.GENERATED, outcome.status());
    assertEquals(2, outcome.written());
    assertEquals(0, outcome.removed());
    assertArrayEquals(gammaContent, Files.readAllBytes(gamma));
    assertArrayEquals(alphaProtoContent, Files.readAllBytes(alphaProto));
    assertEquals(2, outputs().values().stream().filter(t -> !t.equals(LONG_AGO)).count());
  }

  @Test
  void compileErrorsLeaveOutputsAndStateAsTheyWere() throws IOException {
    run(builder());
    age();
    Map<Path, FileTime> before = outputs();
    byte[] state = Files.readAllBytes(stateFile);
    write("c.channel", "package test.c;\nmessage Gamma { string s = 1; }\nmessage ! {}\n");

    Outcome outcome = run(builder());

    assertEquals(Outcome.Status.FAILED, outcome.status());
    assertTrue(outcome.count(Diagnostic.Severity.ERROR) > 0);
    assertEquals("c.channel", outcome.diagnostics().get(0).file());
    assertEquals(3, outcome.diagnostics().get(0).line());
    assertEquals(before, outputs());
    assertArrayEquals(state, Files.readAllBytes(stateFile));

    write("c.channel", "package test.c;\nmessage Gamma { string s = 1; }\n");
    assertEquals(Outcome.Status.UP_TO_DATE, run(builder()).status());
  }

  @Test
  void noSchemasRemovesEarlierOutputsAndTheState() throws IOException {
    run(builder());
    int before = outputs().size();

    Outcome outcome = run(builder().selector(new SchemaSelector(List.of("none/**"), List.of())));

    assertEquals(Outcome.Status.NO_SCHEMAS, outcome.status());
    assertEquals(before, outcome.removed());
    assertEquals(Map.of(), outputs());
    assertFalse(Files.exists(stateFile));
    assertEquals(1, compilations);
  }

  @Test
  void missingSourceDirectoryHasNothingToCompile() throws IOException {
    Outcome outcome = run(builder().sourceDirectory(dir.resolve("src/test/channel")));

    assertEquals(Outcome.Status.NO_SCHEMAS, outcome.status());
    assertEquals(0, outcome.removed());
    assertEquals(0, compilations);
    assertFalse(Files.exists(stateFile));
  }

  @Test
  void movedOutputDirectoryRemovesTheOldOutputs() throws IOException {
    run(builder());
    Path moved = dir.resolve("target/elsewhere");

    Outcome outcome = run(builder().outputDirectory(moved));

    assertEquals(Outcome.Status.GENERATED, outcome.status());
    assertTrue(Files.isRegularFile(moved.resolve("test/c/Gamma.java")));
    assertFalse(Files.exists(out.resolve("test")));
    assertTrue(outcome.removed() > 0);
  }

  @Test
  void unreadableStateForcesAFullBuild() throws IOException {
    run(builder());
    age();
    Files.writeString(stateFile, "simplenet-build-state 1\ndigest\n");

    Outcome outcome = run(builder());

    assertEquals(Outcome.Status.GENERATED, outcome.status());
    assertEquals(0, outcome.written());
    assertEquals(Outcome.Status.UP_TO_DATE, run(builder()).status());
  }

  @Test
  void outputEscapingItsDirectoryIsRefused() {
    Function<List<String>, CompileResult> escaping =
        paths ->
            new CompileResult(
                List.of(),
                List.of(
                    GeneratedFile.text(
                        GeneratedFile.Kind.JAVA_SOURCE, "../../evil.java", "", "a.channel")),
                List.of());

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> builder().compiler(escaping).build().run());

    assertTrue(e.getMessage().endsWith(": ../../evil.java"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("target/evil.java")));
  }

  private IncrementalGenerator.Builder builder() {
    return IncrementalGenerator.builder()
        .sourceDirectory(src)
        .outputDirectory(out)
        .resourceOutputDirectory(res)
        .stateFile(stateFile)
        .selector(new SchemaSelector(List.of("**/*.channel"), List.of()))
        .generatorVersion("1.0.0")
        .compiler(
            paths -> {
              compilations++;
              return SchemaCompiler.builder().sourceRoot(src).build().compile(paths);
            });
  }

  private static Outcome run(IncrementalGenerator.Builder builder) throws IOException {
    return builder.build().run();
  }

  private void write(String path, String text) throws IOException {
    Path file = src.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  /** Every file under both output directories (including stale ones), with its timestamp. */
  private Map<Path, FileTime> outputs() throws IOException {
    Map<Path, FileTime> files = new TreeMap<>();
    for (Path root : List.of(out, res)) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path file : walk.filter(Files::isRegularFile).collect(Collectors.toList())) {
          files.put(file, Files.getLastModifiedTime(file));
        }
      }
    }
    return files;
  }

  private void age() throws IOException {
    for (Path file : outputs().keySet()) {
      Files.setLastModifiedTime(file, LONG_AGO);
    }
  }
}
