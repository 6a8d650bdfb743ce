package io.simplenet.compiler.internal.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.codec.MessageCodec;
import io.simplenet.compiler.GeneratedFile;
import io.simplenet.compiler.internal.model.SchemaSet;
import io.simplenet.compiler.testing.InMemoryJavac;
import io.simplenet.compiler.testing.Reflect;
import io.simplenet.compiler.testing.SchemaFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schemas that try to break the generated codecs: type and field names that clash with what the
 * codecs use, deprecation everywhere, a union as connect message and request. They must compile
 * with {@code -Xlint:all -Werror} and round trip.
 */
class CodecEdgeCaseTest {
  private static final String SCHEMA =
      """
      package edge.cases;

      /// Field names that are the generated methods' parameters and locals.
      message Override {
        int32 tag = 1;
        string in = 2;
        bool value = 3;
        int64 out = 4;
        double depth = 5;
        string field = 6;
        optional Override next = 7;
        list<Instance> instances = 8;
      }
      /// Type names that are classes the generated codecs use.
      message Objects { list<Override> items = 1; map<string, Override> by_name = 2; }
      message String { string text = 1; }
      message JsonWire { String text = 1; }
      message ProtoWire { JsonWire json = 1; }
      message Instance { string name = 1; }
      @deprecated enum Old { OLD_ZERO = 0; OLD_ONE = 1; }
      enum Mode { @deprecated MODE_ZERO = 0; MODE_ONE = 1; }
      @deprecated("gone")
      message Gone { Old old = 1; }
      message UsesDeprecated {
        Old old = 1;
        Mode mode = 2;
        @deprecated int32 dropped = 3;
        list<Old> olds = 4;
        map<int32, Gone> gone = 5;
      }
      union Choice { Instance = 1; Objects = 2; Value = 3; }
      message Value { Choice choice = 1; optional Choice maybe = 2; }

      @deprecated("replaced")
      channel Edge {
        version "1";
        connect Choice;
        client { Value = 1; Gone = 2; }
        server { }
        requests { Choice returns UsesDeprecated = 1; }
      }
      """;

  @Test
  void clashingNamesAndDeprecationCompileAndRoundTrip(@TempDir Path root) {
    SchemaSet schemas = SchemaFiles.writeAndLoadClean(root, Map.of("edge.channel", SCHEMA));
    List<GeneratedFile> files = new ArrayList<>(Generators.types(schemas));
    files.addAll(Generators.codecs(schemas));
    Reflect classes = new Reflect(InMemoryJavac.compile(files));

    Object instance = Reflect.construct(classes.type("edge.cases.Instance"), "i");
    Object override =
        Reflect.construct(
            classes.type("edge.cases.Override"),
            1,
            "in",
            true,
            2L,
            0.5,
            "field",
            null,
            List.of(instance));
    Object objects =
        Reflect.construct(
            classes.type("edge.cases.Objects"), List.of(override), Map.of("k", override));
    Object value = Reflect.construct(classes.type("edge.cases.Value"), objects, instance);
    MessageCodec<Object> codec = codec(classes, "edge.cases.Value");
    CodecRoundTripTest.assertRoundTrips(codec, value);
    assertTrue(
        codec.toJson(value).contains("\"tag\":1,\"in\":\"in\",\"value\":true"),
        codec.toJson(value));

    MessageCodec<Object> connect =
        cast(Reflect.staticField(classes.type("edge.cases.EdgeChannel"), "CONNECT"));
    assertEquals(codec(classes, "edge.cases.Choice"), connect);
    CodecRoundTripTest.assertRoundTrips(connect, instance);
    assertEquals(
        true,
        Reflect.callStatic(
            classes.type("edge.cases.EdgeChannel"),
            "answers",
            objects,
            Reflect.staticField(classes.type("edge.cases.UsesDeprecated"), "DEFAULT")));
  }

  private static MessageCodec<Object> codec(Reflect classes, String type) {
    return cast(Reflect.staticField(classes.type(type + "Codec"), CodecClass.INSTANCE));
  }

  @SuppressWarnings("unchecked")
  private static MessageCodec<Object> cast(Object codec) {
    return (MessageCodec<Object>) codec;
  }
}
