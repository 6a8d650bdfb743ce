package io.simplenet.compiler.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.simplenet.compiler.testing.SchemaFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules on declared names: keywords, duplicates, enum value scope and generated class names. */
class NameRulesTest {
  @TempDir Path root;

  private List<String> errors(String text) {
    return TestSchemas.errors(root, text);
  }

  @Test
  void javaKeywordsRestrictedIdentifiersAndLiteralsCannotNameTypes() {
    assertEquals(
        List.of(
            "test.channel:2:9: error: 'class' is a Java keyword and cannot name a message",
            "test.channel:3:7: error: 'record' is a restricted identifier in Java and cannot name a"
                + " union",
            "test.channel:4:6: error: 'null' is a Java literal and cannot name an enum",
            "test.channel:5:9: error: 'var' is a restricted identifier in Java and cannot name a"
                + " channel"),
        errors(
            """
            package p;
            message class {}
            union record { M = 1; }
            enum null { Z = 0; }
            channel var { version "1"; connect M; client { } server { } requests { } }
            message M {}
            """));
  }

  @Test
  void schemaKeywordsCannotNameTypes() {
    assertEquals(
        List.of(
            "test.channel:2:9: error: 'list' is a keyword and cannot name a message",
            "test.channel:3:6: error: 'version' is a keyword and cannot name an enum"),
        errors(
            """
            package p;
            message list {}
            enum version { Z = 0; }
            """));
  }

  @Test
  void javaReservedWordsCannotNameEnumValues() {
    assertEquals(
        List.of(
            "test.channel:2:20: error: 'true' is a Java literal and cannot name an enum value",
            "test.channel:2:30: error: 'yield' is a restricted identifier in Java and cannot name"
                + " an enum value",
            "test.channel:2:41: error: 'UNRECOGNIZED' cannot name an enum value: every generated"
                + " enum adds it for numbers it does not know",
            "test.channel:2:59: error: 'optional' is a keyword and cannot name an enum value"),
        errors(
            """
            package p;
            enum E { ZERO = 0; true = 1; yield = 2; UNRECOGNIZED = 3; optional = 4; }
            """));
  }

  @Test
  void namesOfGeneratedMembersCannotNameTypesOrEnumValues() {
    assertEquals(
        List.of(
            "test.channel:2:9: error: 'Builder' cannot name a message: every generated record has"
                + " a nested Builder class",
            "test.channel:3:20: error: 'number' cannot name an enum value: every generated enum"
                + " has a field of that name"),
        errors(
            """
            package p;
            message Builder {}
            enum E { ZERO = 0; number = 1; }
            """));
  }

  @Test
  void packageSegmentsCannotBeJavaKeywords() {
    assertEquals(
        List.of(
            "test.channel:1:9: error: 'new' is a Java keyword and cannot be a segment of package"
                + " 'com.new.stuff'"),
        errors("package com.new.stuff;\n"));
  }

  @Test
  void duplicateTypesWithinAFile() {
    assertEquals(
        List.of(
            "test.channel:3:6: error: duplicate type 'User'; first declared at test.channel:2:9",
            "test.channel:5:9: error: duplicate channel 'C'; first declared at test.channel:4:9"),
        errors(
            """
            package p;
            message User {}
            enum User { Z = 0; }
            channel C { version "1"; connect User; client { } server { } requests { } }
            channel C { version "1"; connect User; client { } server { } requests { } }
            """));
  }

  @Test
  void duplicateTypesAcrossFilesOfOnePackage() {
    SchemaFiles.write(root, "a.channel", "package p;\nmessage User {}\n");
    SchemaFiles.write(root, "b.channel", "package p;\n\nmessage User {}\n");
    SchemaFiles.write(root, "c.channel", "package other;\nmessage User {}\n");
    assertEquals(
        List.of("b.channel:3:9: error: duplicate type 'User'; first declared at a.channel:2:9"),
        TestSchemas.headlines(TestSchemas.load(root, "b.channel", "a.channel", "c.channel")));
  }

