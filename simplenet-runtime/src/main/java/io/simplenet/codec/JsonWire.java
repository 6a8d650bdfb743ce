package io.simplenet.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Protobuf's canonical JSON mapping of single fields, for generated codecs; each method handles one
 * field so that generated methods stay one line per field. Stateless and thread-safe.
 *
 * <p>Writers write every field that is not null, defaults included (browsers like complete
 * objects), under its JSON name. Readers take the parser positioned on the field's value; JSON
 * {@code null} stands for an absent field: the {@code read<Scalar>} methods and {@link #read}
 * return the default, the others null (or leave the collection empty).
 */
public final class JsonWire {
  private JsonWire() {}

  /** Writes {@code value} as {@code true} or {@code false}. */
  public static void writeBool(JsonGenerator out, String name, boolean value) throws IOException {
    out.writeBooleanField(name, value);
  }

  /** Writes {@code value} as a number. */
  public static void writeInt32(JsonGenerator out, String name, int value) throws IOException {
    out.writeNumberField(name, value);
  }

  /** Writes {@code value} as a string, as protobuf does for 64-bit integers. */
  public static void writeInt64(JsonGenerator out, String name, long value) throws IOException {
    out.writeStringField(name, Long.toString(value));
  }

  /** Writes the unsigned {@code value} as a number. */
  public static void writeUInt32(JsonGenerator out, String name, int value) throws IOException {
    out.writeNumberField(name, Integer.toUnsignedLong(value));
  }

  /** Writes the unsigned {@code value} as a string, as protobuf does for 64-bit integers. */
  public static void writeUInt64(JsonGenerator out, String name, long value) throws IOException {
    out.writeStringField(name, Long.toUnsignedString(value));
  }

  /** Writes {@code value} as a number, or NaN and the infinities as strings. */
  public static void writeFloat(JsonGenerator out, String name, float value) throws IOException {
    out.writeFieldName(name);
    writeFloatValue(out, value);
  }

  /** Writes {@code value} as a number, or NaN and the infinities as strings. */
  public static void writeDouble(JsonGenerator out, String name, double value) throws IOException {
    out.writeFieldName(name);
    writeDoubleValue(out, value);
  }

  static void writeFloatValue(JsonGenerator out, float value) throws IOException {
    if (Float.isFinite(value)) {
      out.writeNumber(value);
    } else {
      out.writeString(Float.toString(value)); // "NaN", "Infinity", "-Infinity"
    }
  }

  static void writeDoubleValue(JsonGenerator out, double value) throws IOException {
    if (Double.isFinite(value)) {
      out.writeNumber(value);
    } else {
      out.writeString(Double.toString(value)); // "NaN", "Infinity", "-Infinity"
    }
  }

  /**
   * Writes {@code value} unless it is null: strings, bytes, enums and optional scalars.
   *
   * @throws IllegalArgumentException naming the field if {@code value} is an enum's {@code
   *     UNRECOGNIZED}
   */
  public static <T> void write(JsonGenerator out, String name, ValueCodec<T> codec, T value)
      throws IOException {
    if (value != null) {
      try {
        out.writeFieldName(name);
        codec.writeJson(out, value);
      } catch (IllegalArgumentException e) {
        throw inField(name, e);
      }
    }
  }

  /** Writes the nested message, union or role {@code value} unless it is null. */
  public static <T> void writeMessage(
      JsonGenerator out, String name, MessageCodec<T> codec, T value) throws IOException {
    if (value != null) {
      try {
        out.writeFieldName(name);
        codec.writeJson(value, out);
      } catch (IllegalArgumentException e) {
        throw inField(name, e);
      }
    }
  }

  /** Writes {@code list} as an array, even when empty. */
  public static <T> void writeList(
      JsonGenerator out, String name, ValueCodec<T> codec, List<T> list) throws IOException {
    try {
      out.writeArrayFieldStart(name);
      for (T element : list) {
        codec.writeJson(out, element);
      }
      out.writeEndArray();
    } catch (IllegalArgumentException e) {
      throw inField(name, e);
    }
  }

  /**
   * Writes {@code map} as an object with the keys in decimal (integers) or as they are (strings).
   */
  public static <K, V> void writeMap(
      JsonGenerator out, String name, ValueCodec<K> keys, ValueCodec<V> values, Map<K, V> map)
      throws IOException {
    try {
      out.writeObjectFieldStart(name);
      for (Map.Entry<K, V> entry : FrozenMap.entriesOf(map)) {
        out.writeFieldName(keys.toJsonKey(entry.getKey()));
        values.writeJson(out, entry.getValue());
      }
      out.writeEndObject();
    } catch (IllegalArgumentException e) {
      throw inField(name, e);
    }
  }

  private static IllegalArgumentException inField(String name, IllegalArgumentException e) {
    return new IllegalArgumentException("field '" + name + "': " + e.getMessage(), e);
  }

  /**
   * Moves to the next field of the object being read and returns its name, leaving the parser on
   * the field's value; returns null at the end of the object.
   */
  public static String nextField(JsonParser in) throws IOException {
    JsonToken token = in.nextToken();
    if (token == JsonToken.END_OBJECT) {
      return null;
    }
    if (token != JsonToken.FIELD_NAME) {
      throw error(in, "expected a field name, found " + describe(in));
    }
    String name = in.currentName();
    if (in.nextToken() == null) {
      throw error(in, "unexpected end of input");
    }
    return name;
  }

  /** Skips the value of a field this version of the schema does not know. */
  public static void skipValue(JsonParser in) throws IOException {
    in.skipChildren();
  }

  /** Reads a bool, or the string {@code "true"} or {@code "false"}. */
  public static boolean readBool(JsonParser in) throws IOException {
    return !isNull(in) && ValueCodec.BOOL.readJson(in, 0);
  }

  /** Reads an {@code int32}: a number or numeric string, integral and in range. */
  public static int readInt32(JsonParser in) throws IOException {
    return isNull(in) ? 0 : (int) JsonNumbers.integer(in, JsonNumbers.IntegerRange.INT32);
  }

  /** Reads an {@code int64}: a number or numeric string, integral and in range. */
  public static long readInt64(JsonParser in) throws IOException {
    return isNull(in) ? 0L : JsonNumbers.integer(in, JsonNumbers.IntegerRange.INT64);
  }

  /** Reads an unsigned 32-bit integer into the {@code int} with the same bits. */
  public static int readUInt32(JsonParser in) throws IOException {
    return isNull(in) ? 0 : (int) JsonNumbers.integer(in, JsonNumbers.IntegerRange.UINT32);
  }

  /** Reads an unsigned 64-bit integer into the {@code long} with the same bits. */
  public static long readUInt64(JsonParser in) throws IOException {
    return isNull(in) ? 0L : JsonNumbers.integer(in, JsonNumbers.IntegerRange.UINT64);
  }

  /** Reads a {@code float}: a number, a numeric string, or NaN and the infinities as strings. */
  public static float readFloat(JsonParser in) throws IOException {
    return isNull(in) ? 0f : JsonNumbers.float32(in);
  }

  /** Reads a {@code double}: a number, a numeric string, or NaN and the infinities as strings. */
  public static double readDouble(JsonParser in) throws IOException {
    return isNull(in) ? 0d : JsonNumbers.float64(in);
  }

  /** Reads a string, bytes or enum field; {@code null} gives the default. */
  public static <T> T read(JsonParser in, int depth, ValueCodec<T> codec) throws IOException {
    return isNull(in) ? codec.absentValue(depth + 1) : codec.readJson(in, depth + 1);
  }

  /** Reads an optional scalar or enum field; {@code null} gives null. */
  public static <T> T readOptional(JsonParser in, int depth, ValueCodec<T> codec)
      throws IOException {
    return isNull(in) ? null : codec.readJson(in, depth + 1);
  }

  /**
   * Reads a nested message, union or role of the message being read at {@code depth}; {@code null}
   * gives null.
   *
   * @throws CodecException if the nested message would be deeper than {@link Limits#MAX_DEPTH}
   */
  public static <T> T readMessage(JsonParser in, int depth, MessageCodec<T> codec)
      throws IOException {
    return isNull(in) ? null : readObject(in, depth + 1, codec);
  }

  /**
   * Reads the member of a union object: {@code current} is the member read so far (null if none),
   * and a second non-null member is an error.
   */
  public static <U, M extends U> U readMember(
      JsonParser in, int depth, U current, MessageCodec<M> codec) throws IOException {
    String name = in.currentName();
    M member = readMessage(in, depth, codec);
    if (member == null) {
      return current;
    }
    if (current != null) {
      throw error(in, "a union holds one member, but '" + name + "' follows another");
    }
    return member;
  }

  /** Reads a list field, an array; {@code null} leaves {@code list} empty. */
  public static <T> void readList(
      JsonParser in, int depth, ValueCodec<T> codec, ListBuilder<T> list)
      throws IOException {
    if (isNull(in)) {
      return;
    }
    if (in.currentToken() != JsonToken.START_ARRAY) {
      throw error(in, "expected an array, found " + describe(in));
    }
    for (JsonToken token = in.nextToken(); token != JsonToken.END_ARRAY; token = in.nextToken()) {
      if (token == null) {
        throw error(in, "unexpected end of input");
      }
      if (token == JsonToken.VALUE_NULL) {
        throw error(in, "list elements cannot be null");
      }
      list.add(codec.readJson(in, depth + 1));
    }
  }

  /** Reads a map field, an object; {@code null} leaves {@code map} empty. */
  public static <K, V> void readMap(
      JsonParser in, int depth, ValueCodec<K> keys, ValueCodec<V> values, MapBuilder<K, V> map)
      throws IOException {
    if (isNull(in)) {
      return;
    }
    if (in.currentToken() != JsonToken.START_OBJECT) {
      throw error(in, "expected an object, found " + describe(in));
    }
    for (String key = nextField(in); key != null; key = nextField(in)) {
      if (isNull(in)) {
        throw error(in, "map values cannot be null");
      }
      map.put(keys.fromJsonKey(in, key), values.readJson(in, depth + 1));
    }
  }

  /** Reads a message object that is itself at {@code depth}. */
  static <T> T readObject(JsonParser in, int depth, MessageCodec<T> codec) throws IOException {
    if (in.currentToken() != JsonToken.START_OBJECT) {
      throw error(in, "expected an object, found " + describe(in));
    }
    if (depth > Limits.MAX_DEPTH) {
      throw error(in, "messages nested deeper than " + Limits.MAX_DEPTH);
    }
    return codec.readJson(in, depth);
  }

  private static boolean isNull(JsonParser in) {
    return in.currentToken() == JsonToken.VALUE_NULL;
  }

  /** A {@link CodecException} naming where in the document {@code in} is, and what is wrong. */
  static CodecException error(JsonParser in, String message) {
    String path = in.getParsingContext().pathAsPointer().toString();
    return new CodecException(
        (path.isEmpty() ? "" : path + ": ")
            + message
            + " ("
            + in.currentTokenLocation().offsetDescription()
            + ")");
  }

  /** The kind of the current token, for error messages: "a string", "an array". */
  static String describe(JsonParser in) {
    JsonToken token = in.currentToken();
    if (token == null) {
      return "the end of input";
    }
    switch (token) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "the number " + safeText(in);
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a bool";
      case VALUE_NULL:
        return "null";
      default:
        return token.toString();
    }
  }

  private static String safeText(JsonParser in) {
    try {
      return in.getText();
    } catch (IOException e) {
      return "?";
    }
  }
}
