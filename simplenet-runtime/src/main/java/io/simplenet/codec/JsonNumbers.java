package io.simplenet.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Numbers in protobuf's JSON mapping: JSON numbers or strings holding them, exponents allowed,
 * integers exact and in range. Work is bounded by the text's length, never by its exponent ({@code
 * 1e999999999} is rejected without computing it).
 */
final class JsonNumbers {
  private JsonNumbers() {}

  /** The integer types and their ranges. */
  enum IntegerRange {
    INT32("int32", Integer.MIN_VALUE, Integer.MAX_VALUE),
    UINT32("uint32", 0, 0xFFFF_FFFFL),
    INT64("int64", Long.MIN_VALUE, Long.MAX_VALUE),
    UINT64("uint64", BigInteger.ZERO, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));

    /** More decimal digits than any value in any range has. */
    private static final int MAX_DIGITS = 20;

    /** Plain decimals this short always fit in a {@code long}. */
    private static final int MAX_FAST_LENGTH = 18;

    private final String typeName;
    private final BigInteger min;
    private final BigInteger max;

    /** The range clipped to {@code long}, for the fast path. */
    private final long minLong;

    private final long maxLong;

    IntegerRange(String typeName, long min, long max) {
      this(typeName, BigInteger.valueOf(min), BigInteger.valueOf(max));
    }

    IntegerRange(String typeName, BigInteger min, BigInteger max) {
      this.typeName = typeName;
      this.min = min;
      this.max = max;
      this.minLong = min.max(BigInteger.valueOf(Long.MIN_VALUE)).longValueExact();
      this.maxLong = max.min(BigInteger.valueOf(Long.MAX_VALUE)).longValueExact();
    }

    @Override
    public String toString() {
      return typeName;
    }
  }

  /**
   * The integer at the parser's current token, a JSON number or a string. A {@code uint64} above
   * {@code Long.MAX_VALUE} comes back as the {@code long} with the same bits.
   */
  static long integer(JsonParser in, IntegerRange range) throws IOException {
    JsonToken token = in.currentToken();
    if (token != JsonToken.VALUE_NUMBER_INT
        && token != JsonToken.VALUE_NUMBER_FLOAT
        && token != JsonToken.VALUE_STRING) {
      throw JsonWire.error(in, "expected " + range + ", found " + JsonWire.describe(in));
    }
    return integer(in, in.getText(), range);
  }

  /** The integer {@code text} holds; errors are reported at the parser's current location. */
  static long integer(JsonParser in, String text, IntegerRange range) {
    try {
      return parseInteger(text, range);
    } catch (NumberFormatException e) {
      throw JsonWire.error(in, e.getMessage());
    }
  }

  /** The integer {@code text} holds, or null if it holds none in {@code range}. */
  static Long integerOrNull(String text, IntegerRange range) {
    try {
      return parseInteger(text, range);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * @throws NumberFormatException with a message fit for the user
   */
  private static long parseInteger(String text, IntegerRange range) {
    checkLength(text, range);
    if (text.length() <= IntegerRange.MAX_FAST_LENGTH && isPlainInteger(text)) {
      long value = Long.parseLong(text);
      if (value < range.minLong || value > range.maxLong) {
        throw outOfRange(text, range);
      }
      return value;
    }
    BigDecimal decimal = parseDecimal(text);
    if (decimal.signum() == 0) {
      return 0L; // rescaling 0e-999999999 would compute 10^999999999
    }
    decimal = decimal.stripTrailingZeros(); // bounded by the digits, not the exponent
    if (decimal.scale() > 0) {
      throw new NumberFormatException(range + " must be an integer: " + text);
    }
    if ((long) decimal.precision() - decimal.scale() > IntegerRange.MAX_DIGITS) { // no overflow
      throw outOfRange(text, range);
    }
    BigInteger value = decimal.toBigIntegerExact();
    if (value.compareTo(range.min) < 0 || value.compareTo(range.max) > 0) {
      throw outOfRange(text, range);
    }
    return value.longValue(); // for uint64 above Long.MAX_VALUE: the same 64 bits
  }

  private static boolean isPlainInteger(String text) {
    int start = text.startsWith("-") ? 1 : 0;
    if (start == text.length()) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static NumberFormatException outOfRange(String text, IntegerRange range) {
    return new NumberFormatException(
        range + " out of range [" + range.min + ", " + range.max + "]: " + text);
  }

  /** The {@code float} at the parser's current token: a number, a numeric string, or a special. */
  static float float32(JsonParser in) throws IOException {
    String text = floatingText(in, "float");
    float value = Float.parseFloat(text);
    if (Float.isInfinite(value) && !isSpecial(text)) { // finite text beyond the range
      throw JsonWire.error(in, "float out of range: " + text);
    }
    return value;
  }

  /** The {@code double} at the parser's current token: a number, a numeric string, or a special. */
  static double float64(JsonParser in) throws IOException {
    String text = floatingText(in, "double");
    double value = Double.parseDouble(text);
    if (Double.isInfinite(value) && !isSpecial(text)) {
      throw JsonWire.error(in, "double out of range: " + text);
    }
    return value;
  }

  /**
   * The text of a floating-point value, validated: Java's parsers alone would accept hexadecimal,
   * suffixes such as {@code 1d} and surrounding spaces.
   */
  private static String floatingText(JsonParser in, String typeName) throws IOException {
    JsonToken token = in.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      return in.getText(); // already valid JSON number syntax
    }
    if (token != JsonToken.VALUE_STRING) {
      throw JsonWire.error(in, "expected " + typeName + ", found " + JsonWire.describe(in));
    }
    String text = in.getText();
    if (!isSpecial(text)) {
      try {
        checkLength(text, typeName);
        parseDecimal(text);
      } catch (NumberFormatException e) {
        throw JsonWire.error(in, e.getMessage());
      }
    }
    return text;
  }

  /** The values protobuf's JSON mapping writes as strings. */
  private static boolean isSpecial(String text) {
    return text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity");
  }

  private static void checkLength(String text, Object typeName) {
    if (text.length() > Limits.MAX_JSON_NUMBER_LENGTH) {
      throw new NumberFormatException(
          typeName + " longer than " + Limits.MAX_JSON_NUMBER_LENGTH + " characters");
    }
  }

  private static BigDecimal parseDecimal(String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new NumberFormatException("not a number: \"" + text + "\"");
    }
  }
}
