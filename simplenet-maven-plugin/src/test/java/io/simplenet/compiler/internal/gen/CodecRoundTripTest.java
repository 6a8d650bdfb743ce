package io.simplenet.compiler.internal.gen;

import static io.simplenet.compiler.testing.AllTypesFixture.COMMON_PACKAGE;
import static io.simplenet.compiler.testing.AllTypesFixture.build;
import static io.simplenet.compiler.testing.AllTypesFixture.codec;
import static io.simplenet.compiler.testing.AllTypesFixture.defaultOf;
import static io.simplenet.compiler.testing.AllTypesFixture.typeName;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.codec.CodecException;
import io.simplenet.codec.Limits;
import io.simplenet.codec.MessageCodec;
import io.simplenet.compiler.internal.model.TypeName;
import io.simplenet.compiler.testing.AllTypesFixture;
import io.simplenet.compiler.testing.RandomValues;
import io.simplenet.compiler.testing.Reflect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Round trips through the generated codecs, binary and JSON: random values of every fixture type,
 * then the edges (defaults, present-but-default optionals, bits of floats, extreme integers, large
 * collections, nesting up to the depth limit).
 */
@Timeout(120)
class CodecRoundTripTest {
  /** Fixed, and printed by {@link #randomValuesRoundTrip}, so a failure can be replayed. */
  private static final long SEED = 0x5EED_C0DECL;

  private static final int VALUES_PER_TYPE = 150;
  private static final int MAX_DEPTH = 4;

  /** Up to this many elements per list and entries per map in the large random values. */
  private static final int LARGE_COLLECTION = 2_000;

  private static final int LARGE_VALUES = 5;

  /** Every message, union and role (with members) of the fixture, imports included. */
  static Stream<TypeName> fixtureTypes() {
    return AllTypesFixture.typesWithValues().stream();
  }

  @ParameterizedTest
  @MethodSource("fixtureTypes")
  void randomValuesRoundTrip(TypeName type) {
    long seed = SEED ^ type.protoFullName().hashCode();
    System.out.println("randomValuesRoundTrip " + type + " seed " + seed);
    RandomValues values = new RandomValues(new Random(seed));
    MessageCodec<Object> codec = codec(type);
    for (int i = 0; i < VALUES_PER_TYPE; i++) {
      assertRoundTrips(codec, values.of(type, i % (MAX_DEPTH + 1)));
    }
  }

  /** Binary and JSON round trips, with an exact size and a stable encoding. */
  static void assertRoundTrips(MessageCodec<Object> codec, Object value) {
    byte[] bytes = codec.toBytes(value);
    assertEquals(codec.serializedSize(value), bytes.length, "serializedSize of " + value);
    Object fromBytes = codec.fromBytes(bytes);
    assertEquals(value, fromBytes, "binary round trip");
    assertArrayEquals(bytes, codec.toBytes(fromBytes), "binary re-encoding");
    String json = codec.toJson(value);
    Object fromJson = codec.fromJson(json);
    assertEquals(value, fromJson, "JSON round trip of " + json);
    assertEquals(json, codec.toJson(fromJson), "JSON re-encoding");
  }

  @Test
  void defaultsAreLeftOffTheWireButWrittenInJson() {
    Object scalars = defaultOf("Scalars");
    MessageCodec<Object> codec = codec("Scalars");
    assertEquals(0, codec.toBytes(scalars).length);
    assertEquals(scalars, codec.fromBytes(new byte[0]));
    assertEquals(
        "{\"b\":false,\"i32\":0,\"i64\":\"0\",\"u32\":0,\"u64\":\"0\",\"f32\":0.0,\"f64\":0.0,"
            + "\"text\":\"\",\"blob\":\"\"}",
        codec.toJson(scalars));
    assertEquals(scalars, codec.fromJson("{}"));
    for (String type : List.of("Collections", "Group", "Tree", "Keywords", "Empty")) {
      Object value = defaultOf(type);
      assertEquals(0, codec(type).toBytes(value).length, type);
      assertRoundTrips(codec(type), value);
    }
    // A message field that is not optional is always written, even when it is the default.
    assertArrayEquals(new byte[] {10, 0}, codec("Circle").toBytes(defaultOf("Circle")));
  }

