package io.simplenet.maven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {
  @TempDir Path dir;

  @Test
  void knownDigest() {
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        Sha256.of("abc".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void directoryDigestFollowsPathsAndContentsButNotTimestamps() throws IOException {
    Path classes = dir.resolve("classes");
    write(classes.resolve("a/A.class"), "A");
    write(classes.resolve("B.class"), "B");
    String original = Sha256.ofArchive(classes);

    Files.setLastModifiedTime(classes.resolve("B.class"), FileTime.fromMillis(0));
    assertEquals(original, Sha256.ofArchive(classes));

    write(classes.resolve("B.class"), "B2");
    String changedContent = Sha256.ofArchive(classes);
    assertNotEquals(original, changedContent);

    Files.move(classes.resolve("B.class"), classes.resolve("a/B.class"));
    assertNotEquals(changedContent, Sha256.ofArchive(classes));
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
