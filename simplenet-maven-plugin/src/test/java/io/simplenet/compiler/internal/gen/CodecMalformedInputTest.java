package io.simplenet.compiler.internal.gen;

import static io.simplenet.compiler.testing.AllTypesFixture.PACKAGE;
import static io.simplenet.compiler.testing.AllTypesFixture.build;
import static io.simplenet.compiler.testing.AllTypesFixture.codec;
import static io.simplenet.compiler.testing.AllTypesFixture.defaultOf;
import static io.simplenet.compiler.testing.AllTypesFixture.typeName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.simplenet.codec.CodecException;
import io.simplenet.codec.MessageCodec;
import io.simplenet.compiler.testing.AllTypesFixture;
import io.simplenet.compiler.testing.RandomValues;
import io.simplenet.compiler.testing.Reflect;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-made bytes and JSON: what decoders must tolerate (unknown fields, unpacked lists, unknown
 * enum values) and what they must reject with a clear {@link CodecException}, quickly.
 */
@Timeout(60)
class CodecMalformedInputTest {
  private static final String SCALARS = PACKAGE + "Scalars";

  /** Writes with protobuf's own encoder, for hand-made input. */
  private interface Writes {
    void to(CodedOutputStream out) throws IOException;
  }

  private static byte[] wire(Writes writes) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      writes.to(out);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  private static byte[] concat(byte[]... parts) {
    ByteString all = ByteString.EMPTY;
    for (byte[] part : parts) {
      all = all.concat(ByteString.copyFrom(part));
    }
    return all.toByteArray();
  }

  private static Object color(String name) {
    for (Object constant : AllTypesFixture.type("Color").getEnumConstants()) {
      if (((Enum<?>) constant).name().equals(name)) {
        return constant;
      }
    }
    throw new AssertionError("no Color." + name);
  }

