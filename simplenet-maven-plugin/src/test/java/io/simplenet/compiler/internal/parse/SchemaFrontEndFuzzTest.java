package io.simplenet.compiler.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.simplenet.compiler.Diagnostic;
import io.simplenet.compiler.internal.model.SchemaSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Coverage-guided fuzzing of the schema front-end (docs/testing.md): on any text the parser and
 * analyzer return a model or diagnostics, never throw, and every diagnostic points at a line and
 * column inside the text. Plain test runs replay the corpus in {@code
 * SchemaFrontEndFuzzTestInputs}.
 */
class SchemaFrontEndFuzzTest {
  private static final String PATH = "fuzz.channel";

  /** Never read: text is parsed in memory, so fuzzing does no file I/O per input. */
  private static final Path SOURCE_ROOT = Path.of("fuzz-source-root").toAbsolutePath();

  /**
   * Parses and validates one file, as {@link SchemaLoader} does after reading it. Its imports act
   * as if they named empty files, so every type the file uses must be declared in it.
   */
  @FuzzTest
  void parseAndValidate(byte[] utf8) {
    SourceText source = SourceText.of(PATH, new String(utf8, StandardCharsets.UTF_8), false);
    Reporter reporter = new Reporter(SOURCE_ROOT, SOURCE_ROOT);
    reporter.register(source);
    Ast.File ast = Parser.parse(source, reporter);
    ParsedFile file = new ParsedFile(PATH, ast, List.of(), false);
    SchemaSet schemas = new Analyzer(reporter, List.of(file)).analyze();

    List<Diagnostic> diagnostics = reporter.sorted();
    assertEquals(schemas == null, !diagnostics.isEmpty(), () -> "model xor diagnostics: " + diagnostics);
    for (Diagnostic diagnostic : diagnostics) {
      assertInside(source, diagnostic);
    }
  }

  /** Line within the text; column at most one past the end of its line (code points). */
  private static void assertInside(SourceText source, Diagnostic diagnostic) {
    assertEquals(PATH, diagnostic.file(), diagnostic::headline);
    int lines = source.lineStarts().size();
    assertTrue(diagnostic.line() <= lines, () -> "line > " + lines + ": " + diagnostic.headline());
    String line = source.lineText(diagnostic.line());
    int lastColumn = line.codePointCount(0, line.length()) + 1;
    assertTrue(
        diagnostic.column() <= lastColumn,
        () -> "column > " + lastColumn + ": " + diagnostic.headline());
    assertEquals(line, diagnostic.sourceLine(), diagnostic::headline);
  }
}
