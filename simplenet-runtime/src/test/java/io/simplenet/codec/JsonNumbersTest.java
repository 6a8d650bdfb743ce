package io.simplenet.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers in protobuf's JSON mapping, parsed by {@link JsonNumbers}. */
@Timeout(10)
class JsonNumbersTest {
  /** A parser on the value of {@code {"v": <value>}}. */
  private static JsonParser at(String value) throws IOException {
    JsonParser in = Codecs.JSON.createParser("{\"v\":" + value + "}");
    in.nextToken();
    JsonWire.nextField(in);
    return in;
  }

  private static long integer(String value, JsonNumbers.IntegerRange range) throws IOException {
    return JsonNumbers.integer(at(value), range);
  }

  @ParameterizedTest
  @CsvSource({
    "0, INT32, 0",
    "-0, INT32, 0",
    "2147483647, INT32, 2147483647",
    "-2147483648, INT32, -2147483648",
    "'\"-2147483648\"', INT32, -2147483648",
    "1.0, INT32, 1",
    "1e2, INT32, 100",
    "'\"1E+2\"', INT32, 100",
    "12.50e1, INT32, 125",
    "'\"0.000e5\"', INT32, 0",
    "4294967295, UINT32, 4294967295",
    "'\"4294967295\"', UINT32, 4294967295",
    "9223372036854775807, INT64, 9223372036854775807",
    "-9223372036854775808, INT64, -9223372036854775808",
    "'\"9.223372036854775807e18\"', INT64, 9223372036854775807",
    "18446744073709551615, UINT64, -1",
    "'\"18446744073709551615\"', UINT64, -1",
    "9223372036854775808, UINT64, -9223372036854775808",
  })
  void acceptsIntegersInRangeInAnyNotation(
      String json, JsonNumbers.IntegerRange range, long expected) throws IOException {
    assertEquals(expected, integer(json, range));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2147483648           | INT32  | int32 out of range [-2147483648, 2147483647]: 2147483648",
        "-1                   | UINT32 | uint32 out of range [0, 4294967295]: -1",
        "4294967296           | UINT32 | uint32 out of range",
        "9223372036854775808  | INT64  | int64 out of range",
        "18446744073709551616 | UINT64 | uint64 out of range",
        "-1                   | UINT64 | uint64 out of range",
        "0.5                  | INT64  | int64 must be an integer: 0.5",
        "1e-1                 | INT32  | int32 must be an integer",
        "'\"1e999999999\"'    | UINT64 | uint64 out of range",
        "'\"-1e999999999\"'   | INT64  | int64 out of range",
        "'\"1e-999999999\"'   | INT64  | int64 must be an integer",
        "'\"12abc\"'          | INT32  | not a number: \"12abc\"",
        "'\"\"'               | INT32  | not a number: \"\"",
        "'\" 1\"'             | INT32  | not a number",
        "true                 | INT32  | expected int32, found a bool",
        "[]                   | INT64  | expected int64, found an array",
      })
  void rejectsWithAClearMessage(String json, JsonNumbers.IntegerRange range, String expected) {
    CodecException e = assertThrows(CodecException.class, () -> integer(json, range));
    assertTrue(e.getMessage().startsWith("/v: " + expected), e.getMessage());
    assertTrue(e.getMessage().contains("line: 1, column: "), e.getMessage());
  }

  @Test
  void hugeExponentsAreRejectedWithoutComputingThem() throws IOException {
    // BigDecimal would spend minutes on 10^999999999; these must answer at once.
    assertEquals(0L, integer("\"0e-999999999\"", JsonNumbers.IntegerRange.INT64));
    assertEquals(0L, integer("\"0e999999999\"", JsonNumbers.IntegerRange.INT64));
    assertThrows(
        CodecException.class, () -> integer("\"7e2147483647\"", JsonNumbers.IntegerRange.INT64));
    assertThrows(
        CodecException.class, () -> integer("\"7e-2147483648\"", JsonNumbers.IntegerRange.INT64));
  }

  @Test
  void overlongNumbersAreRejected() {
    String digits = "1".repeat(Limits.MAX_JSON_NUMBER_LENGTH + 1);
    CodecException text =
        assertThrows(
            CodecException.class,
            () -> integer("\"" + digits + "\"", JsonNumbers.IntegerRange.INT64));
    assertTrue(text.getMessage().contains("longer than 128 characters"), text.getMessage());
    // As a JSON number, the parser's own limit applies.
    assertThrows(StreamConstraintsException.class, () -> at(digits));
  }

  @Test
  void integerOrNullReportsNoValueInsteadOfFailing() {
    assertEquals(5L, JsonNumbers.integerOrNull("5", JsonNumbers.IntegerRange.INT32));
    assertEquals(2L, JsonNumbers.integerOrNull("2.0e0", JsonNumbers.IntegerRange.INT32));
    assertNull(JsonNumbers.integerOrNull("RED", JsonNumbers.IntegerRange.INT32));
    assertNull(JsonNumbers.integerOrNull("2147483648", JsonNumbers.IntegerRange.INT32));
  }

  @ParameterizedTest
  @CsvSource({
    "1.5, 1.5",
    "'\"1.5\"', 1.5",
    "-0.0, -0.0",
    "'\"NaN\"', NaN",
    "'\"Infinity\"', Infinity",
    "'\"-Infinity\"', -Infinity",
    "3.4028235e38, 3.4028235E38",
    "1e-50, 0.0",
    "7, 7.0",
  })
  void floats(String json, float expected) throws IOException {
    assertEquals(
        Float.floatToIntBits(expected), Float.floatToIntBits(JsonNumbers.float32(at(json))));
  }

  @ParameterizedTest
  @CsvSource({
    "0.1, 0.1",
    "'\"-0\"', -0.0",
    "'\"NaN\"', NaN",
    "1.7976931348623157e308, 1.7976931348623157E308",
    "4.9e-324, 4.9E-324",
    "'\"1e3\"', 1000.0",
  })
  void doubles(String json, double expected) throws IOException {
    assertEquals(
        Double.doubleToLongBits(expected), Double.doubleToLongBits(JsonNumbers.float64(at(json))));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "3.5e38         | float  | float out of range: 3.5e38",
        "'\"-1e39\"'    | float  | float out of range",
        "1e309          | double | double out of range",
        "'\"nan\"'      | double | not a number: \"nan\"",
        "'\"0x1p3\"'    | double | not a number",
        "'\"1d\"'       | float  | not a number",
        "'\"+Infinity\"'| double | not a number",
        "{}             | float  | expected float, found an object",
      })
  void badFloatingPointIsRejected(String json, String type, String expected) {
    CodecException e =
        assertThrows(
            CodecException.class,
            () -> {
              if (type.equals("float")) {
                JsonNumbers.float32(at(json));
              } else {
                JsonNumbers.float64(at(json));
              }
            });
    assertTrue(e.getMessage().startsWith("/v: " + expected), e.getMessage());
  }
}