  /** Asserts that decoding fails with a message that contains {@code expected}. */
  private static void assertRejects(String type, byte[] input, String expected) {
    CodecException e =
        assertThrows(
            CodecException.class, () -> codec(type).fromBytes(input), Arrays.toString(input));
    String prefix = "cannot decode " + PACKAGE + type + " from " + input.length + " bytes: ";
    assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  private static void assertRejectsJson(String type, String json, String expected) {
    CodecException e = assertThrows(CodecException.class, () -> codec(type).fromJson(json), json);
    String prefix =
        "cannot decode " + PACKAGE + type + " from JSON of " + json.length() + " characters: ";
    assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void unknownFieldsOfEveryWireTypeAreSkipped() {
    Object value = build("Scalars", "i32", 7, "text", "x");
    byte[] unknown =
        wire(
            out -> {
              out.writeInt64(100, -5);
              out.writeString(101, "unknown");
              out.writeFixed32(102, 1);
              out.writeFixed64(103, 2);
              out.writeTag(104, WireFormat.WIRETYPE_START_GROUP);
              out.writeInt32(1, 1);
              out.writeTag(2, WireFormat.WIRETYPE_START_GROUP);
              out.writeTag(2, WireFormat.WIRETYPE_END_GROUP);
              out.writeTag(104, WireFormat.WIRETYPE_END_GROUP);
            });
    byte[] known = codec("Scalars").toBytes(value);
    assertEquals(value, codec("Scalars").fromBytes(concat(unknown, known, unknown)));
    assertEquals(defaultOf("Empty"), codec("Empty").fromBytes(unknown));
  }

  @Test
  void unknownJsonFieldsAreSkippedWithTheirSubtrees() {
    Object value = build("Scalars", "i32", 7, "text", "x");
    String json =
        "{\"unknown\":{\"a\":[1,{\"b\":null}],\"c\":\"x\"},\"i32\":7,\"also\":[[],{}],"
            + "\"text\":\"x\",\"last\":true}";
    assertEquals(value, codec("Scalars").fromJson(json));
    assertEquals(defaultOf("Empty"), codec("Empty").fromJson("{\"x\":{\"y\":[1,2]}}"));
  }

  @Test
  void schemaNamesAreAcceptedBesideJsonNames() {
    Object value = build("Scalars", "optI32", 3, "optText", "t");
    assertEquals(value, codec("Scalars").fromJson("{\"opt_i32\":3,\"opt_text\":\"t\"}"));
    Object keywords = build("Keywords", "class_", "c", "hashCode_", true, "toString_", "s");
    assertEquals(
        "{\"class\":\"c\",\"default\":0,\"hashCode\":true,\"toString\":\"s\"}",
        codec("Keywords").toJson(keywords));
    assertEquals(
        keywords,
        codec("Keywords").fromJson("{\"class\":\"c\",\"hash_code\":true,\"to_string\":\"s\"}"));
  }

  @Test
  void listsAcceptPackedAndUnpackedRuns() {
    byte[] input =
        wire(
            out -> {
              out.writeInt32(1, 5); // unpacked
              out.writeInt32(1, -1);
              out.writeTag(1, WireFormat.WIRETYPE_LENGTH_DELIMITED); // packed: 1, 2
              out.writeUInt32NoTag(2);
              out.writeInt32NoTag(1);
              out.writeInt32NoTag(2);
              out.writeEnum(7, 1); // unpacked colors: RED, then a number Color lacks
              out.writeEnum(7, 99);
              out.writeDouble(3, 0.5);
              out.writeBool(4, true);
            });
    Object decoded = codec("Collections").fromBytes(input);
    assertEquals(List.of(5, -1, 1, 2), Reflect.call(decoded, "ints"));
    assertEquals(List.of(color("RED"), color("UNRECOGNIZED")), Reflect.call(decoded, "colors"));
    assertEquals(List.of(0.5), Reflect.call(decoded, "doubles"));
    assertEquals(List.of(true), Reflect.call(decoded, "flags"));
    // Re-encoded packed: one tag and length for the four ints.
    byte[] ints = codec("Collections").toBytes(build("Collections", "ints", List.of(5, -1, 1, 2)));
    assertEquals(
        ByteString.copyFrom(bytes(10, 13, 5, 255, 255, 255, 255, 255, 255, 255, 255, 255, 1, 1, 2)),
        ByteString.copyFrom(ints));
  }

  @Test
  void unknownEnumValuesDecodeAsUnrecognizedAndCannotBeEncoded() {
    byte[] circle = codec("Drawing").toBytes(build("Drawing", "shape", build("Circle")));
    Object drawing = codec("Drawing").fromBytes(concat(circle, bytes(16, 99)));
    assertEquals(color("UNRECOGNIZED"), Reflect.call(drawing, "background"));
    IllegalArgumentException binary =
        assertThrows(IllegalArgumentException.class, () -> codec("Drawing").toBytes(drawing));
    assertTrue(binary.getMessage().contains("field 2"), binary.getMessage());
    assertTrue(binary.getMessage().contains("Color.UNRECOGNIZED"), binary.getMessage());
    IllegalArgumentException json =
        assertThrows(IllegalArgumentException.class, () -> codec("Drawing").toJson(drawing));
    assertTrue(json.getMessage().contains("field 'background'"), json.getMessage());

    String shape = "{\"shape\":{\"circle\":{}},\"background\":";
    assertEquals(color("UNRECOGNIZED"), background(shape + "\"NO_SUCH_COLOR\"}"));
    assertEquals(color("UNRECOGNIZED"), background(shape + "99}"));
    assertEquals(color("GREEN"), background(shape + "2}"));
    assertEquals(color("GREEN"), background(shape + "\"2\"}"));
    assertEquals(color("LIME"), background(shape + "\"LIME\"}"));
    assertEquals(color("COLOR_UNSPECIFIED"), background(shape + "null}"));
    assertRejectsJson("Drawing", shape + "1.5}", "must be an integer");
    assertRejectsJson("Drawing", shape + "[]}", "expected a " + PACKAGE + "Color name or number");

    Object unrecognizedInList = build("Collections", "colors", List.of(color("UNRECOGNIZED")));
    IllegalArgumentException list =
        assertThrows(
            IllegalArgumentException.class, () -> codec("Collections").toBytes(unrecognizedInList));
    assertTrue(list.getMessage().contains("field 7"), list.getMessage());
    Object unrecognizedInMap = build("Collections", "colorOf", Map.of("k", color("UNRECOGNIZED")));
    IllegalArgumentException map =
        assertThrows(
            IllegalArgumentException.class, () -> codec("Collections").toJson(unrecognizedInMap));
    assertTrue(map.getMessage().contains("field 'colorOf'"), map.getMessage());
  }

  private static Object background(String json) {
    return Reflect.call(codec("Drawing").fromJson(json), "background");
  }

  @Test
  void requiredFieldsMustBePresent() {
    String drawing = "missing required field 'shape' (1) of " + PACKAGE + "Drawing";
    assertRejects("Drawing", bytes(16, 1), drawing);
    assertRejectsJson("Drawing", "{\"background\":\"RED\"}", drawing);
    assertRejectsJson("Drawing", "{\"shape\":null}", drawing);
    String draw = "missing required field 'drawing' (1) of " + PACKAGE + "Draw";
    assertRejects("Draw", new byte[0], draw);
    assertRejectsJson("Draw", "{}", draw);
  }

  @Test
  void unionsHoldExactlyOneMember() {
    String none = "no member of " + PACKAGE + "Shape is set";
    assertRejects("Shape", new byte[0], none);
    assertRejects("Shape", bytes(40, 1), none); // only an unknown field
    assertRejectsJson("Shape", "{}", none);
    assertRejectsJson("Shape", "{\"circle\":null,\"unknown\":1}", none);
    assertRejectsJson("Shape", "{\"circle\":{},\"rect\":{}}", "'rect' follows another");
    // Binary keeps the last member, as protobuf's oneof does.
    byte[] circleThenRect = bytes(10, 0, 18, 0);
    assertEquals(build("Rect"), codec("Shape").fromBytes(circleThenRect));
    assertEquals(build("Rect"), codec("Shape").fromJson("{\"circle\":null,\"rect\":{}}"));
    // A role whose member is a union nests it as a message.
    Object ping = build("Ping", "nonce", 5L);
    MessageCodec<Object> client = codec("StudioClientMessage");
    assertEquals(ping, client.fromBytes(client.toBytes(ping)));
    Object circle = build("Circle", "radius", 2.0);
    assertEquals(
        "{\"shape\":{\"circle\":{\"center\":{\"x\":0,\"y\":0},\"radius\":2.0}}}",
        client.toJson(circle));
    assertEquals(circle, client.fromJson(client.toJson(circle)));
  }

  @Test
  void rolesWithoutMembersNeverDecode() {
    assertRejects(
        "QuietClientMessage", bytes(10, 0), "no member of " + PACKAGE + "QuietClientMessage");
    assertRejectsJson(
        "QuietClientMessage", "{\"x\":1}", "no member of " + PACKAGE + "QuietClientMessage");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> codec("QuietClientMessage").serializedSize(null));
    assertTrue(e.getMessage().contains("has no members"), e.getMessage());
  }

  @Test
  void mapEntriesMissingKeyOrValueTakeDefaults() {
    byte[] input =
        wire(
            out -> {
              out.writeTag(11, WireFormat.WIRETYPE_LENGTH_DELIMITED); // labels: value only
              out.writeUInt32NoTag(3);
              out.writeString(2, "x");
              out.writeTag(10, WireFormat.WIRETYPE_LENGTH_DELIMITED); // counts: key only
              out.writeUInt32NoTag(3);
              out.writeString(1, "k");
              out.writeTag(12, WireFormat.WIRETYPE_LENGTH_DELIMITED); // byId: key only
              out.writeUInt32NoTag(2);
              out.writeUInt64(1, 5);
              out.writeTag(13, WireFormat.WIRETYPE_LENGTH_DELIMITED); // colorOf: empty entry
              out.writeUInt32NoTag(0);
              out.writeTag(11, WireFormat.WIRETYPE_LENGTH_DELIMITED); // labels: key 0 again
              out.writeUInt32NoTag(5);
              out.writeInt32(1, 0);
              out.writeString(2, "y");
            });
    Object decoded = codec("Collections").fromBytes(input);
    assertEquals(Map.of(0, "y"), Reflect.call(decoded, "labels"));
    assertEquals(Map.of("k", 0L), Reflect.call(decoded, "counts"));
    assertEquals(Map.of(5L, defaultOf("Scalars")), Reflect.call(decoded, "byId"));
    assertEquals(Map.of("", color("COLOR_UNSPECIFIED")), Reflect.call(decoded, "colorOf"));
    // A union value has no default: an entry without one is an error.
    assertRejects("Collections", bytes(114, 2, 8, 1), "no member of " + PACKAGE + "Shape");
  }

  @Test
  void truncatedAndCorruptedInputFailsWithCodecException() {
    byte[] hello = codec("Scalars").toBytes(build("Scalars", "text", "hello"));
    assertRejects("Scalars", Arrays.copyOf(hello, hello.length - 1), "truncated");
    int[] elevenByteVarint = {16, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 1};
    assertRejects("Scalars", bytes(elevenByteVarint), "malformed varint");
    assertRejects("Scalars", bytes(8), "truncated");
    assertRejects("Scalars", bytes(14), "invalid wire type"); // wire type 6
    assertRejects("Scalars", bytes(15), "invalid wire type"); // wire type 7
    assertRejects("Scalars", bytes(12), "end-group tag");
    assertRejects("Scalars", bytes(0), "invalid tag");
    assertRejects("Scalars", bytes(66, 2, 0xC3, 0x28), "UTF-8");
    assertRejects("Scalars", bytes(66, 3, 0xED, 0xA0, 0x80), "UTF-8"); // an encoded surrogate
  }

  @Test
  void knownFieldsWithAnotherWireTypeAreSkippedAsProtobufDoes() {
    Object decoded = codec("Scalars").fromBytes(bytes(21, 1, 0, 0, 0, 64, 1, 16, 3));
    assertEquals(3, Reflect.call(decoded, "i32")); // field 2 as fixed32 is skipped; as varint, read
    assertEquals("", Reflect.call(decoded, "text")); // field 8 as a varint is skipped
  }

  @Test
  void hugeLengthPrefixesFailFast() {
    int[] twoGigabytes = {0xF0, 0xFF, 0xFF, 0xFF, 0x07};
    assertRejects("Scalars", prefixed(66, twoGigabytes, 'a', 'b', 'c', 'd'), "truncated"); // string
    assertRejects("Scalars", prefixed(74, twoGigabytes, 1, 2, 3, 4), "truncated"); // bytes
    assertRejects("Circle", prefixed(10, twoGigabytes, 8, 1, 16, 2), "truncated"); // message
    assertRejects("Collections", prefixed(10, twoGigabytes, 1, 2, 3, 4), "truncated"); // packed
    assertRejects("Collections", prefixed(82, twoGigabytes, 10, 1, 'k', 16), "truncated"); // entry
    assertRejects("Scalars", bytes(66, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 'a'), "negative size");
  }

  private static byte[] prefixed(int tag, int[] length, int... payload) {
    int[] all = new int[1 + length.length + payload.length];
    all[0] = tag;
    System.arraycopy(length, 0, all, 1, length.length);
    System.arraycopy(payload, 0, all, 1 + length.length, payload.length);
    return bytes(all);
  }

  @Test
  void nestingBeyondTheLimitFailsWithoutOverflowingTheStack() {
    // Tree.left (field 2) nested 150 times, built from the inside out.
    ByteString tree = ByteString.EMPTY;
    for (int i = 0; i < 150; i++) {
      byte[] header = wire(out -> out.writeTag(2, WireFormat.WIRETYPE_LENGTH_DELIMITED));
      int size = tree.size();
      tree =
          ByteString.copyFrom(header)
              .concat(ByteString.copyFrom(wire(out -> out.writeUInt32NoTag(size))))
              .concat(tree);
    }
    assertRejects("Tree", tree.toByteArray(), "nested deeper than 100");
    // An unknown group nested 100,000 deep.
    byte[] groups = new byte[200_000];
    Arrays.fill(groups, 0, 100_000, (byte) 11);
    Arrays.fill(groups, 100_000, 200_000, (byte) 12);
    assertRejects("Empty", groups, "too many levels of nesting");
    // Unknown JSON nested 100,000 deep.
    String json = "{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    assertRejectsJson("Empty", json, "nesting depth");
  }

  @Test
  void randomCorruptionNeverEscapesCodecException() {
    long seed = 0xC0FFEEL;
    System.out.println("randomCorruptionNeverEscapesCodecException seed " + seed);
    Random random = new Random(seed);
    RandomValues values = new RandomValues(random);
    MessageCodec<Object> codec = codec("Collections");
    for (int i = 0; i < 300; i++) {
      byte[] bytes = codec.toBytes(values.of(typeName("Collections"), 3));
      for (int cut = 0; cut < Math.min(bytes.length, 40); cut++) {
        decodeOrReject(codec, Arrays.copyOf(bytes, cut));
      }
      for (int flips = 0; flips < 10 && bytes.length > 0; flips++) {
        byte[] corrupt = bytes.clone();
        corrupt[random.nextInt(corrupt.length)] = (byte) random.nextInt(256);
        decodeOrReject(codec, corrupt);
      }
    }
  }

  private static void decodeOrReject(MessageCodec<Object> codec, byte[] input) {
    try {
      codec.fromBytes(input);
    } catch (CodecException expected) {
      // The only way to fail.
    } catch (RuntimeException e) {
      fail("decoding " + Arrays.toString(input) + " threw " + e, e);
    }
  }

  @Test
  void trailingOrMissingJsonIsRejected() {
    assertRejectsJson("Empty", "{} {}", "trailing content");
    assertRejectsJson("Empty", "{}x", "Unrecognized token");
    assertRejectsJson("Empty", "[]", "expected an object, found an array");
    assertRejectsJson("Empty", "null", "expected an object, found null");
    assertRejectsJson("Empty", "", "expected an object, found the end of input");
    assertRejectsJson("Empty", "{\"a\":", "end-of-input");
    assertEquals(defaultOf("Empty"), codec("Empty").fromJson(" {}\n"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"i32\": 2147483648}              | int32 out of range [-2147483648, 2147483647]:"
            + " 2147483648",
        "{\"i32\": -2147483649}             | int32 out of range",
        "{\"i32\": 1.5}                     | int32 must be an integer: 1.5",
        "{\"i32\": 1e40}                    | int32 out of range",
        "{\"i32\": \"12abc\"}               | not a number: \"12abc\"",
        "{\"i32\": true}                    | expected int32, found a bool",
        "{\"u32\": -1}                      | uint32 out of range",
        "{\"u64\": \"18446744073709551616\"} | uint64 out of range",
        "{\"u64\": -1}                      | uint64 out of range",
        "{\"i64\": \"9223372036854775808\"}  | int64 out of range",
        "{\"i64\": \"1e999999999\"}         | int64 out of range",
        "{\"i64\": \"1e-999999999\"}        | int64 must be an integer",
        "{\"f32\": 3.5e38}                  | float out of range: 3.5e38",
        "{\"f64\": 1e400}                   | double out of range",
        "{\"f64\": \" 1\"}                  | not a number",
        "{\"f64\": \"0x10\"}                | not a number",
        "{\"f64\": \"nan\"}                 | not a number",
        "{\"b\": 1}                         | expected a bool, found the number 1",
        "{\"text\": 5}                      | /text: expected a string, found the number 5",
        "{\"blob\": \"@@\"}                 | invalid base64",
        "{\"i32\": {}}                      | expected int32, found an object",
      })
  void badJsonScalarsAreRejected(String json, String expected) {
    assertRejectsJson("Scalars", json, expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"i32\": \"1e2\"}                 | i32  | 100",
        "{\"i32\": 1.0}                     | i32  | 1",
        "{\"i32\": -0}                      | i32  | 0",
        "{\"i32\": \"-2147483648\"}         | i32  | -2147483648",
        "{\"u32\": 4294967295}              | u32  | -1",
        "{\"u64\": 18446744073709551615}    | u64  | -1",
        "{\"u64\": \"1.8446744073709551615e19\"} | u64 | -1",
        "{\"i64\": 9007199254740993}        | i64  | 9007199254740993",
        "{\"i64\": \"0e-999999999\"}        | i64  | 0",
        "{\"f32\": \"NaN\"}                 | f32  | NaN",
        "{\"f32\": \"1.5\"}                 | f32  | 1.5",
        "{\"f64\": \"-Infinity\"}           | f64  | -Infinity",
        "{\"f64\": 1E-400}                  | f64  | 0.0",
        "{\"b\": \"true\"}                  | b    | true",
        "{\"b\": null}                      | b    | false",
        "{\"text\": null}                   | text | ''",
        "{\"text\": \"\\ud83d\\ude00\"}      | text | \uD83D\uDE00",
      })
  void lenientJsonScalarsAreAccepted(String json, String component, String expected) {
    Object value = Reflect.call(codec("Scalars").fromJson(json), component);
    assertEquals(expected, String.valueOf(value), json);
  }

  @Test
  void bytesAcceptBothBase64AlphabetsPaddedOrNot() {
    ByteString expected = ByteString.copyFrom(bytes(0xFB, 0xFF));
    for (String text : List.of("+/8=", "+/8", "-_8=", "-_8")) {
      Object value = codec("Scalars").fromJson("{\"blob\":\"" + text + "\"}");
      assertEquals(expected, Reflect.call(value, "blob"), text);
    }
    String json = codec("Scalars").toJson(build("Scalars", "optBlob", expected));
    assertTrue(json.contains("\"blob\":\"\",") && json.contains("\"optBlob\":\"+/8=\""), json);
  }

  @Test
  void nullsInJsonMeanAbsent() {
    String json =
        "{\"b\":null,\"i32\":null,\"i64\":null,\"u32\":null,\"u64\":null,\"f32\":null,"
            + "\"f64\":null,\"text\":null,\"blob\":null,\"optB\":null,\"optText\":null}";
    assertEquals(defaultOf("Scalars"), codec("Scalars").fromJson(json));
    assertEquals(
        defaultOf("Collections"),
        codec("Collections").fromJson("{\"ints\":null,\"counts\":null,\"points\":null}"));
    assertNull(Reflect.call(codec("Group").fromJson("{\"highlighted\":null}"), "highlighted"));
    assertEquals(
        defaultOf("Circle"), codec("Circle").fromJson("{\"center\":null,\"radius\":null}"));
  }

  @Test
  void badJsonCollectionsAreRejected() {
    assertRejectsJson(
        "Collections", "{\"ints\":[1,null]}", "/ints/1: list elements cannot be null");
    assertRejectsJson(
        "Collections", "{\"counts\":{\"a\":null}}", "/counts/a: map values cannot be null");
    assertRejectsJson("Collections", "{\"ints\":{}}", "expected an array, found an object");
    assertRejectsJson("Collections", "{\"counts\":[]}", "expected an object, found an array");
    assertRejectsJson("Collections", "{\"labels\":{\"x\":\"y\"}}", "not a number: \"x\"");
    assertRejectsJson("Collections", "{\"labels\":{\"4294967296\":\"y\"}}", "int32 out of range");
    assertRejectsJson(
        "Collections", "{\"points\":[1]}", "/points/0: expected an object, found the number 1");
    Object decoded =
        codec("Collections")
            .fromJson(
                "{\"labels\":{\"-1\":\"a\",\"1e1\":\"b\"},\"longs\":[\"18446744073709551615\",1]}");
    assertEquals(Map.of(-1, "a", 10, "b"), Reflect.call(decoded, "labels"));
    assertEquals(List.of(-1L, 1L), Reflect.call(decoded, "longs"));
  }
}
