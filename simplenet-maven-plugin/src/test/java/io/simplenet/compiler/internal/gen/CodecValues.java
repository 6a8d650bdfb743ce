package io.simplenet.compiler.internal.gen;

import com.google.protobuf.ByteString;
import io.simplenet.compiler.internal.model.Field;
import io.simplenet.compiler.internal.model.FieldType;
import io.simplenet.compiler.internal.model.MessageType;
import io.simplenet.compiler.internal.model.ScalarKind;
import io.simplenet.compiler.internal.model.SchemaSet;
import io.simplenet.compiler.internal.model.TypeKind;
import io.simplenet.compiler.internal.model.TypeName;
import io.simplenet.compiler.internal.model.UnionMember;
import io.simplenet.compiler.internal.model.UnionType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random values of any generated message, union or role, built from the schema model and the
 * compiled classes: extreme numbers, tricky text, present-but-default optionals, nested unions.
 */
final class CodecValues {
  private static final int[] INTS = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 300};
  private static final long[] LONGS = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 53};
  private static final float[] FLOATS = {
    0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE,
    Float.MAX_VALUE, 0.1f, -1.5e-20f
  };
  private static final double[] DOUBLES = {
    0d, -0d, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
    Double.MAX_VALUE, 0.1, -2.5e300
  };
  private static final String[] TEXTS = {
    "", "a", "NUL\u0000inside", "snow \u2603 man", "emoji \uD83D\uDE00 pair", "\uD834\uDD1E",
    "quote \" backslash \\ newline \n tab \t", "日本語", "\u007f\u0080\u07ff\u0800\uffff"
  };

  private final SchemaSet schemas;
  private final Reflect classes;
  private final Random random;

  CodecValues(SchemaSet schemas, Reflect classes, Random random) {
    this.schemas = schemas;
    this.classes = classes;
    this.random = random;
  }

  /**
   * A random value of the message, union or role {@code name}; {@code budget} bounds how deep
   * optional fields, collections and union members nest.
   */
  Object of(TypeName name, int budget) {
    return name.kind() == TypeKind.UNION ? union(schemas.union(name), budget) : message(name, budget);
  }

  private Object message(TypeName name, int budget) {
    MessageType message = schemas.message(name);
    Object[] components = new Object[message.fields().size()];
    for (int i = 0; i < components.length; i++) {
      components[i] = field(message.fields().get(i), budget);
    }
    return Reflect.construct(classes.type(name.javaQualifiedName()), components);
  }

  /**
   * Any member: recursion ends anyway, because at budget 0 optional fields are null and
   * collections empty, and the schema language forbids cycles of required fields.
   */
  private Object union(UnionType union, int budget) {
    List<UnionMember> members = union.members();
    return of(members.get(random.nextInt(members.size())).type(), budget - 1);
  }

  private Object field(Field field, int budget) {
    FieldType type = field.type();
    if (field.optional()) {
      return budget > 0 && random.nextBoolean() ? single(type, budget - 1) : null;
    }
    if (type instanceof FieldType.ListOf list) {
      int size = budget > 0 ? random.nextInt(5) : 0;
      List<Object> elements = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        elements.add(single(list.element(), budget - 1));
      }
      return elements;
    }
    if (type instanceof FieldType.MapOf map) {
      int size = budget > 0 ? random.nextInt(5) : 0;
      Map<Object, Object> entries = new LinkedHashMap<>();
      for (int i = 0; i < size; i++) {
        entries.put(scalar(map.key()), single(map.value(), budget - 1));
      }
      return entries;
    }
    return single(type, budget);
  }

  /** A value of a scalar, enum, message or union. */
  Object single(FieldType type, int budget) {
    if (type instanceof FieldType.Scalar scalar) {
      return scalar(scalar.kind());
    }
    TypeName name = ((FieldType.Named) type).name();
    if (name.kind() == TypeKind.ENUM) {
      List<?> known =
          Arrays.stream(classes.type(name.javaQualifiedName()).getEnumConstants())
              .filter(c -> !((Enum<?>) c).name().equals("UNRECOGNIZED"))
              .toList();
      return known.get(random.nextInt(known.size()));
    }
    return of(name, budget);
  }

  Object scalar(ScalarKind kind) {
    boolean extreme = random.nextInt(3) == 0;
    return switch (kind) {
      case BOOL -> random.nextBoolean();
      case INT32, UINT32 -> extreme ? INTS[random.nextInt(INTS.length)] : random.nextInt();
      case INT64, UINT64 -> extreme ? LONGS[random.nextInt(LONGS.length)] : random.nextLong();
      case FLOAT -> extreme ? FLOATS[random.nextInt(FLOATS.length)] : random.nextFloat() * 1e6f;
      case DOUBLE ->
          extreme ? DOUBLES[random.nextInt(DOUBLES.length)] : random.nextGaussian() * 1e12;
      case STRING -> extreme ? TEXTS[random.nextInt(TEXTS.length)] : randomText();
      case BYTES -> {
        byte[] bytes = new byte[random.nextInt(extreme ? 300 : 8)];
        random.nextBytes(bytes);
        yield ByteString.copyFrom(bytes);
      }
    };
  }

  /** Valid UTF-16 drawn from the whole of Unicode, surrogate pairs included. */
  private String randomText() {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(12);
    while (text.codePointCount(0, text.length()) < length) {
      int codePoint = random.nextInt(Character.MAX_CODE_POINT + 1);
      if (codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE) {
        text.appendCodePoint(codePoint);
      }
    }
    return text.toString();
  }
}
