package io.simplenet.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ProtoWire}: presence, exact sizes, packing and map entries, byte for byte. */
class ProtoWireTest {
  /** Field numbers at the edges of tag sizes (1, 2, 3 and 5 bytes). */
  private static final int[] FIELD_NUMBERS = {1, 15, 16, 2047, 2048, 262143, 536_870_911};

  private interface Writes {
    void to(CodedOutputStream out) throws IOException;
  }

  private static byte[] written(Writes writes) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    writes.to(out);
    out.flush();
    return bytes.toByteArray();
  }

  private static void assertSize(int expectedSize, Writes writes) throws IOException {
    assertEquals(expectedSize, written(writes).length);
  }

  @Test
  void sizesAreExactForEveryKindAndFieldNumber() throws IOException {
    long seed = 0xB1_75L;
    System.out.println("sizesAreExactForEveryKindAndFieldNumber seed " + seed);
    Random random = new Random(seed);
    for (int n : FIELD_NUMBERS) {
      for (int i = 0; i < 200; i++) {
        int i32 = i % 4 == 0 ? 0 : random.nextInt() >> random.nextInt(32);
        long i64 = i % 4 == 0 ? 0 : random.nextLong() >> random.nextInt(64);
        float f32 = i % 4 == 0 ? 0f : i % 4 == 1 ? -0f : random.nextFloat();
        double f64 = i % 4 == 0 ? 0d : i % 4 == 1 ? -0d : random.nextDouble();
        String text = i % 4 == 0 ? "" : "t\u00e9xt \uD83D\uDE00".substring(0, i % 8);
        ByteString bytes = ByteString.copyFrom(new byte[i % 4 == 0 ? 0 : i]);
        boolean bool = i % 2 == 1;
        assertSize(ProtoWire.boolSize(n, bool), out -> ProtoWire.writeBool(out, n, bool));
        assertSize(ProtoWire.int32Size(n, i32), out -> ProtoWire.writeInt32(out, n, i32));
        assertSize(ProtoWire.uint32Size(n, i32), out -> ProtoWire.writeUInt32(out, n, i32));
        assertSize(ProtoWire.int64Size(n, i64), out -> ProtoWire.writeInt64(out, n, i64));
        assertSize(ProtoWire.uint64Size(n, i64), out -> ProtoWire.writeUInt64(out, n, i64));
        assertSize(ProtoWire.floatSize(n, f32), out -> ProtoWire.writeFloat(out, n, f32));
        assertSize(ProtoWire.doubleSize(n, f64), out -> ProtoWire.writeDouble(out, n, f64));
        assertSize(ProtoWire.stringSize(n, text), out -> ProtoWire.writeString(out, n, text));
        assertSize(ProtoWire.bytesSize(n, bytes), out -> ProtoWire.writeBytes(out, n, bytes));
        List<Integer> ints = List.of(i32, i32 + 1, -i32);
        assertSize(
            ProtoWire.listSize(n, ValueCodec.INT32, ints),
            out -> ProtoWire.writeList(out, n, ValueCodec.INT32, ints));
        List<String> texts = List.of(text, text + "x");
        assertSize(
            ProtoWire.listSize(n, ValueCodec.STRING, texts),
            out -> ProtoWire.writeList(out, n, ValueCodec.STRING, texts));
        Map<Long, Double> map = Map.of(i64, f64);
        assertSize(
            ProtoWire.mapSize(n, ValueCodec.UINT64, ValueCodec.DOUBLE, map),
            out -> ProtoWire.writeMap(out, n, ValueCodec.UINT64, ValueCodec.DOUBLE, map));
      }
    }
  }

  @Test
  void implicitPresenceSkipsDefaultsButNotNegativeZero() throws IOException {
    assertArrayEquals(
        new byte[0],
        written(
            out -> {
              ProtoWire.writeBool(out, 1, false);
              ProtoWire.writeInt32(out, 2, 0);
              ProtoWire.writeDouble(out, 3, 0d);
              ProtoWire.writeString(out, 4, "");
              ProtoWire.writeBytes(out, 5, ByteString.EMPTY);
              ProtoWire.writeEnum(out, 6, Fruit.CODEC, Fruit.APPLE);
              ProtoWire.writeOptional(out, 7, ValueCodec.INT32, null);
              ProtoWire.writeMessage(out, 8, Node.Codec.INSTANCE, null);
              ProtoWire.writeList(out, 9, ValueCodec.INT32, List.of());
              ProtoWire.writeMap(out, 10, ValueCodec.STRING, ValueCodec.INT32, Map.of());
            }));
    assertArrayEquals(
        new byte[] {13, 0, 0, 0, (byte) 0x80}, written(out -> ProtoWire.writeFloat(out, 1, -0f)));
    assertArrayEquals(
        new byte[] {8, 0}, written(out -> ProtoWire.writeOptional(out, 1, ValueCodec.INT32, 0)));
    assertArrayEquals(
        new byte[] {8, 2}, written(out -> ProtoWire.writeEnum(out, 1, Fruit.CODEC, Fruit.PEAR)));
    assertArrayEquals(
        new byte[] {10, 0},
        written(out -> ProtoWire.writeMessage(out, 1, Node.Codec.INSTANCE, Node.leaf(0))));
  }

  @Test
  void unrecognizedEnumValuesNameTheField() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> written(out -> ProtoWire.writeEnum(out, 6, Fruit.CODEC, Fruit.UNRECOGNIZED)));
    assertEquals(
        "field 6: io.simplenet.codec.Fruit.UNRECOGNIZED cannot be encoded: it stands for a number"
            + " this schema does not know",
        e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> ProtoWire.listSize(7, Fruit.CODEC, List.of(Fruit.PEAR, Fruit.UNRECOGNIZED)));
  }

  @Test
  void listsArePackedUnlessLengthDelimited() throws IOException {
    assertArrayEquals(
        new byte[] {10, 3, 1, 2, 0},
        written(out -> ProtoWire.writeList(out, 1, ValueCodec.INT32, List.of(1, 2, 0))));
    assertArrayEquals(
        new byte[] {10, 2, 0, 2},
        written(out -> ProtoWire.writeList(out, 1, Fruit.CODEC, List.of(Fruit.APPLE, Fruit.PEAR))));
    assertArrayEquals(
        new byte[] {10, 1, 'a', 10, 0},
        written(out -> ProtoWire.writeList(out, 1, ValueCodec.STRING, List.of("a", ""))));
  }

  @Test
  void aRecordListRemembersItsPackedSizeForEachCodecApart() throws IOException {
    List<Integer> ints = RecordCollections.copyOf(List.of(-1, 300), "ints");
    // int32 writes -1 in 10 bytes, uint32 in 5; 300 takes 2 either way; then tag and length
    int int32Size = 1 + 1 + 10 + 2;
    int uint32Size = 1 + 1 + 5 + 2;
    for (int round = 0; round < 2; round++) { // the second round finds sizes already computed
      assertEquals(int32Size, ProtoWire.listSize(1, ValueCodec.INT32, ints));
      assertEquals(int32Size, ProtoWire.listSize(1, ValueCodec.INT32, ints));
      assertSize(int32Size, out -> ProtoWire.writeList(out, 1, ValueCodec.INT32, ints));
      assertEquals(uint32Size, ProtoWire.listSize(1, ValueCodec.UINT32, ints));
      assertSize(uint32Size, out -> ProtoWire.writeList(out, 1, ValueCodec.UINT32, ints));
    }
  }

  @Test
  void aRecordMapRemembersItsEntrySizesForEachCodecPairApart() throws IOException {
    Map<Integer, Integer> map = RecordCollections.copyOf(Map.of(-1, 300), "map");
    // each entry: tag and length, then key and value with their tags; -1 is 10 bytes as int32
    int asInt32 = 2 + 1 + 10 + 1 + 2;
    int asUInt32 = 2 + 1 + 5 + 1 + 2;
    for (int round = 0; round < 2; round++) { // the second round finds sizes already computed
      assertEquals(asInt32, ProtoWire.mapSize(1, ValueCodec.INT32, ValueCodec.INT32, map));
      assertSize(
          asInt32, out -> ProtoWire.writeMap(out, 1, ValueCodec.INT32, ValueCodec.INT32, map));
      assertEquals(asUInt32, ProtoWire.mapSize(1, ValueCodec.UINT32, ValueCodec.INT32, map));
      assertSize(
          asUInt32, out -> ProtoWire.writeMap(out, 1, ValueCodec.UINT32, ValueCodec.INT32, map));
    }
  }

  @Test
  void aPackedRunClaimingGigabytesFailsAsTruncatedWithoutReservingThem() {
    // field 1 packed, length 2^31 - 16 (a varint of 5 bytes), then one element of the claim
    byte[] bytes = {10, (byte) 0xF0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07, 1};
    CodedInputStream in = CodedInputStream.newInstance(bytes);
    ListBuilder<Integer> ints = new ListBuilder<>();
    assertThrows(
        IOException.class,
        () -> ProtoWire.readList(in, in.readTag(), 0, ValueCodec.INT32, ints));
  }

  @Test
  void listsReadPackedAndUnpackedRuns() throws IOException {
    // field 1: packed [1, 2], unpacked 3, an empty packed run
    CodedInputStream in = CodedInputStream.newInstance(new byte[] {10, 2, 1, 2, 8, 3, 10, 0});
    ListBuilder<Integer> ints = new ListBuilder<>();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      ProtoWire.readList(in, tag, 0, ValueCodec.INT32, ints);
    }
    assertEquals(List.of(1, 2, 3), ints.build());
    CodedInputStream fruits = CodedInputStream.newInstance(new byte[] {8, 99, 10, 1, 2});
    ListBuilder<Fruit> read = new ListBuilder<>();
    for (int tag = fruits.readTag(); tag != 0; tag = fruits.readTag()) {
      ProtoWire.readList(fruits, tag, 0, Fruit.CODEC, read);
    }
    assertEquals(List.of(Fruit.UNRECOGNIZED, Fruit.PEAR), read.build());
  }

  @Test
  void mapEntriesCarryBothKeyAndValueAndReadBackWithDefaults() throws IOException {
    Map<String, Integer> map = new LinkedHashMap<>();
    map.put("", 0);
    map.put("k", 5);
    byte[] bytes =
        written(out -> ProtoWire.writeMap(out, 1, ValueCodec.STRING, ValueCodec.INT32, map));
    assertArrayEquals(new byte[] {10, 4, 10, 0, 16, 0, 10, 5, 10, 1, 'k', 16, 5}, bytes);
    MapBuilder<String, Integer> read = new MapBuilder<>();
    // the two entries, then one with the key only, one with the value only, one with neither
    byte[] more = {10, 3, 10, 1, 'z', 10, 2, 16, 7, 10, 0};
    CodedInputStream in = CodedInputStream.newInstance(concat(bytes, more));
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      ProtoWire.readMapEntry(in, 0, ValueCodec.STRING, ValueCodec.INT32, read);
    }
    assertEquals(Map.of("", 0, "k", 5, "z", 0), read.build());
  }

  @Test
  void mapEntriesCountAsAMessageLevel() {
    MapBuilder<Integer, Node> read = new MapBuilder<>();
    CodedInputStream in = CodedInputStream.newInstance(new byte[] {10, 0});
    CodecException e =
        assertThrows(
            CodecException.class,
            () -> {
              in.readTag();
              ProtoWire.readMapEntry(
                  in,
                  Limits.MAX_DEPTH,
                  ValueCodec.INT32,
                  ValueCodec.ofMessage(Node.Codec.INSTANCE),
                  read);
            });
    assertTrue(e.getMessage().contains("nested deeper than 100"), e.getMessage());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
