package io.simplenet.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.Base64;

/**
 * The {@link ValueCodec}s of the schema's scalar types; the public constants live in {@link
 * ValueCodec}.
 */
final class ScalarCodecs {
  private ScalarCodecs() {}

  static final class Bool extends ValueCodec<Boolean> {
    @Override
    int wireType() {
      return WireFormat.WIRETYPE_VARINT;
    }

    @Override
    boolean isDefault(Boolean value) {
      return !value;
    }

    @Override
    Boolean absentValue(int depth) {
      return false;
    }

    @Override
    int sizeNoTag(Boolean value) {
      return 1;
    }

    @Override
    void writeNoTag(CodedOutputStream out, Boolean value) throws IOException {
      out.writeBoolNoTag(value);
    }

    @Override
    Boolean read(CodedInputStream in, int depth) throws IOException {
      return in.readBool();
    }

    @Override
    void writeJson(JsonGenerator out, Boolean value) throws IOException {
      out.writeBoolean(value);
    }

    @Override
    Boolean readJson(JsonParser in, int depth) throws IOException {
      JsonToken token = in.currentToken();
      // protobuf's JsonFormat also accepts the strings "true" and "false".
      if (token == JsonToken.VALUE_TRUE
          || (token == JsonToken.VALUE_STRING && in.getText().equals("true"))) {
        return true;
      }
      if (token == JsonToken.VALUE_FALSE
          || (token == JsonToken.VALUE_STRING && in.getText().equals("false"))) {
        return false;
      }
      throw JsonWire.error(in, "expected a bool, found " + JsonWire.describe(in));
    }

    @Override
    public String toString() {
      return "bool";
    }
  }

  /** The integer kinds: varints, 0 by default, JSON numbers or strings within a range. */
  private abstract static class IntegerCodec<T extends Number> extends ValueCodec<T> {
    private final JsonNumbers.IntegerRange range;

    IntegerCodec(JsonNumbers.IntegerRange range) {
      this.range = range;
    }

    /** The value whose bits {@code value} holds: {@code uint32} as an {@code int}, and so on. */
    abstract T fromLong(long value);

    @Override
    final int wireType() {
      return WireFormat.WIRETYPE_VARINT;
    }

    @Override
    final boolean isDefault(T value) {
      return value.longValue() == 0L;
    }

    @Override
    final T absentValue(int depth) {
      return fromLong(0L);
    }

    @Override
    final T readJson(JsonParser in, int depth) throws IOException {
      return fromLong(JsonNumbers.integer(in, range));
    }

    @Override
    final T fromJsonKey(JsonParser in, String key) {
      return fromLong(JsonNumbers.integer(in, key, range));
    }

    @Override
    public final String toString() {
      return range.toString();
    }
  }

  static final class Int32 extends IntegerCodec<Integer> {
    Int32() {
      super(JsonNumbers.IntegerRange.INT32);
    }

    @Override
    Integer fromLong(long value) {
      return (int) value;
    }

    @Override
    int sizeNoTag(Integer value) {
      return CodedOutputStream.computeInt32SizeNoTag(value);
    }

    @Override
    void writeNoTag(CodedOutputStream out, Integer value) throws IOException {
      out.writeInt32NoTag(value);
    }

    @Override
    Integer read(CodedInputStream in, int depth) throws IOException {
      return in.readInt32();
    }

    @Override
    void writeJson(JsonGenerator out, Integer value) throws IOException {
      out.writeNumber(value);
    }

    @Override
    String toJsonKey(Integer key) {
      return Integer.toString(key);
    }
  }

  static final class UInt32 extends IntegerCodec<Integer> {
    UInt32() {
      super(JsonNumbers.IntegerRange.UINT32);
    }

    @Override
    Integer fromLong(long value) {
      return (int) value;
    }

    @Override
    int sizeNoTag(Integer value) {
      return CodedOutputStream.computeUInt32SizeNoTag(value);
    }

    @Override
    void writeNoTag(CodedOutputStream out, Integer value) throws IOException {
      out.writeUInt32NoTag(value);
    }

    @Override
    Integer read(CodedInputStream in, int depth) throws IOException {
      return in.readUInt32();
    }

    @Override
    void writeJson(JsonGenerator out, Integer value) throws IOException {
      out.writeNumber(Integer.toUnsignedLong(value));
    }

    @Override
    String toJsonKey(Integer key) {
      return Integer.toUnsignedString(key);
    }
  }

  /** 64-bit integers, written as JSON strings as protobuf does. */
  static final class Int64 extends IntegerCodec<Long> {
    Int64() {
      super(JsonNumbers.IntegerRange.INT64);
    }

    @Override
    Long fromLong(long value) {
      return value;
    }

    @Override
    int sizeNoTag(Long value) {
      return CodedOutputStream.computeInt64SizeNoTag(value);
    }

    @Override
    void writeNoTag(CodedOutputStream out, Long value) throws IOException {
      out.writeInt64NoTag(value);
    }

    @Override
    Long read(CodedInputStream in, int depth) throws IOException {
      return in.readInt64();
    }

    @Override
    void writeJson(JsonGenerator out, Long value) throws IOException {
      out.writeString(toJsonKey(value));
    }

    @Override
    String toJsonKey(Long key) {
      return Long.toString(key);
    }
  }

  /** Unsigned 64-bit integers, written as JSON strings as protobuf does. */
  static final class UInt64 extends IntegerCodec<Long> {
    UInt64() {
      super(JsonNumbers.IntegerRange.UINT64);
    }

    @Override
    Long fromLong(long value) {
      return value;
    }

