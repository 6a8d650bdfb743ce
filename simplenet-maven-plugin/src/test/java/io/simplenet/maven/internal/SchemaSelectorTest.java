package io.simplenet.maven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaSelectorTest {

  @Test
  void doubleStarMatchesZeroOrMoreDirectories() {
    SchemaSelector selector = new SchemaSelector(List.of("**/*.channel"), List.of());

    assertTrue(selector.matches("a.channel"));
    assertTrue(selector.matches("x/y/a.channel"));
    assertFalse(selector.matches("a.channel.bak"));
    assertFalse(selector.matches("a.proto"));
  }

  @Test
  void singleStarAndQuestionMarkStayWithinOneSegment() {
    SchemaSelector selector =
        new SchemaSelector(List.of("games/*.channel", "v?.channel"), List.of());

    assertTrue(selector.matches("games/lobby.channel"));
    assertFalse(selector.matches("games/old/lobby.channel"));
    assertTrue(selector.matches("v1.channel"));
    assertFalse(selector.matches("v10.channel"));
    assertFalse(selector.matches("x/v1.channel"));
  }

  @Test
  void excludesWinAndTrailingSlashMeansEverythingBelow() {
    SchemaSelector selector =
        new SchemaSelector(List.of("**/*.channel"), List.of("internal/", "*.draft.channel"));

    assertTrue(selector.matches("public/api.channel"));
    assertFalse(selector.matches("internal/deep/secret.channel"));
    assertFalse(selector.matches("wip.draft.channel"));
  }

  @Test
  void regexCharactersInPatternsAreLiteral() {
    SchemaSelector selector = new SchemaSelector(List.of("a+b.channel", "(x).channel"), List.of());

    assertTrue(selector.matches("a+b.channel"));
    assertFalse(selector.matches("aab.channel"));
    assertTrue(selector.matches("(x).channel"));
    assertFalse(selector.matches("x.channel"));
  }

  @Test
  void selectListsMatchingFilesSortedAndSlashSeparated(@TempDir Path dir) throws IOException {
    for (String path : List.of("z.channel", "b/y.channel", "b/notes.txt", "a.channel")) {
      Files.createDirectories(dir.resolve(path).getParent());
      Files.writeString(dir.resolve(path), "");
    }
    Files.createDirectories(dir.resolve("dir.channel"));

    SchemaSelector selector = new SchemaSelector(List.of("**/*.channel"), List.of());

    assertEquals(List.of("a.channel", "b/y.channel", "z.channel"), selector.select(dir));
    assertEquals(List.of(), selector.select(dir.resolve("missing")));
  }
}
