package io.simplenet.compiler.testing;

import com.google.protobuf.ByteString;
import io.simplenet.compiler.internal.model.EnumValue;
import io.simplenet.compiler.internal.model.Field;
import io.simplenet.compiler.internal.model.FieldType;
import io.simplenet.compiler.internal.model.MessageType;
import io.simplenet.compiler.internal.model.ScalarKind;
import io.simplenet.compiler.internal.model.TypeName;
import io.simplenet.compiler.internal.model.UnionType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random values of the messages, unions and roles of {@link AllTypesFixture}, built from the schema
 * model through the generated records' canonical constructors. They favour what codecs get wrong:
 * the extremes of every scalar, raw float bits (NaN payloads, subnormals), {@code -0.0} and the
 * infinities, text with NUL, escapes and code points beyond the BMP, absent optionals and optionals
 * present with their default value, unions nested in unions, and large collections when a test asks
 * for them.
 *
 * <p>Not thread-safe: an instance draws from one {@link Random}, which tests seed with a fixed
 * value that they print.
 */
public final class RandomValues {
  /** At most this many elements in a list and entries in a map, unless a test asks for more. */
  public static final int DEFAULT_MAX_ELEMENTS = 4;

  /** The longest random text, in code points. */
  private static final int MAX_TEXT_LENGTH = 12;

  /** The longest short {@code bytes} value, and the longest long one (its length takes 2 bytes). */
  private static final int MAX_SHORT_BYTES = 8;

  private static final int MAX_LONG_BYTES = 300;

  private static final List<Integer> INTS =
      List.of(0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 127, 128, 300);
  private static final List<Long> LONGS =
      List.of(
          0L,
          1L,
          -1L,
          Long.MIN_VALUE,
          Long.MAX_VALUE,
          Integer.MAX_VALUE + 1L,
          0xFFFF_FFFFL,
          1L << 53);
  private static final List<Float> FLOATS =
      List.of(
          0f,
          -0f,
          Float.NaN,
          Float.POSITIVE_INFINITY,
          Float.NEGATIVE_INFINITY,
          Float.MIN_VALUE,
          Float.MAX_VALUE,
          Float.MIN_NORMAL,
          0.1f,
          1.5f,
          -0.1f,
          -1.5e-20f);
  private static final List<Double> DOUBLES =
      List.of(
          0d,
          -0d,
          Double.NaN,
          Double.POSITIVE_INFINITY,
          Double.NEGATIVE_INFINITY,
          Double.MIN_VALUE,
          Double.MAX_VALUE,
          Double.MIN_NORMAL,
          0.1d,
          1.5d,
          -0.1d,
          1e300,
          -2.5e300);

  /** Whole texts that escaping and UTF-8 get wrong. */
  private static final List<String> TEXTS =
      List.of(
          "",
          "a",
          "NUL\u0000inside",
          "snow \u2603 man",
          "emoji \uD83D\uDE00 pair",
          "\uD834\uDD1E",
          "quote \" backslash \\ newline \n tab \t",
          "日本語",
          "\u007f\u0080\u07ff\u0800\uffff");

  /**
   * Code points JSON and UTF-8 treat specially: NUL, controls, quote, backslash, slash, the ends of
   * the UTF-8 lengths, U+2028, BOM, emoji, the last code point.
   */
  private static final List<Integer> CODE_POINTS =
      List.of(
          0,
          0x1F,
          (int) '"',
          (int) '\\',
          (int) '/',
          0x7F,
          0x80,
          0xE9,
          0x7FF,
          0x800,
          0x2028,
          0xFEFF,
          0xFFFF,
          0x10000,
          0x4E2D,
          0x1F600,
          0x10FFFF);

  private final Random random;
  private final int maxElements;

  /** Values with at most {@link #DEFAULT_MAX_ELEMENTS} elements per collection. */
  public RandomValues(Random random) {
    this(random, DEFAULT_MAX_ELEMENTS);
  }

  /** Values with at most {@code maxElements} elements per list and entries per map. */
  public RandomValues(Random random, int maxElements) {
    if (maxElements < 0) {
      throw new IllegalArgumentException("maxElements < 0: " + maxElements);
    }
    this.random = random;
    this.maxElements = maxElements;
  }

  /**
   * A random value of the message, union or role {@code type}. {@code depth} bounds how many levels
   * of optional fields and collection elements nest inside it: at depth 0 optional fields are
   * absent and collections empty. Required fields and union members do not count, because the
   * schema language forbids a message to contain itself through them.
   */
  public Object of(TypeName type, int depth) {
    return switch (type.kind()) {
      case MESSAGE -> message(AllTypesFixture.schemas().message(type), depth);
      case UNION -> union(AllTypesFixture.schemas().union(type), depth);
      case ENUM -> enumConstant(type);
    };
  }

