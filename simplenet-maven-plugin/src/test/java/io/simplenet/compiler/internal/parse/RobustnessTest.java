package io.simplenet.compiler.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import io.simplenet.compiler.testing.AllTypesFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds the loader thousands of damaged versions of the fixture and random bytes: it must never
 * throw, always terminate, and return diagnostics exactly when it returns no model.
 */
class RobustnessTest {
  private static final long SEED = 0x5EED_C4A77E1L;
  private static final int MUTATED_INPUTS = 2_500;
  private static final int RANDOM_INPUTS = 500;
  private static final Duration TIME_LIMIT = Duration.ofMinutes(2);

  /** Fragments that are likely to confuse a parser when inserted anywhere. */
  private static final List<String> FRAGMENTS =
      List.of(
          "{",
          "}",
          ";",
          "=",
          "<",
          ">",
          ",",
          ".",
          "(",
          ")",
          "\"",
          "/*",
          "*/",
          "//",
          "///",
          "@deprecated(",
          "@",
          "message ",
          "enum ",
          "union ",
          "channel ",
          "import \"shared/common.channel\";",
          "package ",
          "list<",
          "map<",
          "optional ",
          "reserved ",
          " to max",
          "returns ",
          "requests { ",
          "client {",
          "99999999999999999999",
          "-1",
          "0x",
          "19500",
          "9lives",
          "\\u12",
          "\u00e9",
          "\n",
          "\t",
          "\r",
          "Shape = 1;",
          "Shape",
          "Tree",
          "io.simplenet.fixture.common.Point",
          "int32 x = 1;");

  @TempDir Path root;

  @Test
  void damagedSchemasNeverBreakTheLoader() throws IOException {
    System.out.println("RobustnessTest seed: " + SEED);
    Path fixtures = AllTypesFixture.sourceRoot();
    byte[] original = Files.readAllBytes(fixtures.resolve("alltypes.channel"));
    Files.createDirectories(root.resolve("shared"));
    Files.copy(fixtures.resolve("shared/common.channel"), root.resolve("shared/common.channel"));
    Random random = new Random(SEED);
    assertTimeoutPreemptively(
        TIME_LIMIT,
        () -> {
          for (int i = 0; i < MUTATED_INPUTS; i++) {
            check(i, mutate(original, random));
          }
          for (int i = 0; i < RANDOM_INPUTS; i++) {
            byte[] bytes = new byte[random.nextInt(400)];
            random.nextBytes(bytes);
            check(MUTATED_INPUTS + i, bytes);
          }
        });
  }

  @Test
  void theUndamagedFixtureStillLoads() throws IOException {
    Path fixtures = AllTypesFixture.sourceRoot();
    Files.createDirectories(root.resolve("shared"));
    Files.copy(fixtures.resolve("shared/common.channel"), root.resolve("shared/common.channel"));
    Files.copy(fixtures.resolve("alltypes.channel"), root.resolve("alltypes.channel"));
    assertEquals(List.of(), TestSchemas.headlines(TestSchemas.load(root, "alltypes.channel")));
  }

  private void check(int iteration, byte[] input) throws IOException {
    Files.write(root.resolve("alltypes.channel"), input);
    SchemaLoader.Result result;
    try {
      result = TestSchemas.load(root, "alltypes.channel");
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError(
          "input "
              + iteration
              + " (seed "
              + SEED
              + ") threw:\n"
              + new String(input, StandardCharsets.UTF_8),
          e);
    }
    assertNotNull(result, "input " + iteration);
    if (result.hasErrors() == (result.schemas() != null)) {
      fail(
          "input "
              + iteration
              + " (seed "
              + SEED
              + "): errors "
              + result.diagnostics()
              + " but schemas "
              + result.schemas());
    }
  }

  /** One to four random edits: truncation, deletion, insertion, replacement or duplication. */
  private static byte[] mutate(byte[] original, Random random) {
    String text = new String(original, StandardCharsets.UTF_8);
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits && !text.isEmpty(); e++) {
      int at = random.nextInt(text.length());
      switch (random.nextInt(5)) {
        case 0 -> text = text.substring(0, at);
        case 1 ->
            text =
                text.substring(0, at)
                    + text.substring(Math.min(text.length(), at + 1 + random.nextInt(40)));
        case 2 ->
            text =
                text.substring(0, at)
                    + FRAGMENTS.get(random.nextInt(FRAGMENTS.size()))
                    + text.substring(at);
        case 3 ->
            text =
                text.substring(0, at) + (char) (32 + random.nextInt(95)) + text.substring(at + 1);
        default -> {
          int end = Math.min(text.length(), at + random.nextInt(200));
          text = text.substring(0, end) + text.substring(at, end) + text.substring(end);
        }
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    if (random.nextInt(20) == 0) {
      bytes.write(0xC0 + random.nextInt(64)); // a lead byte with no continuation
    }
    return bytes.toByteArray();
  }
}
