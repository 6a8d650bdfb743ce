package io.simplenet.compiler.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.simplenet.compiler.internal.model.Docs;
import io.simplenet.compiler.internal.model.MessageType;
import io.simplenet.compiler.internal.model.Schema;
import io.simplenet.compiler.testing.SchemaFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed tokens, comments and encodings, and where doc comments attach. */
class LexicalErrorsTest {
  @TempDir Path root;

  private List<String> errors(String text) {
    return TestSchemas.errors(root, text);
  }

  @Test
  void wordStartingWithADigitIsAnInvalidIdentifier() {
    assertEquals(
        List.of(
            "test.channel:2:19: error: invalid identifier '9lives': identifiers start with a letter"
                + " or '_'"),
        errors(
            """
            package p;
            message M { int32 9lives = 1; }
            """));
  }

  @Test
  void nonAsciiOrDollarInAWordIsAnInvalidIdentifier() {
    assertEquals(
        List.of(
            "test.channel:2:9: error: invalid identifier 'Usér': identifiers use only ASCII"
                + " letters, digits and '_'",
            "test.channel:3:9: error: invalid identifier 'Cost$': identifiers use only ASCII"
                + " letters, digits and '_'"),
        errors(
            """
            package p;
            message Usér {}
            message Cost$ {}
            """));
  }

  @Test
  void strayCharactersAreUnexpected() {
    assertEquals(
        List.of(
            "test.channel:2:13: error: unexpected character '$'",
            "test.channel:3:13: error: unexpected character '§' (U+00A7)",
            "test.channel:4:23: error: unexpected character '-'",
            "test.channel:5:13: error: unexpected character U+0007"),
        errors(
            """
            package p;
            message A { $ }
            message B { § }
            message C { int32 a = - 1; }
            message D { \u0007 }
            """));
  }

  @Test
  void integersBeyondALongAreTooLarge() {
    assertEquals(
        List.of("test.channel:2:23: error: integer 99999999999999999999 is too large"),
        errors(
            """
            package p;
            message M { int32 a = 99999999999999999999; }
            """));
  }

  @Test
  void malformedIntegersAreReported() {
    assertEquals(
        List.of(
            "test.channel:2:23: error: invalid integer '0x'; write decimal (42) or hex (0x2A)"
                + " digits",
            "test.channel:3:23: error: invalid integer '0xZ1'; write decimal (42) or hex (0x2A)"
                + " digits",
            "test.channel:4:23: error: invalid integer '007': leading zeros are not allowed"
                + " (protobuf would read it as octal)"),
        errors(
            """
            package p;
            message A { int32 a = 0x; }
            message B { int32 a = 0xZ1; }
            message C { int32 a = 007; }
            """));
  }

  @Test
  void hexAndNegativeIntegersAreRead() {
    SchemaFiles.write(
        root,
        "test.channel",
        """
        package p;
        message M { int32 a = 0x1F; }
        enum E { ZERO = 0; MINUS = -0x2; LOW = -2147483648; }
        """);
    Schema schema = TestSchemas.load(root, "test.channel").schemas().schema("test.channel");
    assertEquals(31, schema.messages().get(0).fields().get(0).number());
    assertEquals(
        List.of(0, -2, Integer.MIN_VALUE),
        schema.enums().get(0).values().stream().map(v -> v.number()).toList());
  }

  @Test
  void badStringsAreReported() {
    assertEquals(
        List.of(
            "test.channel:2:42: error: invalid escape '\\q' in string; use \\\", \\\\, \\n"
                + ", \\t or \\uXXXX",
            "test.channel:3:26: error: unterminated string; close it with '\"' on the same line"),
        errors(
            """
            package p;
            @deprecated("fine \\" \\\\ \\n \\t \\u00e9 bad \\q")
            message A {} @deprecated("no end
            message B {}
            """));
  }

  @Test
  void escapesAreDecoded() {
    SchemaFiles.write(
        root,
        "test.channel",
        """
        package p;
        @deprecated("q\\" b\\\\ n\\n t\\t u\\u00e9")
        message A {}
        """);
    MessageType message =
        TestSchemas.load(root, "test.channel").schemas().schema("test.channel").messages().get(0);
    assertEquals("q\" b\\ n\n t\t u\u00e9", message.deprecation().reason());
  }

  @Test
  void unterminatedBlockCommentIsReported() {
    assertEquals(
        List.of("test.channel:3:1: error: unterminated comment; close it with '*/'"),
        errors(
            """
            package p;
            message A {} /* fine */ message B {}
            /* never closed
            message C {}
            """));
  }

  @Test
  void unknownAnnotationIsReported() {
    assertEquals(
        List.of(
            "test.channel:2:1: error: unknown annotation '@deprecate'; the only annotation is"
                + " '@deprecated'"),
        errors(
            """
            package p;
            @deprecate
            message A {}
            """));
  }

  @Test
  void malformedUtf8IsReportedOnceAtItsPosition() throws IOException {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(
        "package p;\nmessage M { string s = 1; } // caf\u00e9 ".getBytes(StandardCharsets.UTF_8));
    file.write(0x80); // a continuation byte without a lead byte
    file.writeBytes("\nmessage N".getBytes(StandardCharsets.UTF_8));
    file.write(0xFF); // never valid in UTF-8; inside a name, and not reported again by the lexer
    file.writeBytes(" {}\n".getBytes(StandardCharsets.UTF_8));
    Files.write(root.resolve("test.channel"), file.toByteArray());
    assertEquals(
        List.of(
            "test.channel:2:37: error: malformed UTF-8 (byte 0x80); schema files must be UTF-8"),
        TestSchemas.headlines(TestSchemas.load(root, "test.channel")));
  }

  @Test
  void byteOrderMarkIsIgnored() throws IOException {
    byte[] text = "\uFEFFpackage p;\nmessage M {}\n".getBytes(StandardCharsets.UTF_8);
    Files.write(root.resolve("test.channel"), text);
    assertEquals(List.of(), TestSchemas.headlines(TestSchemas.load(root, "test.channel")));
  }

  @Test
  void docCommentsAttachToTheNextElementUnlessSeparated() {
    SchemaFiles.write(
        root,
        "test.channel",
        """
        /// The package.
        package p;

        /// Dropped: a blank line follows.

        /// First line.
        ///   Second line, indented.
        message A {
          /// On the field.
          @deprecated
          int32 a = 1;
          /// Dropped: an ordinary comment separates it.
          // ordinary
          int32 b = 2;
          //// Four slashes are an ordinary comment.
          int32 c = 3;
        }
        enum E {
          /// On the value.
          ZERO = 0;
        }
        /// Dropped: nothing follows.
        """);
    Schema schema = TestSchemas.load(root, "test.channel").schemas().schema("test.channel");
    assertEquals(new Docs(List.of(" The package.")), schema.docs());
    MessageType a = schema.messages().get(0);
    assertEquals("First line.\n  Second line, indented.", a.docs().text());
    assertEquals(
        List.of(" On the field.", "", ""),
        a.fields().stream().map(f -> String.join("|", f.docs().lines())).toList());
    assertEquals("On the value.", schema.enums().get(0).values().get(0).docs().text());
  }

  @Test
  void tabsCountAsOneColumnAndCrLfEndsALine() {
    assertEquals(
        List.of("test.channel:3:3: error: unknown type 'Nope'"),
        errors("package p;\r\nmessage M {\r\n\t\tNope n = 1;\r\n}\r\n"));
  }
}