  private Object message(MessageType message, int depth) {
    Class<?> record = AllTypesFixture.type(message.name());
    List<String> componentNames =
        Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    List<String> fieldNames = message.fields().stream().map(Field::javaName).toList();
    if (!componentNames.equals(fieldNames)) {
      throw new AssertionError(
          record + " has components " + componentNames + ", expected " + fieldNames);
    }
    Object[] components = new Object[componentNames.size()];
    for (int i = 0; i < components.length; i++) {
      components[i] = field(message.fields().get(i), depth);
    }
    return Reflect.construct(record, components);
  }

  /** A member chosen at random; a member that is a union picks again inside it. */
  private Object union(UnionType union, int depth) {
    return of(union.members().get(random.nextInt(union.members().size())).type(), depth);
  }

  private Object field(Field field, int depth) {
    FieldType type = field.type();
    if (field.optional()) {
      // Present two times in three: often enough to nest, absent often enough to matter.
      return depth > 0 && random.nextInt(3) != 0 ? single(type, depth - 1) : null;
    }
    if (type instanceof FieldType.ListOf list) {
      List<Object> elements = new ArrayList<>();
      for (int i = size(depth); i > 0; i--) {
        elements.add(single(list.element(), depth - 1));
      }
      return elements;
    }
    if (type instanceof FieldType.MapOf map) {
      Map<Object, Object> entries = new LinkedHashMap<>();
      for (int i = size(depth); i > 0; i--) {
        entries.put(scalar(map.key()), single(map.value(), depth - 1));
      }
      return entries;
    }
    return single(type, depth);
  }

  /** How many elements to draw for a collection; duplicate map keys may make fewer entries. */
  private int size(int depth) {
    return depth > 0 ? random.nextInt(maxElements + 1) : 0;
  }

  /** A value of a scalar, enum, message or union. */
  private Object single(FieldType type, int depth) {
    if (type instanceof FieldType.Scalar scalar) {
      return scalar(scalar.kind());
    }
    return of(((FieldType.Named) type).name(), depth);
  }

  /** A constant the schema declares (never {@code UNRECOGNIZED}, which cannot be encoded). */
  private Object enumConstant(TypeName type) {
    List<EnumValue> values = AllTypesFixture.schemas().enumType(type).values();
    String name = values.get(random.nextInt(values.size())).name();
    return Arrays.stream(AllTypesFixture.type(type).getEnumConstants())
        .filter(c -> ((Enum<?>) c).name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(type + " has no constant " + name));
  }

  private Object scalar(ScalarKind kind) {
    return switch (kind) {
      case BOOL -> random.nextBoolean();
      case INT32, UINT32 -> random.nextBoolean() ? pick(INTS) : random.nextInt();
      case INT64, UINT64 -> random.nextBoolean() ? pick(LONGS) : random.nextLong();
      case FLOAT ->
          switch (random.nextInt(3)) {
            case 0 -> pick(FLOATS);
            case 1 -> Float.intBitsToFloat(random.nextInt());
            default -> (float) random.nextGaussian() * 1e6f;
          };
      case DOUBLE ->
          switch (random.nextInt(3)) {
            case 0 -> pick(DOUBLES);
            case 1 -> Double.longBitsToDouble(random.nextLong());
            default -> random.nextGaussian() * 1e12;
          };
      case STRING -> random.nextInt(3) == 0 ? pick(TEXTS) : text();
      case BYTES -> bytes(random.nextInt(3) == 0 ? MAX_LONG_BYTES : MAX_SHORT_BYTES);
    };
  }

  private <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  /** Valid UTF-16 of special code points, printable ASCII and other Unicode scalar values. */
  private String text() {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(MAX_TEXT_LENGTH + 1); i > 0; i--) {
      int codePoint =
          switch (random.nextInt(3)) {
            case 0 -> pick(CODE_POINTS);
            case 1 -> ' ' + random.nextInt('~' - ' ' + 1);
            default -> scalarValue();
          };
      text.appendCodePoint(codePoint);
    }
    return text.toString();
  }

  /** Any Unicode scalar value: a code point that is not a surrogate, so it has a UTF-8 encoding. */
  private int scalarValue() {
    int codePoint = random.nextInt(Character.MAX_CODE_POINT + 1);
    return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE
        ? 0xFFFD
        : codePoint;
  }

  private ByteString bytes(int maxLength) {
    byte[] bytes = new byte[random.nextInt(maxLength + 1)];
    random.nextBytes(bytes);
    return ByteString.copyFrom(bytes);
  }
}
