package io.simplenet.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * A generated enum as a {@link ValueCodec}: an {@code int32} varint on the wire, its name in JSON.
 * Numbers and names are looked up once, here, so encoding never calls {@code number()} on {@code
 * UNRECOGNIZED}.
 */
final class EnumCodec<E extends Enum<E>> extends ValueCodec<E> {
  /** The constant every generated enum has for numbers its schema does not know. */
  private static final String UNRECOGNIZED = "UNRECOGNIZED";

  private final Class<E> type;
  private final IntFunction<E> forNumber;
  private final E unrecognized;

  /** Indexed by ordinal; unused for {@code UNRECOGNIZED}. */
  private final int[] numbers;

  private final Map<String, E> byName = new HashMap<>();

  EnumCodec(Class<E> type, ToIntFunction<E> number, IntFunction<E> forNumber) {
    this.type = type;
    this.forNumber = forNumber;
    this.unrecognized = Enum.valueOf(type, UNRECOGNIZED);
    E[] constants = type.getEnumConstants();
    this.numbers = new int[constants.length];
    for (E constant : constants) {
      if (constant != unrecognized) {
        numbers[constant.ordinal()] = number.applyAsInt(constant);
        byName.put(constant.name(), constant);
      }
    }
  }

  /** The schema number of {@code value}; {@code UNRECOGNIZED} has none. */
  private int number(E value) {
    if (value == unrecognized) {
      throw new IllegalArgumentException(
          type.getName()
              + ".UNRECOGNIZED cannot be encoded: it stands for a number this schema"
              + " does not know");
    }
    return numbers[value.ordinal()];
  }

  @Override
  int wireType() {
    return WireFormat.WIRETYPE_VARINT;
  }

  @Override
  boolean isDefault(E value) {
    return value != unrecognized && numbers[value.ordinal()] == 0;
  }

  @Override
  E absentValue(int depth) {
    return forNumber.apply(0);
  }

  @Override
  int sizeNoTag(E value) {
    return CodedOutputStream.computeEnumSizeNoTag(number(value));
  }

  @Override
  void writeNoTag(CodedOutputStream out, E value) throws IOException {
    out.writeEnumNoTag(number(value));
  }

  @Override
  E read(CodedInputStream in, int depth) throws IOException {
    return forNumber.apply(in.readEnum());
  }

  @Override
  void writeJson(JsonGenerator out, E value) throws IOException {
    number(value); // rejects UNRECOGNIZED, which has no name to write
    out.writeString(value.name());
  }

  @Override
  E readJson(JsonParser in, int depth) throws IOException {
    JsonToken token = in.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      E byNameValue = byName.get(in.getText());
      if (byNameValue != null) {
        return byNameValue;
      }
      // As protobuf's JsonFormat: a string that is not a name may still be a number.
      Long number = JsonNumbers.integerOrNull(in.getText(), JsonNumbers.IntegerRange.INT32);
      return number != null ? forNumber.apply(number.intValue()) : unrecognized;
    }
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      return forNumber.apply((int) JsonNumbers.integer(in, JsonNumbers.IntegerRange.INT32));
    }
    throw JsonWire.error(
        in, "expected a " + type.getName() + " name or number, found " + JsonWire.describe(in));
  }

  @Override
  public String toString() {
    return type.getName();
  }
}