  @Test
  void optionalFieldsPresentWithTheirDefaultStayPresent() {
    MessageCodec<Object> codec = codec("Scalars");
    Object present =
        build("Scalars", "optB", false, "optI32", 0, "optU64", 0L, "optF64", 0d, "optText", "");
    byte[] bytes = codec.toBytes(present);
    // tag + zero for each: bool 11, int32 12, uint64 15, double 17 (8 bytes), string 18 (empty)
    assertArrayEquals(
        new byte[] {88, 0, 96, 0, 120, 0, (byte) 137, 1, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 146, 1, 0},
        bytes);
    Object decoded = codec.fromBytes(bytes);
    assertEquals(present, decoded);
    assertEquals(0, Reflect.call(decoded, "optI32"));
    assertNull(Reflect.call(decoded, "optI64"));
    String json = codec.toJson(present);
    assertTrue(json.contains("\"optI32\":0") && !json.contains("optI64"), json);
    assertEquals(present, codec.fromJson(json));
    assertNull(Reflect.call(codec.fromJson("{\"optI32\":null}"), "optI32"));
  }

  @Test
  void floatsKeepTheirBits() {
    MessageCodec<Object> codec = codec("Scalars");
    double payloadNaN = Double.longBitsToDouble(0x7ff0_0000_0000_0001L);
    float payloadNaNf = Float.intBitsToFloat(0x7f80_0001);
    Object value = build("Scalars", "f32", payloadNaNf, "f64", -0d, "optF64", payloadNaN);
    Object decoded = codec.fromBytes(codec.toBytes(value));
    assertEquals(0x7f80_0001, Float.floatToRawIntBits((Float) Reflect.call(decoded, "f32")));
    assertEquals(
        Double.doubleToRawLongBits(-0d),
        Double.doubleToRawLongBits((Double) Reflect.call(decoded, "f64")));
    assertEquals(
        0x7ff0_0000_0000_0001L,
        Double.doubleToRawLongBits((Double) Reflect.call(decoded, "optF64")));
    // -0.0 is not the default, so it is written; JSON has a single NaN.
    assertEquals(9, codec.toBytes(build("Scalars", "f64", -0d)).length);
    String json =
        codec.toJson(
            build("Scalars", "f32", Float.NEGATIVE_INFINITY, "f64", -0d, "optF64", payloadNaN));
    assertTrue(
        json.contains("\"f32\":\"-Infinity\",\"f64\":-0.0") && json.contains("\"optF64\":\"NaN\""),
        json);
    Object fromJson = codec.fromJson(json);
    assertEquals(
        Double.doubleToRawLongBits(-0d),
        Double.doubleToRawLongBits((Double) Reflect.call(fromJson, "f64")));
    assertTrue(Double.isNaN((Double) Reflect.call(fromJson, "optF64")));
  }

  @Test
  void extremeIntegersInJsonAreExact() {
    MessageCodec<Object> codec = codec("Scalars");
    Object value =
        build(
            "Scalars",
            "i32",
            Integer.MIN_VALUE,
            "i64",
            Long.MIN_VALUE,
            "u32",
            -1,
            "u64",
            -1L,
            "optI64",
            Long.MAX_VALUE,
            "optU32",
            Integer.MIN_VALUE);
    String json = codec.toJson(value);
    assertTrue(
        json.contains(
            "\"i32\":-2147483648,\"i64\":\"-9223372036854775808\",\"u32\":4294967295,"
                + "\"u64\":\"18446744073709551615\""),
        json);
    assertTrue(json.contains("\"optI64\":\"9223372036854775807\",\"optU32\":2147483648"), json);
    assertRoundTrips(codec, value);
  }

