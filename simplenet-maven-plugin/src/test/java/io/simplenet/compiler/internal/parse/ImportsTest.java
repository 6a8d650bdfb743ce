package io.simplenet.compiler.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.simplenet.compiler.Diagnostic;
import io.simplenet.compiler.internal.model.FieldType;
import io.simplenet.compiler.internal.model.Schema;
import io.simplenet.compiler.internal.model.SchemaSet;
import io.simplenet.compiler.testing.SchemaFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading files and their imports, and resolving names across them. */
class ImportsTest {
  @TempDir Path root;

  @Test
  void missingImportSuggestsAnExistingFileAndShowsPathsFromTheDisplayBase() {
    Path sources = root.resolve("src/main/channel");
    SchemaFiles.write(sources, "common.channel", "package c;\nmessage User {}\n");
    SchemaFiles.write(
        sources,
        "chat.channel",
        """
        package chat;
        import "comon.channel";
        import "nothing/like/it.channel";
        message Post { User author = 1; }
        """);
    SchemaLoader.Result result = SchemaLoader.load(sources, root, List.of("chat.channel"));
    assertEquals(
        List.of(
            "src/main/channel/chat.channel:2:8: error: cannot find import 'comon.channel' in"
                + " src/main/channel; did you mean 'common.channel'?",
            "src/main/channel/chat.channel:3:8: error: cannot find import 'nothing/like/it.channel'"
                + " in src/main/channel"),
        TestSchemas.headlines(result));
    assertNull(result.schemas());
  }

  @Test
  void missingImportSuggestsTheSameFileNameInAnotherDirectory() {
    SchemaFiles.write(root, "shared/common.channel", "package c;\n");
    SchemaFiles.write(root, "test.channel", "package p;\nimport \"common.channel\";\n");
    assertEquals(
        List.of(
            "test.channel:2:8: error: cannot find import 'common.channel' in .; did you mean"
                + " 'shared/common.channel'?"),
        TestSchemas.headlines(TestSchemas.load(root, "test.channel")));
  }

  @Test
  void importCycleIsReportedAtTheImportThatClosesIt() {
    SchemaFiles.write(root, "a.channel", "package a;\nimport \"b.channel\";\nmessage A {}\n");
    SchemaFiles.write(root, "b.channel", "package b;\nimport \"c.channel\";\n");
    SchemaFiles.write(root, "c.channel", "package c;\nimport \"a.channel\";\n");
    SchemaFiles.write(root, "self.channel", "package s;\nimport \"self.channel\";\n");
    SchemaLoader.Result result = TestSchemas.load(root, "a.channel", "self.channel");
    assertEquals(
        List.of(
            "c.channel:2:8: error: import cycle: a.channel -> b.channel -> c.channel -> a.channel",
            "self.channel:2:8: error: import cycle: self.channel -> self.channel"),
        TestSchemas.headlines(result));
    assertEquals(4, result.inputs().size(), "each file is read once");
  }

  @Test
  void badImportPaths() {
    SchemaFiles.write(
        root,
        "dir/test.channel",
        """
        package p;
        import "common.proto";
        import "../outside.channel";
        import "/abs.channel";
        import "dir\\\\x.channel";
        import "dir/other.channel";
        import "./dir/other.channel";
        """);
    SchemaFiles.write(root, "dir/other.channel", "package p;\n");
    assertEquals(
        List.of(
            "dir/test.channel:2:8: error: import path must end in '.channel', found 'common.proto'",
            "dir/test.channel:3:8: error: import path '../outside.channel' must be relative to the"
                + " source root .",
            "dir/test.channel:4:8: error: import path '/abs.channel' must be relative to the source"
                + " root .",
            "dir/test.channel:5:8: error: import paths use '/', found 'dir\\x.channel'",
            "dir/test.channel:7:8: error: duplicate import './dir/other.channel'"),
        TestSchemas.headlines(TestSchemas.load(root, "dir/test.channel")));
  }

