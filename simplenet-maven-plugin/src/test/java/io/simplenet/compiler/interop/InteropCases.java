package io.simplenet.compiler.interop;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import io.simplenet.codec.MessageCodec;
import io.simplenet.compiler.internal.model.TypeKind;
import io.simplenet.compiler.internal.model.TypeName;
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

  /** A value, the message {@link DynamicMessages} makes of it, and a description for failures. */
  record Case(Object value, DynamicMessage expected, String context) {}

  /** Every fixture type that has values: the parameters of the interop tests. */
  static Stream<TypeName> types() {
    return CompiledFixture.get().typesWithValues().stream();
  }

  /**
   * The cases for {@code type}: {@code M.DEFAULT} if it is a message that has one, then {@code
   * count} random values from a seed derived from {@code testSeed} and the type.
   */
  static InteropCases of(TypeName type, long testSeed, int count) {
    CompiledFixture fixture = CompiledFixture.get();
    long seed = testSeed * 31 + type.protoFullName().hashCode();
    System.out.println("interop seed for " + type + ": " + seed);

    List<Object> values = new ArrayList<>();
    if (type.kind() == TypeKind.MESSAGE && fixture.schemas.message(type).hasDefault()) {
      try {
        values.add(fixture.javaClass(type).getField("DEFAULT").get(null));
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(type + " has no DEFAULT", e);
      }
    }
    RandomValues random = new RandomValues(fixture, new Random(seed));
    for (int i = 0; i < count; i++) {
      values.add(random.of(type));
    }

    DynamicMessages messages = new DynamicMessages(fixture);
    List<Case> cases = new ArrayList<>();
    for (Object value : values) {
      cases.add(new Case(value, messages.of(type, value), type + " (seed " + seed + ") " + value));
    }
    return new InteropCases(fixture.codec(type), fixture.descriptor(type), cases);
  }
}
