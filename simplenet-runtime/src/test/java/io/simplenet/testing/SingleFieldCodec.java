package io.simplenet.testing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.simplenet.codec.CodecException;
import io.simplenet.codec.Limits;
import io.simplenet.codec.MessageCodec;
import java.io.IOException;
import java.util.function.Function;

/**
 * A hand-written {@link MessageCodec} for a record with one field, number 1: a {@code uint64}
 * ({@code long}, unsigned) or a {@code string}, as generated code would encode it (proto3: the
 * default value is left out; JSON writes uint64 as a string and reads a string or a number).
 */
final class SingleFieldCodec<T, F> implements MessageCodec<T> {
  private static final int FIELD = 1;

  private final String protoName;
  private final Class<T> javaType;
  private final String jsonName;
  private final boolean isString;
  private final Function<F, T> make;
  private final Function<T, F> field;

  private SingleFieldCodec(
      String protoName,
      Class<T> javaType,
      String jsonName,
      boolean isString,
      Function<F, T> make,
      Function<T, F> field) {
    this.protoName = protoName;
    this.javaType = javaType;
    this.jsonName = jsonName;
    this.isString = isString;
    this.make = make;
    this.field = field;
  }

  static <T> SingleFieldCodec<T, Long> uint64(
      String protoName, Class<T> javaType, Function<Long, T> make, Function<T, Long> value) {
    return new SingleFieldCodec<>(protoName, javaType, "value", false, make, value);
  }

  static <T> SingleFieldCodec<T, String> string(
      String protoName, Class<T> javaType, Function<String, T> make, Function<T, String> text) {
    return new SingleFieldCodec<>(protoName, javaType, "text", true, make, text);
  }

  @Override
  public String protoName() {
    return protoName;
  }

  @Override
  public Class<T> javaType() {
    return javaType;
  }

  @Override
  public void writeTo(T value, CodedOutputStream out) throws IOException {
    F f = field.apply(value);
    if (isDefault(f)) {
      return;
    }
    if (isString) {
      out.writeString(FIELD, (String) f);
    } else {
      out.writeUInt64(FIELD, (Long) f);
    }
  }

  @Override
  public int serializedSize(T value) {
    F f = field.apply(value);
    if (isDefault(f)) {
      return 0;
    }
    return isString
        ? CodedOutputStream.computeStringSize(FIELD, (String) f)
        : CodedOutputStream.computeUInt64Size(FIELD, (Long) f);
  }

  @Override
  public T readFrom(CodedInputStream in, int depth) throws IOException {
    checkDepth(depth);
    Object f = isString ? "" : (Object) 0L;
    int expectedType = isString ? WireFormat.WIRETYPE_LENGTH_DELIMITED : WireFormat.WIRETYPE_VARINT;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag == (FIELD << 3 | expectedType)) {
        f = isString ? in.readStringRequireUtf8() : (Object) in.readUInt64();
      } else {
        in.skipField(tag);
      }
    }
    return make.apply(cast(f));
  }

  @Override
  public void writeJson(T value, JsonGenerator out) throws IOException {
    out.writeStartObject();
    F f = field.apply(value);
    if (!isDefault(f)) {
      out.writeStringField(
          jsonName, isString ? (String) f : Long.toUnsignedString((Long) f));
    }
    out.writeEndObject();
  }

  @Override
  public T readJson(JsonParser in, int depth) throws IOException {
    checkDepth(depth);
    Object f = isString ? "" : (Object) 0L;
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String name = in.currentName();
      JsonToken token = in.nextToken();
      if (!name.equals(jsonName)) {
        in.skipChildren();
      } else if (isString && token == JsonToken.VALUE_STRING) {
        f = in.getText();
      } else if (!isString
          && (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT)) {
        f = parseUInt64(in.getText());
      } else {
        throw new CodecException(protoName + "." + jsonName + ": unexpected " + token);
      }
    }
    return make.apply(cast(f));
  }

  private static long parseUInt64(String text) {
    try {
      if (text.startsWith("+") || text.startsWith("-")) {
        throw new NumberFormatException("signed");
      }
      return Long.parseUnsignedLong(text);
    } catch (NumberFormatException e) {
      throw new CodecException("not a uint64: \"" + text + "\"", e);
    }
  }

  private boolean isDefault(F f) {
    return isString ? ((String) f).isEmpty() : (Long) f == 0L;
  }

  private void checkDepth(int depth) {
    if (depth > Limits.MAX_DEPTH) {
      throw new CodecException(protoName + " nested deeper than " + Limits.MAX_DEPTH);
    }
  }

  @SuppressWarnings("unchecked")
  private F cast(Object f) {
    return (F) f;
  }
}