  @Test
  void missingRequestedSchema() {
    assertEquals(
        List.of("nope.channel:1:1: error: cannot find schema 'nope.channel' in ."),
        TestSchemas.headlines(TestSchemas.load(root, "nope.channel")));
    assertEquals(List.of(), TestSchemas.load(root, "nope.channel").inputs());
  }

  @Test
  void requestedPathsOutsideTheSourceRoot() {
    assertEquals(
        List.of(
            "../x.channel:1:1: error: schema path '../x.channel' is not a path inside the source"
                + " root .",
            "bad\0.channel:1:1: error: schema path 'bad\0.channel' is not a path inside the source"
                + " root ."),
        TestSchemas.headlines(TestSchemas.load(root, "../x.channel", "bad\0.channel")));
  }

  @Test
  void importedTypesResolveBySimpleAndQualifiedName() {
    SchemaFiles.write(
        root,
        "geo/point.channel",
        "package com.example.geo;\nmessage Point {}\nenum Unit { UNIT_M = 0; }\n");
    SchemaFiles.write(
        root,
        "map.channel",
        """
        package com.example.map;
        import "geo/point.channel";
        message Pin { Point at = 1; com.example.geo.Point again = 2; list<Unit> units = 3; }
        """);
    SchemaLoader.Result result = TestSchemas.load(root, "map.channel");
    assertEquals(List.of(), TestSchemas.headlines(result));
    SchemaSet set = result.schemas();
    assertEquals(
        List.of("geo/point.channel", "map.channel"),
        set.schemas().stream().map(Schema::path).toList());
    List<FieldType> types =
        set.schema("map.channel").messages().get(0).fields().stream().map(f -> f.type()).toList();
    assertEquals(types.get(0), types.get(1));
    assertEquals("com.example.geo.Point", ((FieldType.Named) types.get(0)).name().protoFullName());
    assertEquals("geo/point.channel", ((FieldType.Named) types.get(0)).name().schemaPath());
  }

  @Test
  void ownTypesShadowImportedOnes() {
    SchemaFiles.write(root, "a.channel", "package a;\nmessage Point {}\n");
    SchemaFiles.write(
        root,
        "test.channel",
        "package p;\n"
            + "import \"a.channel\";\n"
            + "message Point {}\n"
            + "message M { Point p = 1; a.Point q = 2; }\n");
    SchemaSet set = TestSchemas.load(root, "test.channel").schemas();
    List<FieldType> types =
        set.schema("test.channel").messages().get(1).fields().stream().map(f -> f.type()).toList();
    assertEquals("p.Point", ((FieldType.Named) types.get(0)).name().protoFullName());
    assertEquals("a.Point", ((FieldType.Named) types.get(1)).name().protoFullName());
  }

  @Test
  void aSimpleNameDeclaredByTwoImportsIsAmbiguous() {
    SchemaFiles.write(root, "a.channel", "package pa;\nmessage Point {}\n");
    SchemaFiles.write(root, "b.channel", "package pb;\nmessage Point {}\n");
    SchemaFiles.write(
        root,
        "test.channel",
        """
        package p;
        import "a.channel";
        import "b.channel";
        message M { Point p = 1; pb.Point fine = 2; }
        """);
    assertEquals(
        List.of(
            "test.channel:4:13: error: type 'Point' is declared by both a.channel and b.channel;"
                + " use its qualified name, e.g. 'pa.Point'"),
        TestSchemas.headlines(TestSchemas.load(root, "test.channel")));
  }

  @Test
  void unknownTypesSuggestTheClosestVisibleName() {
    SchemaFiles.write(root, "a.channel", "package a;\nmessage Account {}\n");
    assertEquals(
        List.of(
            "test.channel:3:3: error: unknown type 'Usr'; did you mean 'User'?",
            "test.channel:4:3: error: unknown type 'Acount'; did you mean 'Account'?",
            "test.channel:5:3: error: unknown type 'strng'; did you mean 'string'?",
            "test.channel:6:3: error: unknown type 'a.Acount'; did you mean 'a.Account'?",
            "test.channel:7:3: error: unknown type 'Zebra'"),
        TestSchemas.errors(
            root,
            """
            package p; import "a.channel";
            message User {
              Usr a = 1;
              Acount b = 2;
              strng c = 3;
              a.Acount d = 4;
              Zebra e = 5;
            }
            """));
  }