  @Test
  void unicodeTextSurvivesBothFormats() {
    MessageCodec<Object> codec = codec("Scalars");
    String text = "a\u0000b \uD83D\uDE00 \uD800\uDC00 \uDBFF\uDFFF \u00e9\u4e2d\uffff \u2028";
    Object value = build("Scalars", "text", text, "optText", "\u0000");
    assertRoundTrips(codec, value);
    assertEquals(text, Reflect.call(codec.fromJson(codec.toJson(value)), "text"));
  }

  @Test
  void largeCollectionsRoundTrip() {
    int size = 10_000;
    Random random = new Random(SEED);
    System.out.println("largeCollectionsRoundTrip seed " + SEED);
    RandomValues values = new RandomValues(random);
    List<Object> ints = new ArrayList<>();
    List<Object> longs = new ArrayList<>();
    List<Object> names = new ArrayList<>();
    List<Object> points = new ArrayList<>();
    Map<Object, Object> counts = new LinkedHashMap<>();
    Map<Object, Object> byId = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      ints.add(random.nextInt());
      longs.add(random.nextLong());
      names.add("name " + i);
      points.add(build(COMMON_PACKAGE + "Point", "x", i, "y", -i));
      counts.put("key " + i, (long) i);
      byId.put((long) i, build("Scalars", "i32", i));
    }
    Object value =
        build(
            "Collections",
            "ints",
            ints,
            "longs",
            longs,
            "names",
            names,
            "points",
            points,
            "counts",
            counts,
            "byId",
            byId,
            "shapes",
            List.of(values.of(typeName("Shape"), 3)));
    assertRoundTrips(codec("Collections"), value);
  }

  @Test
  void largeRandomCollectionsOfEveryElementTypeRoundTrip() {
    System.out.println("largeRandomCollectionsOfEveryElementTypeRoundTrip seed " + SEED);
    RandomValues values = new RandomValues(new Random(SEED), LARGE_COLLECTION);
    for (int i = 0; i < LARGE_VALUES; i++) {
      // Depth 1: thousands of elements, each without further collections of its own.
      assertRoundTrips(codec("Collections"), values.of(typeName("Collections"), 1));
    }
  }

  @Test
  void groupsNestToTheDepthLimitAndNoFurther() {
    MessageCodec<Object> codec = codec("Group");
    // A group at depth d holds a Shape at d + 1 whose Group is at d + 2.
    int deepest = Limits.MAX_DEPTH / 2;
    Object fits = nestedGroups(deepest);
    assertRoundTrips(codec, fits);
    Object tooDeep = nestedGroups(deepest + 1);
    CodecException binary =
        assertThrows(CodecException.class, () -> codec.fromBytes(codec.toBytes(tooDeep)));
    assertTrue(binary.getMessage().contains("nested deeper than 100"), binary.getMessage());
    CodecException json =
        assertThrows(CodecException.class, () -> codec.fromJson(codec.toJson(tooDeep)));
    assertTrue(json.getMessage().contains("nested deeper than 100"), json.getMessage());
  }

  @Test
  void treesNestToTheDepthLimitAndNoFurther() {
    MessageCodec<Object> codec = codec("Tree");
    assertRoundTrips(codec, nestedTrees(Limits.MAX_DEPTH));
    Object tooDeep = nestedTrees(Limits.MAX_DEPTH + 1);
    assertThrows(CodecException.class, () -> codec.fromBytes(codec.toBytes(tooDeep)));
    assertThrows(CodecException.class, () -> codec.fromJson(codec.toJson(tooDeep)));
  }

  /** A group whose only child is a group, {@code levels} times below the top one. */
  private static Object nestedGroups(int levels) {
    Object group = build("Group", "name", "leaf");
    for (int i = 0; i < levels; i++) {
      group = build("Group", "name", "level " + i, "children", List.of(group), "highlighted", null);
    }
    return group;
  }

  /** A tree whose innermost node is at depth {@code depth}, alternating left and right. */
  private static Object nestedTrees(int depth) {
    Object tree = build("Tree", "label", "leaf");
    for (int i = 0; i < depth; i++) {
      tree = build("Tree", i % 2 == 0 ? "left" : "right", tree);
    }
    return tree;
  }
}
