package io.simplenet.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * How one kind of value (a scalar, an enum or a message) is encoded where it is not a whole
 * message: as a list element, a map key or value, or an {@code optional} field. For generated code,
 * which passes these to {@link ProtoWire} and {@link JsonWire}; the encoding methods are internal.
 *
 * <p>Instances are immutable and thread-safe.
 */
public abstract class ValueCodec<T> {
  /** {@code bool}. */
  public static final ValueCodec<Boolean> BOOL = new ScalarCodecs.Bool();

  /** {@code int32}. */
  public static final ValueCodec<Integer> INT32 = new ScalarCodecs.Int32();

  /** {@code int64}. */
  public static final ValueCodec<Long> INT64 = new ScalarCodecs.Int64();

  /** {@code uint32}, carried in a Java {@code int}. */
  public static final ValueCodec<Integer> UINT32 = new ScalarCodecs.UInt32();

  /** {@code uint64}, carried in a Java {@code long}. */
  public static final ValueCodec<Long> UINT64 = new ScalarCodecs.UInt64();

  /** {@code float}. */
  public static final ValueCodec<Float> FLOAT = new ScalarCodecs.Float32();

  /** {@code double}. */
  public static final ValueCodec<Double> DOUBLE = new ScalarCodecs.Float64();

  /** {@code string}. */
  public static final ValueCodec<String> STRING = new ScalarCodecs.Text();

  /** {@code bytes}. */
  public static final ValueCodec<ByteString> BYTES = new ScalarCodecs.Blob();

  ValueCodec() {}

  /**
   * A generated enum: its schema constants, {@code UNRECOGNIZED}, {@code number()} and {@code
   * forNumber(int)}.
   */
  public static <E extends Enum<E>> ValueCodec<E> ofEnum(
      Class<E> type, ToIntFunction<E> number, IntFunction<E> forNumber) {
    return new EnumCodec<>(type, number, forNumber);
  }

  /** A generated message, union or role, nested in a field. */
  public static <T> ValueCodec<T> ofMessage(MessageCodec<T> codec) {
    return new MessageValueCodec<>(codec);
  }

  /** The protobuf wire type of one value: varint, fixed32, fixed64 or length-delimited. */
  abstract int wireType();

  /** Whether lists of this kind are written packed (every kind but length-delimited ones). */
  final boolean isPackable() {
    return wireType() != com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED;
  }

  /** The fewest bytes one packed value takes: its width if fixed, else a varint's one byte. */
  final int minSizeNoTag() {
    return switch (wireType()) {
      case com.google.protobuf.WireFormat.WIRETYPE_FIXED32 -> Integer.BYTES;
      case com.google.protobuf.WireFormat.WIRETYPE_FIXED64 -> Long.BYTES;
      default -> 1;
    };
  }

  /** Whether {@code value} is the kind's default, which implicit presence leaves off the wire. */
  abstract boolean isDefault(T value);

  /**
   * The value an absent map key or value stands for. {@code depth} is the depth the value would
   * have been read at; only messages need it.
   */
  abstract T absentValue(int depth) throws IOException;

  /** Bytes {@link #writeNoTag} writes, the length prefix of length-delimited kinds included. */
  abstract int sizeNoTag(T value);

  abstract void writeNoTag(CodedOutputStream out, T value) throws IOException;

  /** Reads one value; {@code depth} counts the messages enclosing it. */
  abstract T read(CodedInputStream in, int depth) throws IOException;

  abstract void writeJson(JsonGenerator out, T value) throws IOException;

  /**
   * Reads one value whose first token is the parser's current token, which is not {@code null};
   * {@code depth} counts the messages enclosing it.
   */
  abstract T readJson(JsonParser in, int depth) throws IOException;

  /** The JSON object key of a map key; only string and integer kinds are map keys. */
  String toJsonKey(T key) {
    throw new UnsupportedOperationException(this + " is not a map key kind");
  }

  /** Parses a JSON object key back into a map key. */
  T fromJsonKey(JsonParser in, String key) throws IOException {
    throw new UnsupportedOperationException(this + " is not a map key kind");
  }
}