  @Test
  void importsAreNotTransitive() {
    SchemaFiles.write(root, "c.channel", "package c;\nmessage Deep {}\n");
    SchemaFiles.write(
        root, "b.channel", "package b;\nimport \"c.channel\";\nmessage Mid { Deep d = 1; }\n");
    assertEquals(
        List.of(
            "test.channel:3:13: error: unknown type 'Deep'; it is declared in c.channel, which this"
                + " file does not import: add 'import \"c.channel\";'",
            "test.channel:3:25: error: unknown type 'c.Deep'; it is declared in c.channel, which"
                + " this file does not import: add 'import \"c.channel\";'"),
        TestSchemas.errors(
            root,
            """
            package p; import "b.channel";
            message M { Mid m = 1; }
            message N { Deep d = 1; c.Deep e = 2; }
            """));
  }

  @Test
  void unknownTypesAreNotReportedWhenAnImportIsMissing() {
    assertEquals(
        List.of("test.channel:2:8: error: cannot find import 'gone.channel' in ."),
        TestSchemas.errors(
            root, "package p;\nimport \"gone.channel\";\nmessage M { Gone g = 1; }\n"));
  }

  @Test
  void diagnosticsAreSortedByFileThenPosition() {
    SchemaFiles.write(
        root, "b.channel", "package b;\nmessage B { X x = 1; }\nmessage C { X x = 0; }\n");
    SchemaFiles.write(
        root, "a.channel", "package a;\nimport \"b.channel\";\nmessage A { int32 a = 0; }\n");
    assertEquals(
        List.of(
            "a.channel:3:23: error: field number 0 is out of range; field numbers are 1 to"
                + " 536870911",
            "b.channel:2:13: error: unknown type 'X'",
            "b.channel:3:13: error: unknown type 'X'",
            "b.channel:3:19: error: field number 0 is out of range; field numbers are 1 to"
                + " 536870911"),
        TestSchemas.headlines(TestSchemas.load(root, "a.channel")));
  }

  @Test
  void filesOfSeveralRootsAreOrderedImportsFirstThenByPath() {
    SchemaFiles.write(root, "z.channel", "package z;\n");
    SchemaFiles.write(root, "y.channel", "package y;\nimport \"z.channel\";\n");
    SchemaFiles.write(root, "a.channel", "package a;\nimport \"y.channel\";\n");
    SchemaFiles.write(root, "b.channel", "package b;\n");
    SchemaLoader.Result result = TestSchemas.load(root, "b.channel", "a.channel", "b.channel");
    assertEquals(
        List.of("b.channel", "z.channel", "y.channel", "a.channel"),
        result.schemas().schemas().stream().map(Schema::path).toList());
    Path normalized = root.toAbsolutePath().normalize();
    assertEquals(
        List.of(
            normalized.resolve("b.channel"),
            normalized.resolve("a.channel"),
            normalized.resolve("y.channel"),
            normalized.resolve("z.channel")),
        result.inputs());
  }

  @Test
  void caretFormatPointsAtTheColumn() {
    SchemaFiles.write(
        root,
        "test.channel",
        "package p;\nmessage M {\n\tUsr author = 2;\n  string note = 19500;\n}\nmessage User {}\n");
    List<String> formatted =
        TestSchemas.load(root, "test.channel").diagnostics().stream()
            .map(Diagnostic::format)
            .toList();
    assertEquals(
        List.of(
            "test.channel:3:2: error: unknown type 'Usr'; did you mean 'User'?\n"
                + "  \tUsr author = 2;\n"
                + "  \t^",
            "test.channel:4:17: error: field number 19500 is in protobuf's reserved range 19000 to"
                + " 19999\n"
                + "    string note = 19500;\n"
                + "                  ^"),
        formatted);
  }
}
