package io.simplenet.compiler.testing;

import static io.simplenet.compiler.testing.AllTypesFixture.typeName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The random values the codec and interop tests rely on really reach the edges they are meant to: a
 * generator that quietly stopped producing NaNs or nested values would leave those tests passing
 * without testing anything.
 */
class RandomValuesTest {
  private static final long SEED = 0x5EED_7E57L;
  private static final int VALUES = 400;

  @Test
  void scalarsReachTheirEdges() {
    System.out.println("scalarsReachTheirEdges seed " + SEED);
    RandomValues random = new RandomValues(new Random(SEED));
    Set<String> seen = new TreeSet<>();
    for (int i = 0; i < VALUES; i++) {
      Object scalars = random.of(typeName("Scalars"), 1);
      int i32 = (Integer) Reflect.call(scalars, "i32");
      long i64 = (Long) Reflect.call(scalars, "i64");
      float f32 = (Float) Reflect.call(scalars, "f32");
      double f64 = (Double) Reflect.call(scalars, "f64");
      String text = (String) Reflect.call(scalars, "text");
      ByteString blob = (ByteString) Reflect.call(scalars, "blob");
      Object optI32 = Reflect.call(scalars, "optI32");
      note(seen, i32 == Integer.MIN_VALUE, "int32 min");
      note(seen, i32 == Integer.MAX_VALUE, "int32 max");
      note(seen, i64 == Long.MIN_VALUE, "int64 min");
      note(seen, i64 == Long.MAX_VALUE, "int64 max");
      note(seen, Float.isNaN(f32), "float NaN");
      note(seen, Float.floatToRawIntBits(f32) == Float.floatToRawIntBits(-0f), "float -0.0");
      note(seen, f32 == Float.NEGATIVE_INFINITY, "float -Infinity");
      note(seen, Double.doubleToRawLongBits(f64) == Double.doubleToRawLongBits(-0d), "double -0.0");
      note(seen, f64 == Double.POSITIVE_INFINITY, "double +Infinity");
      note(seen, Double.isNaN(f64), "double NaN");
      note(seen, text.indexOf('\u0000') >= 0, "NUL in text");
      note(seen, text.codePoints().anyMatch(c -> c > 0xFFFF), "text beyond the BMP");
      note(seen, blob.size() > 127, "bytes longer than 127");
      note(seen, optI32 == null, "absent optional");
      note(seen, Integer.valueOf(0).equals(optI32), "optional present with its default");
      assertTrue(
          text.codePoints()
              .noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE),
          "lone surrogate in " + text);
    }
    assertEquals(
        new TreeSet<>(
            Set.of(
                "int32 min",
                "int32 max",
                "int64 min",
                "int64 max",
                "float NaN",
                "float -0.0",
                "float -Infinity",
                "double -0.0",
                "double +Infinity",
                "double NaN",
                "NUL in text",
                "text beyond the BMP",
                "bytes longer than 127",
                "absent optional",
                "optional present with its default")),
        seen);
  }

  @Test
  void depthBoundsNestingAndIsReached() {
    System.out.println("depthBoundsNestingAndIsReached seed " + SEED);
    RandomValues random = new RandomValues(new Random(SEED));
    for (int depth = 0; depth <= 3; depth++) {
      int deepest = 0;
      for (int i = 0; i < VALUES; i++) {
        int nesting = nesting(random.of(typeName("Tree"), depth));
        assertTrue(nesting <= depth, "a tree at depth " + depth + " nests " + nesting);
        deepest = Math.max(deepest, nesting);
      }
      assertEquals(depth, deepest, "the deepest tree at depth " + depth);
    }
  }

  @Test
  void unionsNestInUnions() {
    System.out.println("unionsNestInUnions seed " + SEED);
    RandomValues random = new RandomValues(new Random(SEED));
    Set<Class<?>> members = new HashSet<>();
    for (int i = 0; i < VALUES; i++) {
      members.add(random.of(typeName("StudioClientMessage"), 2).getClass());
    }
    // The role's members are Ping and the union Shape, whose members are messages.
    assertEquals(
        Set.of(
            AllTypesFixture.type("Ping"),
            AllTypesFixture.type("Circle"),
            AllTypesFixture.type("Rect"),
            AllTypesFixture.type("Group")),
        members);
  }

  @Test
  void collectionsStayWithinTheirBoundAndLargeOnesAreLarge() {
    System.out.println("collectionsStayWithinTheirBoundAndLargeOnesAreLarge seed " + SEED);
    int large = 1_000;
    RandomValues small = new RandomValues(new Random(SEED));
    RandomValues big = new RandomValues(new Random(SEED), large);
    int largest = 0;
    for (int i = 0; i < 20; i++) {
      for (Collection<?> c : collections(small.of(typeName("Collections"), 1))) {
        assertTrue(c.size() <= RandomValues.DEFAULT_MAX_ELEMENTS, c.size() + " elements");
      }
      for (Collection<?> c : collections(big.of(typeName("Collections"), 1))) {
        assertTrue(c.size() <= large, c.size() + " elements");
        largest = Math.max(largest, c.size());
      }
    }
    assertTrue(largest > large / 2, "the largest collection has only " + largest + " elements");
    assertThrows(IllegalArgumentException.class, () -> new RandomValues(new Random(SEED), -1));
  }

  private static void note(Set<String> seen, boolean happened, String what) {
    if (happened) {
      seen.add(what);
    }
  }

  /** How many optional fields or lists deep the innermost node of {@code tree} is. */
  private static int nesting(Object tree) {
    List<Object> children = new ArrayList<>((List<?>) Reflect.call(tree, "forest"));
    for (String side : List.of("left", "right")) {
      Object child = Reflect.call(tree, side);
      if (child != null) {
        children.add(child);
      }
    }
    int deepest = 0;
    for (Object child : children) {
      deepest = Math.max(deepest, 1 + nesting(child));
    }
    return deepest;
  }

  /** The lists and the maps' entries of a {@code Collections} value. */
  private static List<Collection<?>> collections(Object value) {
    List<Collection<?>> all = new ArrayList<>();
    for (var component : value.getClass().getRecordComponents()) {
      Object field = Reflect.call(value, component.getName());
      all.add(field instanceof Map<?, ?> map ? map.entrySet() : (Collection<?>) field);
    }
    return all;
  }
}