  @Test
  void enumValueNamesShareThePackageScope() {
    assertEquals(
        List.of(
            "test.channel:3:24: error: enum value name 'HAPPY' is already used (line 3)",
            "test.channel:4:27: error: enum value 'UNKNOWN' is already declared in enum 'Presence'"
                + " at test.channel:2:17; enum values share their package's scope, so prefix them,"
                + " e.g. 'MOOD_STATE_UNKNOWN'"),
        errors(
            """
            package p;
            enum Presence { UNKNOWN = 0; }
            enum Mood { HAPPY = 0; HAPPY = 1; }
            enum MoodState { SAD = 0; UNKNOWN = 1; }
            """));
  }

  @Test
  void enumValueNamesShareThePackageScopeAcrossFiles() {
    SchemaFiles.write(root, "a.channel", "package p;\nenum A { UNKNOWN = 0; }\n");
    SchemaFiles.write(root, "b.channel", "package p;\nenum B { UNKNOWN = 0; }\n");
    SchemaFiles.write(root, "c.channel", "package q;\nenum C { UNKNOWN = 0; }\n");
    assertEquals(
        List.of(
            "b.channel:2:10: error: enum value 'UNKNOWN' is already declared in enum 'A' at"
                + " a.channel:2:10; enum values share their package's scope, so prefix them, e.g."
                + " 'B_UNKNOWN'"),
        TestSchemas.headlines(TestSchemas.load(root, "a.channel", "b.channel", "c.channel")));
  }

  @Test
  void enumValueNumbersAreUniqueInt32sStartingAtZero() {
    assertEquals(
        List.of(
            "test.channel:2:14: error: the first value of enum 'E' must be 0 (it is the default),"
                + " found 1",
            "test.channel:2:21: error: enum value number 1 is already used by 'A' (line 2)",
            "test.channel:2:28: error: enum value number 3000000000 is out of range; enum value"
                + " numbers are -2147483648 to 2147483647",
            "test.channel:2:52: error: enum value number 5 is reserved (line 2)",
            "test.channel:3:6: error: enum 'Empty' has no values; add one numbered 0, e.g."
                + " 'EMPTY_UNSPECIFIED = 0;'"),
        errors(
            """
            package p;
            enum E { A = 1; B = 1; C = 3000000000; D = -7; F = 5; reserved 5; }
            enum Empty { }
            """));
  }

  @Test
  void typesCannotTakeTheNamesAChannelGenerates() {
    assertEquals(
        List.of(
            "test.channel:2:9: error: message 'ChatClient' clashes with the class generated for"
                + " channel 'Chat' at test.channel:5:9; rename the message",
            "test.channel:3:7: error: union 'ChatRequest' clashes with the class generated for"
                + " channel 'Chat' at test.channel:5:9; rename the union",
            "test.channel:4:6: error: enum 'ChatRequestToken' clashes with the class generated for"
                + " channel 'Chat' at test.channel:5:9; rename the enum"),
        errors(
            """
            package p;
            message ChatClient {}
            union ChatRequest { ChatClient = 1; }
            enum ChatRequestToken { Z = 0; }
            channel Chat { version "1"; connect ChatClient; client { } server { } requests { } }
            """));
  }

  @Test
  void typesCannotTakeTheNamesOfCodecs() {
    assertEquals(
        List.of(
            "test.channel:3:9: error: message 'FooCodec' clashes with the codec class generated for"
                + " message 'Foo' at test.channel:2:9; rename the message",
            "test.channel:4:9: error: message 'ChatResponseCodec' clashes with the codec class"
                + " generated for role 'ChatResponse' at test.channel:6:9; rename the message"),
        errors(
            """
            package p;
            message Foo {}
            message FooCodec {}
            message ChatResponseCodec {}
            enum E { Z = 0; }
            channel Chat { version "1"; connect Foo; client { } server { } requests { } }
            message ECodec {}
            """));
  }

  @Test
  void generatedNamesClashAcrossFilesOfOnePackage() {
    SchemaFiles.write(
        root,
        "a.channel",
        """
        package p;
        channel Chat { version "1"; connect M; client { } server { } requests { } }
        message M {}
        """);
    SchemaFiles.write(root, "b.channel", "package p;\nmessage ChatServerHandler {}\n");
    assertEquals(
        List.of(
            "b.channel:2:9: error: message 'ChatServerHandler' clashes with the class generated for"
                + " channel 'Chat' at a.channel:2:9; rename the message"),
        TestSchemas.headlines(TestSchemas.load(root, "a.channel", "b.channel")));
  }
}
