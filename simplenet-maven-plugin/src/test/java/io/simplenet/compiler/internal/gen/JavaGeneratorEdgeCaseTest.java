package io.simplenet.compiler.internal.gen;

import static io.simplenet.compiler.testing.Reflect.build;
import static io.simplenet.compiler.testing.Reflect.call;
import static io.simplenet.compiler.testing.Reflect.callStatic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.compiler.GeneratedFile;
import io.simplenet.compiler.testing.InMemoryJavac;
import io.simplenet.compiler.testing.Reflect;
import io.simplenet.compiler.testing.SchemaFiles;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schemas that stress the generated code rather than the language: type names that clash with the
 * classes generated code uses, deprecated elements referenced from other types, and doc comments
 * that are not valid Javadoc. All of it must compile with {@code -Xlint:all -Werror}.
 */
class JavaGeneratorEdgeCaseTest {
  @TempDir Path root;

  @Test
  void typesNamedLikeJavaClassesStillResolve() {
    Map<String, String> files =
        Map.of(
            "clash.channel",
            """
            package com.example.clash;
            import "other.channel";

            message String { string value = 1; }
            message List { list<string> items = 1; }
            message Map { map<string, String> entries = 1; optional List items = 2; }
            message Objects { optional Objects next = 1; string name = 2; }
            message Integer { optional int32 value = 1; list<int32> values = 2; }
            message Collections { map<int32, Integer> by_number = 1; }
            message LinkedHashMap {}
            message NullPointerException {}
            message Deprecated { @deprecated string old = 1; }
            message SuppressWarnings {}
            message Generated {}
            message ByteString { bytes raw = 1; }
            message Uses {
              com.example.other.String remote = 1;
              string plain = 2;
              Map local = 3;
              list<com.example.other.Objects> remotes = 4;
            }
            enum IllegalStateException { ISE_ZERO = 0; }
            """,
            "other.channel",
            """
            package com.example.other;
            message String { int32 x = 1; }
            message Objects { string name = 1; }
            message Holder {
              Objects objects = 1;
              string text = 2;
              list<string> names = 3;
              map<string, String> by_name = 4;
            }
            """);
    Reflect reflect = new Reflect(InMemoryJavac.compile(generate(files)));

    Class<?> string = reflect.type("com.example.clash.String");
    assertEquals("java.lang.String", component(string, "value"));
    assertEquals(
        "java.util.Map<java.lang.String, com.example.clash.String>",
        component(reflect.type("com.example.clash.Map"), "entries"));
    assertEquals(
        "com.example.clash.List", component(reflect.type("com.example.clash.Map"), "items"));
    assertEquals(
        "java.util.List<java.lang.Integer>",
        component(reflect.type("com.example.clash.Integer"), "values"));
    Class<?> uses = reflect.type("com.example.clash.Uses");
    assertEquals("com.example.other.String", component(uses, "remote"));
    assertEquals("java.lang.String", component(uses, "plain"));
    assertEquals("java.util.List<com.example.other.Objects>", component(uses, "remotes"));
    assertEquals(
        "java.util.Map<java.lang.String, com.example.other.String>",
        component(reflect.type("com.example.other.Holder"), "byName"));

    NullPointerException e =
        assertThrows(
            NullPointerException.class,
            () ->
                build(
                    callStatic(reflect.type("com.example.clash.Objects"), "builder"),
                    "name",
                    null));
    assertEquals("name == null", e.getMessage());
    Object unrecognized =
        callStatic(reflect.type("com.example.clash.IllegalStateException"), "forNumber", 5);
    assertThrows(java.lang.IllegalStateException.class, () -> call(unrecognized, "number"));
  }

  @Test
  void deprecatedTypesUsedByOtherTypesCompileWithoutWarnings() {
    Map<String, String> files =
        Map.of(
            "dep.channel",
            """
            package com.example.dep;

            @deprecated("gone")
            message OldMessage { int32 x = 1; }

            @deprecated
            enum OldEnum { OLD_ZERO = 0; }

            /// The default value is deprecated.
            enum Mode {
              @deprecated("use MODE_NEW")
              MODE_OLD = 0;
              MODE_NEW = 1;
            }

            @deprecated("use Outer")
            union OldUnion { Member = 1; Inner = 2; }

            union Inner { Leaf = 1; }
            message Leaf {}

            message Member { int32 x = 1; }

            message Uses {
              OldMessage old = 1;
              list<OldEnum> olds = 2;
              map<string, OldMessage> by_name = 3;
              Mode mode = 4;
              optional OldUnion either = 5;
              @deprecated("no")
              string gone = 6;
            }

            @deprecated("use Current")
            channel Legacy {
              version "1";
              connect Member;
              client { Member = 1; }
              server { }
              requests { Ask returns Answer = 1; }
            }
            message Ask {}
            message Answer {}
            """);
    Reflect reflect = new Reflect(InMemoryJavac.compile(generate(files)));

    Object uses = callStatic(reflect.type("com.example.dep.Uses"), "builder");
    Object built = call(uses, "build");
    assertEquals("MODE_OLD", ((Enum<?>) call(built, "mode")).name());
    assertTrue(
        reflect
            .type("com.example.dep.OldUnion")
            .isAssignableFrom(reflect.type("com.example.dep.Leaf")));
  }

  @Test
  void docCommentsAreEscapedIntoJavadoc() {
    Map<String, String> files =
        Map.of(
            "docs.channel",
            """
            package com.example.docs;

            /// Ends a comment */ or \\u002a/ early; \\uZZZZ is no escape.
            /// Tags: @param x {@code y} <b>bold</b> & more.
            message Documented {
              /// A field doc that ends */ the comment.
              int32 x = 1;
            }

            /// Values */ too.
            enum Level {
              /// Zero */ value.
              LEVEL_ZERO = 0;
            }
            """);
    List<GeneratedFile> generated = generate(files);
    InMemoryJavac.compile(generated);

    String documented = source(generated, "com/example/docs/Documented.java");
    assertTrue(
        documented.contains(
            " * Ends a comment *&#47; or &#92;u002a/ early; &#92;uZZZZ is no escape.\n"
                + " * Tags: &#64;param x {&#64;code y} &lt;b&gt;bold&lt;/b&gt; &amp; more.\n"),
        documented);
    assertTrue(
        documented.contains(" * @param x A field doc that ends *&#47; the comment.\n"), documented);
  }

  private List<GeneratedFile> generate(Map<String, String> files) {
    return Generators.types(SchemaFiles.writeAndLoadClean(root, files));
  }

  private static String component(Class<?> record, String name) {
    return Arrays.stream(record.getRecordComponents())
        .filter(c -> c.getName().equals(name))
        .map(RecordComponent::getGenericType)
        .map(java.lang.reflect.Type::getTypeName)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no component " + name + " in " + record));
  }

  private static String source(List<GeneratedFile> files, String path) {
    return files.stream()
        .filter(f -> f.path().equals(path))
        .findFirst()
        .orElseThrow(() -> new AssertionError("not generated: " + path))
        .text();
  }
}
