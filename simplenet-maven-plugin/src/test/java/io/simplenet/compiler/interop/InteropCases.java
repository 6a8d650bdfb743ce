package io.simplenet.compiler.interop;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import io.simplenet.codec.MessageCodec;
import io.simplenet.compiler.internal.model.TypeKind;
import io.simplenet.compiler.internal.model.TypeName;
import io.simplenet.compiler.testing.AllTypesFixture;
import io.simplenet.compiler.testing.RandomValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * What an interop test checks for one fixture type: our codec, protobuf's descriptor, and values
 * (the default instance, then random ones from a fixed, printed seed) each with the dynamic message
 * it must correspond to.
 *
 * @param cases the values with their expected messages
 */
record InteropCases(MessageCodec<Object> codec, Descriptor descriptor, List<Case> cases) {
  /** How deep optional fields and collection elements nest in the random values. */
  static final int DEPTH = 4;

  /** A value, the message {@link DynamicMessages} makes of it, and a description for failures. */
  record Case(Object value, DynamicMessage expected, String context) {}

  /** Every fixture type that has values: the parameters of the interop tests. */
  static Stream<TypeName> types() {
    return AllTypesFixture.typesWithValues().stream();
  }

  /**
   * The cases for {@code type}: {@code M.DEFAULT} if it is a message that has one, then {@code
   * count} random values from a seed derived from {@code testSeed} and the type.
   */
  static InteropCases of(TypeName type, long testSeed, int count) {
    long seed = testSeed * 31 + type.protoFullName().hashCode();
    System.out.println("interop seed for " + type + ": " + seed);

    List<Object> values = new ArrayList<>();
    if (type.kind() == TypeKind.MESSAGE && AllTypesFixture.schemas().message(type).hasDefault()) {
      values.add(AllTypesFixture.defaultOf(type.javaQualifiedName()));
    }
    RandomValues random = new RandomValues(new Random(seed));
    for (int i = 0; i < count; i++) {
      values.add(random.of(type, DEPTH));
    }

    List<Case> cases = new ArrayList<>();
    for (Object value : values) {
      cases.add(
          new Case(value, DynamicMessages.of(type, value), type + " (seed " + seed + ") " + value));
    }
    return new InteropCases(AllTypesFixture.codec(type), AllTypesFixture.descriptor(type), cases);
  }
}
