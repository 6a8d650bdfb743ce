package io.simplenet.compiler.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.simplenet.compiler.internal.model.Schema;
import io.simplenet.compiler.testing.SchemaFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Syntax errors, and recovery so that every error of a file is reported in one run. */
class SyntaxErrorsTest {
  @TempDir Path root;

  private List<String> errors(String text) {
    return TestSchemas.errors(root, text);
  }

  @Test
  void missingSemicolonBeforeATokenOnTheSameLine() {
    assertEquals(
        List.of("test.channel:3:15: error: expected ';' after field number, found 'string'"),
        errors(
            """
            package p;
            message M {
              int32 a = 1 string b = 2;
            }
            """));
  }

  @Test
  void missingSemicolonAtTheEndOfALineIsTakenAsPresent() {
    SchemaFiles.write(
        root,
        "test.channel",
        """
        package p;
        message M {
          int32 a = 1
          string b = 2;
          bool c = 3
        }
        """);
    SchemaLoader.Result result = TestSchemas.load(root, "test.channel");
    assertEquals(
        List.of(
            "test.channel:3:14: error: expected ';' after field number at the end of the line",
            "test.channel:5:13: error: expected ';' after field number at the end of the line"),
        TestSchemas.headlines(result));
    assertNull(result.schemas());
  }

  @Test
  void packageMustComeFirst() {
    assertEquals(
        List.of(
            "test.channel:1:1: error: expected 'package' first, e.g. 'package com.example.chat;',"
                + " found 'message'"),
        errors("message M {}\n"));
    assertEquals(
        List.of(
            "test.channel:2:1: error: expected 'package' first, e.g. 'package com.example.chat;',"
                + " found end of file"),
        errors("// nothing here\n"));
  }

  @Test
  void secondPackageAndLateImportsAreReported() {
    SchemaFiles.write(root, "other.channel", "package q;\n");
    assertEquals(
        List.of(
            "test.channel:3:1: error: imports must come before declarations; move this import up",
            "test.channel:4:1: error: duplicate 'package'; a file has one package"),
        errors(
            """
            package p;
            message M {}
            import "other.channel";
            package q;
            """));
  }

  @Test
  void unknownTopLevelWordIsReported() {
    assertEquals(
        List.of(
            "test.channel:2:1: error: expected 'message', 'enum', 'union' or 'channel', found"
                + " 'mesage'",
            "test.channel:3:13: error: unknown type 'Nope'"),
        errors(
            """
            package p;
            mesage A { int32 a = 1; }
            message B { Nope n = 1; }
            """));
  }

  @Test
  void missingClosingBraceEndsTheBlockAtTheNextDeclaration() {
    SchemaFiles.write(
        root,
        "test.channel",
        """
        package p;
        message A {
          int32 a = 1;

        message B { A a = 1; }
        """);
    SchemaLoader.Result result = TestSchemas.load(root, "test.channel");
    assertEquals(
        List.of(
            "test.channel:5:1: error: expected '}' to close message 'A' (opened at line 2), found"
                + " 'message'"),
        TestSchemas.headlines(result));
  }

  @Test
  void missingClosingBraceAtEndOfFile() {
    assertEquals(
        List.of(
            "test.channel:3:1: error: expected '}' to close enum 'E' (opened at line 2), found end"
                + " of file"),
        errors("package p;\nenum E { ZERO = 0;\n"));
  }

  @Test
  void strayClosingBraceIsReported() {
    assertEquals(
        List.of(
            "test.channel:2:14: error: expected 'message', 'enum', 'union' or 'channel', found"
                + " '}'"),
        errors("package p;\nmessage M {} }\n"));
  }

  @Test
  void syntaxErrorsInsideElements() {
    assertEquals(
        List.of(
            "test.channel:3:9: error: expected a field name after the type, found '='",
            "test.channel:4:11: error: expected '=' after the field name, found '2'",
            "test.channel:5:13: error: expected a field number after '=', found ';'",
            "test.channel:6:8: error: expected '<' after 'list', found 'int32'",
            "test.channel:7:13: error: expected ',' after the map key type, found '>'",
            "test.channel:8:12: error: expected a type, found keyword 'optional'",
            "test.channel:9:3: error: expected a type, found '='",
            "test.channel:10:14: error: expected '>' to close 'list<', found 'x'"),
        errors(
            """
            package p;
            message M {
              int32 = 1;
              int32 b 2;
              int32 c = ;
              list int32 d = 4;
              map<string> e = 5;
              optional optional int32 f = 6;
              = 7;
              list<int32 x = 8;
              int32 ok = 9;
            }
            """));
  }

