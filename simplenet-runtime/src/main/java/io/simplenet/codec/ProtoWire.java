package io.simplenet.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Protobuf binary encoding of single fields, for generated codecs; each method handles one field so
 * that generated methods stay one line per field. Stateless and thread-safe.
 *
 * <p>Presence is proto3's: the {@code write<Scalar>}, {@link #writeString}, {@link #writeBytes} and
 * {@link #writeEnum} methods leave a field off the wire when it holds its default (implicit
 * presence; {@code -0.0} is not a default), while {@link #writeOptional} and {@link #writeMessage}
 * write any non-null value. The matching {@code ...Size} methods return exactly what the writers
 * write, tag included, or 0.
 *
 * <p>Decoding departs from protobuf in one respect: when a singular message field occurs more than
 * once, the last occurrence wins, where protobuf would merge them (as Square's Wire does). No
 * protobuf encoder produces such input, and merging immutable values costs more than it is worth.
 */
public final class ProtoWire {
  private ProtoWire() {}

  /** Writes {@code value} unless it is {@code false}. */
  public static void writeBool(CodedOutputStream out, int fieldNumber, boolean value)
      throws IOException {
    if (value) {
      out.writeBool(fieldNumber, true);
    }
  }

  /** What {@link #writeBool} writes: 0 for {@code false}. */
  public static int boolSize(int fieldNumber, boolean value) {
    return value ? CodedOutputStream.computeBoolSize(fieldNumber, true) : 0;
  }

  /** Writes {@code value} unless it is 0. */
  public static void writeInt32(CodedOutputStream out, int fieldNumber, int value)
      throws IOException {
    if (value != 0) {
      out.writeInt32(fieldNumber, value);
    }
  }

  /** What {@link #writeInt32} writes: 0 for 0. */
  public static int int32Size(int fieldNumber, int value) {
    return value != 0 ? CodedOutputStream.computeInt32Size(fieldNumber, value) : 0;
  }

  /** Writes {@code value} unless it is 0. */
  public static void writeInt64(CodedOutputStream out, int fieldNumber, long value)
      throws IOException {
    if (value != 0L) {
      out.writeInt64(fieldNumber, value);
    }
  }

  /** What {@link #writeInt64} writes: 0 for 0. */
  public static int int64Size(int fieldNumber, long value) {
    return value != 0L ? CodedOutputStream.computeInt64Size(fieldNumber, value) : 0;
  }

  /** Writes the unsigned {@code value} unless it is 0. */
  public static void writeUInt32(CodedOutputStream out, int fieldNumber, int value)
      throws IOException {
    if (value != 0) {
      out.writeUInt32(fieldNumber, value);
    }
  }

  /** What {@link #writeUInt32} writes: 0 for 0. */
  public static int uint32Size(int fieldNumber, int value) {
    return value != 0 ? CodedOutputStream.computeUInt32Size(fieldNumber, value) : 0;
  }

  /** Writes the unsigned {@code value} unless it is 0. */
  public static void writeUInt64(CodedOutputStream out, int fieldNumber, long value)
      throws IOException {
    if (value != 0L) {
      out.writeUInt64(fieldNumber, value);
    }
  }

  /** What {@link #writeUInt64} writes: 0 for 0. */
  public static int uint64Size(int fieldNumber, long value) {
    return value != 0L ? CodedOutputStream.computeUInt64Size(fieldNumber, value) : 0;
  }

  /** Writes {@code value} unless it is {@code +0.0} (by its bits, so {@code -0.0} is written). */
  public static void writeFloat(CodedOutputStream out, int fieldNumber, float value)
      throws IOException {
    if (Float.floatToRawIntBits(value) != 0) {
      out.writeFloat(fieldNumber, value);
    }
  }

  /** What {@link #writeFloat} writes: 0 for {@code +0.0}. */
  public static int floatSize(int fieldNumber, float value) {
    return Float.floatToRawIntBits(value) != 0
        ? CodedOutputStream.computeFloatSize(fieldNumber, value)
        : 0;
  }

  /** Writes {@code value} unless it is {@code +0.0} (by its bits, so {@code -0.0} is written). */
  public static void writeDouble(CodedOutputStream out, int fieldNumber, double value)
      throws IOException {
    if (Double.doubleToRawLongBits(value) != 0L) {
      out.writeDouble(fieldNumber, value);
    }
  }

  /** What {@link #writeDouble} writes: 0 for {@code +0.0}. */
  public static int doubleSize(int fieldNumber, double value) {
    return Double.doubleToRawLongBits(value) != 0L
        ? CodedOutputStream.computeDoubleSize(fieldNumber, value)
        : 0;
  }

  /** Writes {@code value} as UTF-8 unless it is empty. */
  public static void writeString(CodedOutputStream out, int fieldNumber, String value)
      throws IOException {
    if (!value.isEmpty()) {
      out.writeString(fieldNumber, value);
    }
  }

  /** What {@link #writeString} writes: 0 for {@code ""}. */
  public static int stringSize(int fieldNumber, String value) {
    return !value.isEmpty() ? CodedOutputStream.computeStringSize(fieldNumber, value) : 0;
  }

  /** Writes {@code value} unless it is empty. */
  public static void writeBytes(CodedOutputStream out, int fieldNumber, ByteString value)
      throws IOException {
    if (!value.isEmpty()) {
      out.writeBytes(fieldNumber, value);
    }
  }

  /** What {@link #writeBytes} writes: 0 when empty. */
  public static int bytesSize(int fieldNumber, ByteString value) {
    return !value.isEmpty() ? CodedOutputStream.computeBytesSize(fieldNumber, value) : 0;
  }

  /**
   * Writes {@code value}'s number unless it is 0.
   *
   * @throws IllegalArgumentException naming the field if {@code value} is {@code UNRECOGNIZED}
   */
  public static <E> void writeEnum(
      CodedOutputStream out, int fieldNumber, ValueCodec<E> codec, E value) throws IOException {
    if (!codec.isDefault(value)) {
      writeOptional(out, fieldNumber, codec, value);
    }
  }

  /** What {@link #writeEnum} writes: 0 for the value numbered 0. */
  public static <E> int enumSize(int fieldNumber, ValueCodec<E> codec, E value) {
    return !codec.isDefault(value) ? optionalSize(fieldNumber, codec, value) : 0;
  }

  /** Writes {@code value} unless it is null (explicit presence), even if it is a default. */
  public static <T> void writeOptional(
      CodedOutputStream out, int fieldNumber, ValueCodec<T> codec, T value) throws IOException {
    if (value != null) {
      try {
        out.writeTag(fieldNumber, codec.wireType());
        codec.writeNoTag(out, value);
      } catch (IllegalArgumentException e) {
        throw inField(fieldNumber, e);
      }
    }
  }

  /** What {@link #writeOptional} writes: 0 for null. */
  public static <T> int optionalSize(int fieldNumber, ValueCodec<T> codec, T value) {
    if (value == null) {
      return 0;
    }
    try {
      return CodedOutputStream.computeTagSize(fieldNumber) + codec.sizeNoTag(value);
    } catch (IllegalArgumentException e) {
      throw inField(fieldNumber, e);
    }
  }

  /** Writes the nested message, union or role {@code value} unless it is null. */
  public static <T> void writeMessage(
      CodedOutputStream out, int fieldNumber, MessageCodec<T> codec, T value) throws IOException {
    if (value != null) {
      try {
        out.writeTag(fieldNumber, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(codec.serializedSize(value));
        codec.writeTo(value, out);
      } catch (IllegalArgumentException e) {
        throw inField(fieldNumber, e);
      }
    }
  }

  /** What {@link #writeMessage} writes: 0 for null. */
  public static <T> int messageSize(int fieldNumber, MessageCodec<T> codec, T value) {
    if (value == null) {
      return 0;
    }
    try {
      int size = codec.serializedSize(value);
      return CodedOutputStream.computeTagSize(fieldNumber)
          + CodedOutputStream.computeUInt32SizeNoTag(size)
          + size;
    } catch (IllegalArgumentException e) {
      throw inField(fieldNumber, e);
    }
  }

  /** Writes the elements of {@code list}: packed for numbers, bools and enums, else one by one. */
  public static <T> void writeList(
      CodedOutputStream out, int fieldNumber, ValueCodec<T> codec, List<T> list)
      throws IOException {
    if (list.isEmpty()) {
      return;
    }
    try {
      if (codec.isPackable()) {
        out.writeTag(fieldNumber, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(FrozenList.packedDataSize(codec, list));
        for (T element : list) {
          codec.writeNoTag(out, element);
        }
      } else {
        for (T element : list) {
          out.writeTag(fieldNumber, codec.wireType());
          codec.writeNoTag(out, element);
        }
      }
    } catch (IllegalArgumentException e) {
      throw inField(fieldNumber, e);
    }
  }

  /** What {@link #writeList} writes: 0 when empty. */
  public static <T> int listSize(int fieldNumber, ValueCodec<T> codec, List<T> list) {
    if (list.isEmpty()) {
      return 0;
    }
    try {
      int tagSize = CodedOutputStream.computeTagSize(fieldNumber);
      if (codec.isPackable()) {
        int dataSize = FrozenList.packedDataSize(codec, list);
        return tagSize + CodedOutputStream.computeUInt32SizeNoTag(dataSize) + dataSize;
      }
      int size = tagSize * list.size();
      for (T element : list) {
        size += codec.sizeNoTag(element);
      }
      return size;
    } catch (IllegalArgumentException e) {
      throw inField(fieldNumber, e);
    }
  }

  /** Writes each entry of {@code map} as a message with the key in field 1 and the value in 2. */
  public static <K, V> void writeMap(
      CodedOutputStream out,
      int fieldNumber,
      ValueCodec<K> keys,
      ValueCodec<V> values,
      Map<K, V> map)
      throws IOException {
    try {
      int[] entrySizes = FrozenMap.entrySizes(keys, values, map);
      int i = 0;
      for (Map.Entry<K, V> entry : FrozenMap.entriesOf(map)) {
        out.writeTag(fieldNumber, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(entrySizes[i++]);
        out.writeTag(1, keys.wireType());
        keys.writeNoTag(out, entry.getKey());
        out.writeTag(2, values.wireType());
        values.writeNoTag(out, entry.getValue());
      }
    } catch (IllegalArgumentException e) {
      throw inField(fieldNumber, e);
    }
  }

  /** What {@link #writeMap} writes: 0 when empty. */
  public static <K, V> int mapSize(
      int fieldNumber, ValueCodec<K> keys, ValueCodec<V> values, Map<K, V> map) {
    try {
      int size = CodedOutputStream.computeTagSize(fieldNumber) * map.size();
      for (int entrySize : FrozenMap.entrySizes(keys, values, map)) {
        size += CodedOutputStream.computeUInt32SizeNoTag(entrySize) + entrySize;
      }
      return size;
    } catch (IllegalArgumentException e) {
      throw inField(fieldNumber, e);
    }
  }

  /** Both key and value are written, defaults included, as protobuf's own map encoders do. */
  static <K, V> int entrySize(
      ValueCodec<K> keys, ValueCodec<V> values, Map.Entry<K, V> entry) {
    return CodedOutputStream.computeTagSize(1)
        + keys.sizeNoTag(entry.getKey())
        + CodedOutputStream.computeTagSize(2)
        + values.sizeNoTag(entry.getValue());
  }

  private static IllegalArgumentException inField(int fieldNumber, IllegalArgumentException e) {
    return new IllegalArgumentException("field " + fieldNumber + ": " + e.getMessage(), e);
  }

  /**
   * Reads a nested message, union or role of the message being read at {@code depth}.
   *
   * @throws CodecException if the nested message would be deeper than {@link Limits#MAX_DEPTH}
   */
  public static <T> T readMessage(CodedInputStream in, int depth, MessageCodec<T> codec)
      throws IOException {
    return readLengthDelimited(in, depth + 1, codec);
  }

  /** Reads a length-delimited message that is itself at {@code depth}. */
  static <T> T readLengthDelimited(CodedInputStream in, int depth, MessageCodec<T> codec)
      throws IOException {
    checkDepth(depth);
    int oldLimit = in.pushLimit(in.readRawVarint32());
    T value = codec.readFrom(in, depth);
    popLimit(in, oldLimit);
    return value;
  }

  /**
   * Reads one occurrence of a list field of the message being read at {@code depth}: a packed run
   * of elements if {@code tag} is length-delimited and the elements are packable, else one element.
   */
  public static <T> void readList(
      CodedInputStream in, int tag, int depth, ValueCodec<T> codec, ListBuilder<T> list)
      throws IOException {
    if (codec.isPackable()
        && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
      int oldLimit = in.pushLimit(in.readRawVarint32());
      // The length bounds the element count; ListBuilder caps what a false length can reserve.
      list.reserve(in.getBytesUntilLimit() / codec.minSizeNoTag());
      while (in.getBytesUntilLimit() > 0) {
        list.add(codec.read(in, depth + 1));
      }
      in.popLimit(oldLimit);
    } else {
      list.add(codec.read(in, depth + 1));
    }
  }

  /**
   * Reads one entry of a map field of the message being read at {@code depth}. A missing key or
   * value takes its default; a repeated key replaces the earlier value.
   */
  public static <K, V> void readMapEntry(
      CodedInputStream in,
      int depth,
      ValueCodec<K> keys,
      ValueCodec<V> values,
      MapBuilder<K, V> map)
      throws IOException {
    int entryDepth = depth + 1; // protobuf counts the entry as a message
    checkDepth(entryDepth);
    int oldLimit = in.pushLimit(in.readRawVarint32());
    int keyTag = tag(1, keys.wireType());
    int valueTag = tag(2, values.wireType());
    K key = null;
    V value = null;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag == keyTag) {
        key = keys.read(in, entryDepth + 1);
      } else if (tag == valueTag) {
        value = values.read(in, entryDepth + 1);
      } else {
        skipField(in, tag);
      }
    }
    popLimit(in, oldLimit);
    map.put(
        key != null ? key : keys.absentValue(entryDepth + 1),
        value != null ? value : values.absentValue(entryDepth + 1));
  }

  /**
   * Skips a field this version of the schema does not know.
   *
   * @throws CodecException at an end-group tag without its start
   */
  public static void skipField(CodedInputStream in, int tag) throws IOException {
    if (!in.skipField(tag)) {
      throw new CodecException(
          "end-group tag without a start, field " + WireFormat.getTagFieldNumber(tag));
    }
  }

  /** The tag of a field, as protobuf's package-private {@code WireFormat.makeTag}. */
  private static int tag(int fieldNumber, int wireType) {
    return fieldNumber << 3 | wireType;
  }

  private static void checkDepth(int depth) {
    if (depth > Limits.MAX_DEPTH) {
      throw new CodecException("messages nested deeper than " + Limits.MAX_DEPTH);
    }
  }

  /** Leaves a nested message, which must have used exactly its declared length. */
  private static void popLimit(CodedInputStream in, int oldLimit) {
    int missing = in.getBytesUntilLimit();
    if (missing != 0) {
      throw new CodecException("nested message ends " + missing + " bytes before its length");
    }
    in.popLimit(oldLimit);
  }
}
