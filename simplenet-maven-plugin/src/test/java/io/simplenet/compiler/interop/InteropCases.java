package io.simplenet.compiler.interop;

import io.simplenet.compiler.internal.model.TypeKind;
import io.simplenet.compiler.internal.model.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The values an interop test checks for one type: its default instance, then random values. */
final class InteropCases {
  private InteropCases() {}

  /** The seed for {@code type}'s random values: fixed, distinct per type, and printed. */
  static long seed(long testSeed, TypeName type) {
    long seed = testSeed * 31 + type.protoFullName().hashCode();
    System.out.println("interop seed for " + type + ": " + seed);
    return seed;
  }

  /**
   * {@code M.DEFAULT} if {@code type} is a message that has one, then {@code count} random values.
   */
  static List<Object> values(CompiledFixture fixture, TypeName type, long seed, int count) {
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
    return values;
  }
}