  @Test
  void syntaxErrorsInEnumsUnionsAndChannels() {
    assertEquals(
        List.of(
            "test.channel:2:15: error: expected '=' after the enum value name, found '1'",
            "test.channel:3:11: error: expected a message or union name, found keyword 'int32'",
            "test.channel:5:11: error: expected a quoted version after 'version', e.g. version"
                + " \"1.0.0\";, found '1'",
            "test.channel:6:3: error: expected 'version', 'connect', 'client', 'server' or"
                + " 'requests' in channel 'C', found 'clients'",
            "test.channel:7:16: error: expected 'returns' after the request type, e.g. 'Find"
                + " returns Found = 1;', found 'M'",
            "test.channel:8:14: error: expected a number or a quoted name after 'reserved', found"
                + " 'max'",
            "test.channel:9:17: error: cannot mix numbers and names in one 'reserved'; use two"
                + " lines"),
        errors(
            """
            package p;
            enum E { ZERO 1; }
            union U { int32 = 1; }
            channel C {
              version 1;
              clients { }
              requests { M M = 1;
                reserved max;
                reserved 1, "a"; }
            }
            message M {}
            """));
  }

  @Test
  void deprecationNeedsAQuotedReason() {
    assertEquals(
        List.of(
            "test.channel:2:13: error: expected a quoted reason after '@deprecated(', e.g."
                + " @deprecated(\"use Other\"), found 'soon'"),
        errors("package p;\n@deprecated(soon)\nmessage M {}\n"));
  }

  @Test
  void importNeedsAQuotedPath() {
    assertEquals(
        List.of(
            "test.channel:2:8: error: expected a quoted path after 'import', e.g. import"
                + " \"common.channel\";, found 'common'"),
        errors("package p;\nimport common.channel;\n"));
  }

  @Test
  void everyErrorOfAFileIsReportedInOneRun() {
    List<String> errors =
        errors(
            """
            package p;
            message User {
              uint64 id = 0;
              Usr friend = 2;
              string name = 3
              string name = 4;
              map<double, string> tags = 5;
            }
            enum Mood { HAPPY = 1; }
            channel Chat {
              connect User;
              client { }
              server { }
              requests { }
            }
            """);
    assertEquals(
        List.of(
            "test.channel:3:15: error: field number 0 is out of range; field numbers are 1 to"
                + " 536870911",
            "test.channel:4:3: error: unknown type 'Usr'; did you mean 'User'?",
            "test.channel:5:18: error: expected ';' after field number at the end of the line",
            "test.channel:6:10: error: field name 'name' is already used (line 5)",
            "test.channel:7:7: error: map keys must be string or an integer type, found 'double'",
            "test.channel:9:21: error: the first value of enum 'Mood' must be 0 (it is the"
                + " default), found 1",
            "test.channel:10:9: error: channel 'Chat' has no 'version'; add e.g. 'version"
                + " \"1.0.0\";'"),
        errors);
  }

  @Test
  void validFileAfterRecoveryStillHasNoModel() {
    SchemaFiles.write(root, "test.channel", "package p;\nmessage M { int32 a = 1 }\n");
    SchemaLoader.Result result = TestSchemas.load(root, "test.channel");
    assertEquals(1, result.diagnostics().size());
    assertNull(result.schemas());
  }

  @Test
  void emptyBlocksAndCommentsOnlyParse() {
    SchemaFiles.write(
        root,
        "test.channel",
        """
        package a.b.c; /* block */ // line
        message M {}
        """);
    Schema schema = TestSchemas.load(root, "test.channel").schemas().schema("test.channel");
    assertEquals("a.b.c", schema.javaPackage());
  }
}
