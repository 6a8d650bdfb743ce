package io.simplenet.maven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.simplenet.compiler.GeneratedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildStateTest {
  @TempDir Path dir;

  @Test
  void writtenStateReadsBackEqual() throws IOException {
    BuildState state =
        new BuildState(
            "d1",
            Map.of(
                GeneratedFile.Kind.JAVA_SOURCE, dir.resolve("out dir"),
                GeneratedFile.Kind.RESOURCE, dir.resolve("res")),
            new TreeMap<>(Map.of("a b.channel", "h1", "shared/c.channel", "h2")),
            List.of(
                new BuildState.Output(GeneratedFile.Kind.JAVA_SOURCE, "x/My Type.java", "h3"),
                new BuildState.Output(
                    GeneratedFile.Kind.RESOURCE, "META-INF/simplenet/a.proto", "h4")));
    Path file = dir.resolve("target/simplenet/default-generate.state");

    state.write(file);

    assertEquals(state, BuildState.read(file));
    assertEquals(
        dir.resolve("out dir/x/My Type.java"),
        BuildState.read(file).locate(state.outputs().get(0)));
  }

  @Test
  void missingForeignOrTruncatedFilesReadAsNoState() throws IOException {
    Path file = dir.resolve("state");
    assertNull(BuildState.read(file));

    Files.writeString(file, "simplenet-build-state 0\ndigest d\n");
    assertNull(BuildState.read(file));

    Files.writeString(file, BuildState.HEADER + "\ndigest d\noutput JAVA_SOURCE h\n");
    assertNull(BuildState.read(file));

    Files.writeString(file, BuildState.HEADER + "\ndigest d\noutput CLASS h a.class\n");
    assertNull(BuildState.read(file));

    Files.writeString(file, BuildState.HEADER + "\ninput h a.channel\n");
    assertNull(BuildState.read(file));

    Files.writeString(file, BuildState.HEADER + "\ndigest d\noutput RESOURCE h a.proto\n");
    assertNull(BuildState.read(file), "an output without a recorded root");
  }
}
