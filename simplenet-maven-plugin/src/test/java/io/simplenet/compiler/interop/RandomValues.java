package io.simplenet.compiler.interop;

import com.google.protobuf.ByteString;
import io.simplenet.compiler.internal.model.Field;
import io.simplenet.compiler.internal.model.FieldType;
import io.simplenet.compiler.internal.model.MessageType;
import io.simplenet.compiler.internal.model.ScalarKind;
import io.simplenet.compiler.internal.model.TypeName;
import io.simplenet.compiler.internal.model.UnionMember;
import io.simplenet.compiler.internal.model.UnionType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random values of the generated types, built through their canonical constructors from the schema
 * model: extremes of every scalar, unicode beyond the BMP, NaNs and signed zeros, absent and
 * present-with-default optionals, nested unions. Recursion is cut at {@link #MAX_NESTING}.
 */
final class RandomValues {
  /** Below this many enclosing messages, optionals, lists and maps may hold further messages. */
  static final int MAX_NESTING = 4;

  private static final int MAX_ELEMENTS = 4;

  private static final int[] INTS = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 127, 128, 300};
  private static final long[] LONGS = {
    0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE + 1L, 0xFFFF_FFFFL, 1L << 53
  };
  private static final float[] FLOATS = {
    0f,
    -0f,
    Float.NaN,
    Float.POSITIVE_INFINITY,
    Float.NEGATIVE_INFINITY,
    Float.MIN_VALUE,
    Float.MAX_VALUE,
    Float.MIN_NORMAL,
    1.5f,
    -0.1f
  };
  private static final double[] DOUBLES = {
    0d,
    -0d,
    Double.NaN,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
    Double.MIN_VALUE,
    Double.MAX_VALUE,
    Double.MIN_NORMAL,
    1.5d,
    -0.1d,
    1e300
  };

  /**
   * Code points JSON and UTF-8 treat specially: NUL, controls, quote, backslash, U+2028, BOM,
   * emoji.
   */
  private static final int[] CODE_POINTS = {
    0, 0x1F, '"', '\\', '/', 0x7F, 0xE9, 0x2028, 0xFEFF, 0xFFFF, 0x4E2D, 0x1F600, 0x10FFFF
  };

  private final CompiledFixture fixture;
  private final Random random;

  RandomValues(CompiledFixture fixture, Random random) {
    this.fixture = fixture;
    this.random = random;
  }

  /** A random value of message or union {@code type}. */
  Object of(TypeName type) {
    return named(type, 0);
  }

  private Object named(TypeName type, int depth) {
    return switch (type.kind()) {
      case MESSAGE -> message(fixture.schemas.message(type), depth);
      case UNION -> union(fixture.schemas.union(type), depth);
      case ENUM -> enumConstant(type);
    };
  }

  private Object message(MessageType message, int depth) {
    Class<?> record = fixture.javaClass(message.name());
    RecordComponent[] components = record.getRecordComponents();
    List<String> componentNames = Arrays.stream(components).map(RecordComponent::getName).toList();
    List<String> fieldNames = message.fields().stream().map(Field::javaName).toList();
    if (!componentNames.equals(fieldNames)) {
      throw new AssertionError(
          record + " has components " + componentNames + ", expected " + fieldNames);
    }
    Object[] args = new Object[components.length];
    for (int i = 0; i < args.length; i++) {
      args[i] = field(message.fields().get(i), depth + 1);
    }
    try {
      Constructor<?> constructor =
          record.getDeclaredConstructor(
              Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
      return constructor.newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(
          "cannot construct " + record.getName() + " from " + Arrays.toString(args), e);
    }
  }

  private Object field(Field field, int depth) {
    if (field.optional() && (depth >= MAX_NESTING || random.nextInt(3) == 0)) {
      return null;
    }
    FieldType type = field.type();
    if (type instanceof FieldType.ListOf list) {
      List<Object> elements = new ArrayList<>();
      int size = depth >= MAX_NESTING ? 0 : random.nextInt(MAX_ELEMENTS + 1);
      for (int i = 0; i < size; i++) {
        elements.add(single(list.element(), depth));
      }
      return elements;
    }
    if (type instanceof FieldType.MapOf map) {
      Map<Object, Object> entries = new LinkedHashMap<>();
      int size = depth >= MAX_NESTING ? 0 : random.nextInt(MAX_ELEMENTS + 1);
      for (int i = 0; i < size; i++) {
        entries.put(scalar(map.key()), single(map.value(), depth));
      }
      return entries;
    }
    return single(type, depth);
  }

  private Object single(FieldType type, int depth) {
    if (type instanceof FieldType.Scalar scalar) {
      return scalar(scalar.kind());
    }
    return named(((FieldType.Named) type).name(), depth);
  }

  /** A member of {@code union} chosen at random; a member that is a union picks again inside it. */
  private Object union(UnionType union, int depth) {
    UnionMember member = union.members().get(random.nextInt(union.members().size()));
    return named(member.type(), depth);
  }

  /** A constant the schema declares (never {@code UNRECOGNIZED}, which cannot be encoded). */
  private Object enumConstant(TypeName type) {
    List<String> names =
        fixture.schemas.enumType(type).values().stream().map(v -> v.name()).toList();
    String name = names.get(random.nextInt(names.size()));
    return Arrays.stream(fixture.javaClass(type).getEnumConstants())
        .filter(c -> ((Enum<?>) c).name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(type + " has no constant " + name));
  }

  private Object scalar(ScalarKind kind) {
    boolean extreme = random.nextBoolean();
    return switch (kind) {
      case BOOL -> random.nextBoolean();
      case INT32, UINT32 -> extreme ? INTS[random.nextInt(INTS.length)] : random.nextInt();
      case INT64, UINT64 -> extreme ? LONGS[random.nextInt(LONGS.length)] : random.nextLong();
      case FLOAT ->
          extreme ? FLOATS[random.nextInt(FLOATS.length)] : Float.intBitsToFloat(random.nextInt());
      case DOUBLE ->
          extreme
              ? DOUBLES[random.nextInt(DOUBLES.length)]
              : Double.longBitsToDouble(random.nextLong());
      case STRING -> string();
      case BYTES -> bytes();
    };
  }

  private String string() {
    StringBuilder s = new StringBuilder();
    int length = random.nextInt(8);
    for (int i = 0; i < length; i++) {
      int codePoint =
          switch (random.nextInt(3)) {
            case 0 -> CODE_POINTS[random.nextInt(CODE_POINTS.length)];
            case 1 -> ' ' + random.nextInt('~' - ' ' + 1);
            default -> randomScalarValue();
          };
      s.appendCodePoint(codePoint);
    }
    return s.toString();
  }

  /** Any Unicode scalar value: a code point that is not a surrogate, so it has a UTF-8 encoding. */
  private int randomScalarValue() {
    int codePoint = random.nextInt(Character.MAX_CODE_POINT + 1);
    return Character.isSurrogate((char) codePoint) && codePoint <= 0xFFFF ? 0xFFFD : codePoint;
  }

  private ByteString bytes() {
    byte[] bytes = new byte[random.nextInt(9)];
    random.nextBytes(bytes);
    return ByteString.copyFrom(bytes);
  }
}