    @Override
    int sizeNoTag(Long value) {
      return CodedOutputStream.computeUInt64SizeNoTag(value);
    }

    @Override
    void writeNoTag(CodedOutputStream out, Long value) throws IOException {
      out.writeUInt64NoTag(value);
    }

    @Override
    Long read(CodedInputStream in, int depth) throws IOException {
      return in.readUInt64();
    }

    @Override
    void writeJson(JsonGenerator out, Long value) throws IOException {
      out.writeString(toJsonKey(value));
    }

    @Override
    String toJsonKey(Long key) {
      return Long.toUnsignedString(key);
    }
  }

  static final class Float32 extends ValueCodec<Float> {
    @Override
    int wireType() {
      return WireFormat.WIRETYPE_FIXED32;
    }

    @Override
    boolean isDefault(Float value) {
      // -0.0 is not the default: its bits differ, and protobuf writes it.
      return Float.floatToRawIntBits(value) == 0;
    }

    @Override
    Float absentValue(int depth) {
      return 0f;
    }

    @Override
    int sizeNoTag(Float value) {
      return Float.BYTES;
    }

    @Override
    void writeNoTag(CodedOutputStream out, Float value) throws IOException {
      out.writeFloatNoTag(value);
    }

    @Override
    Float read(CodedInputStream in, int depth) throws IOException {
      return in.readFloat();
    }

    @Override
    void writeJson(JsonGenerator out, Float value) throws IOException {
      JsonWire.writeFloatValue(out, value);
    }

    @Override
    Float readJson(JsonParser in, int depth) throws IOException {
      return JsonNumbers.float32(in);
    }

    @Override
    public String toString() {
      return "float";
    }
  }

  static final class Float64 extends ValueCodec<Double> {
    @Override
    int wireType() {
      return WireFormat.WIRETYPE_FIXED64;
    }

    @Override
    boolean isDefault(Double value) {
      return Double.doubleToRawLongBits(value) == 0L;
    }

    @Override
    Double absentValue(int depth) {
      return 0d;
    }

    @Override
    int sizeNoTag(Double value) {
      return Double.BYTES;
    }

    @Override
    void writeNoTag(CodedOutputStream out, Double value) throws IOException {
      out.writeDoubleNoTag(value);
    }

    @Override
    Double read(CodedInputStream in, int depth) throws IOException {
      return in.readDouble();
    }

    @Override
    void writeJson(JsonGenerator out, Double value) throws IOException {
      JsonWire.writeDoubleValue(out, value);
    }

    @Override
    Double readJson(JsonParser in, int depth) throws IOException {
      return JsonNumbers.float64(in);
    }

    @Override
    public String toString() {
      return "double";
    }
  }

  static final class Text extends ValueCodec<String> {
    @Override
    int wireType() {
      return WireFormat.WIRETYPE_LENGTH_DELIMITED;
    }

    @Override
    boolean isDefault(String value) {
      return value.isEmpty();
    }

    @Override
    String absentValue(int depth) {
      return "";
    }

    @Override
    int sizeNoTag(String value) {
      return CodedOutputStream.computeStringSizeNoTag(value);
    }

    @Override
    void writeNoTag(CodedOutputStream out, String value) throws IOException {
      out.writeStringNoTag(value);
    }

    @Override
    String read(CodedInputStream in, int depth) throws IOException {
      return in.readStringRequireUtf8();
    }

    @Override
    void writeJson(JsonGenerator out, String value) throws IOException {
      out.writeString(value);
    }

    @Override
    String readJson(JsonParser in, int depth) throws IOException {
      if (in.currentToken() != JsonToken.VALUE_STRING) {
        throw JsonWire.error(in, "expected a string, found " + JsonWire.describe(in));
      }
      return in.getText();
    }

    @Override
    String toJsonKey(String key) {
      return key;
    }

    @Override
    String fromJsonKey(JsonParser in, String key) {
      return key;
    }

    @Override
    public String toString() {
      return "string";
    }
  }

  static final class Blob extends ValueCodec<ByteString> {
    @Override
    int wireType() {
      return WireFormat.WIRETYPE_LENGTH_DELIMITED;
    }

    @Override
    boolean isDefault(ByteString value) {
      return value.isEmpty();
    }

    @Override
    ByteString absentValue(int depth) {
      return ByteString.EMPTY;
    }

    @Override
    int sizeNoTag(ByteString value) {
      return CodedOutputStream.computeBytesSizeNoTag(value);
    }

    @Override
    void writeNoTag(CodedOutputStream out, ByteString value) throws IOException {
      out.writeBytesNoTag(value);
    }

    @Override
    ByteString read(CodedInputStream in, int depth) throws IOException {
      return in.readBytes();
    }

    @Override
    void writeJson(JsonGenerator out, ByteString value) throws IOException {
      out.writeString(Base64.getEncoder().encodeToString(value.toByteArray()));
    }

    @Override
    ByteString readJson(JsonParser in, int depth) throws IOException {
      if (in.currentToken() != JsonToken.VALUE_STRING) {
        throw JsonWire.error(in, "expected a base64 string, found " + JsonWire.describe(in));
      }
      String text = in.getText();
      // Standard or URL-safe alphabet, padded or not: the decoders accept missing padding.
      boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
      try {
        return ByteString.copyFrom(
            (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text));
      } catch (IllegalArgumentException e) {
        throw JsonWire.error(in, "invalid base64: " + e.getMessage());
      }
    }

    @Override
    public String toString() {
      return "bytes";
    }
  }
}
