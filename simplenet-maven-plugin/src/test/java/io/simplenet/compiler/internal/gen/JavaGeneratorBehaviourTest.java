package io.simplenet.compiler.internal.gen;

import static io.simplenet.compiler.testing.AllTypesFixture.COMMON_PACKAGE;
import static io.simplenet.compiler.testing.AllTypesFixture.defaultOf;
import static io.simplenet.compiler.testing.AllTypesFixture.type;
import static io.simplenet.compiler.testing.Reflect.build;
import static io.simplenet.compiler.testing.Reflect.call;
import static io.simplenet.compiler.testing.Reflect.callStatic;
import static io.simplenet.compiler.testing.Reflect.construct;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.simplenet.compiler.testing.AllTypesFixture;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Runs the types generated from {@code alltypes.channel}, compiled with {@code -Xlint:all -Werror}
 * by {@link AllTypesFixture}, and checks how the classes behave.
 */
class JavaGeneratorBehaviourTest {
  private static Object builder(String simpleName) {
    return callStatic(type(simpleName), "builder");
  }

  @Test
  void recordsRejectNullComponentsNamingThem() {
    assertNpe("text == null", () -> build(builder("Scalars"), "text", null));
    assertNpe("blob == null", () -> build(builder("Scalars"), "blob", null));
    assertNpe("ints == null", () -> build(builder("Collections"), "ints", null));
    assertNpe("colorOf == null", () -> build(builder("Collections"), "colorOf", null));
    assertNpe("center == null", () -> build(builder("Circle"), "center", null));
    assertNpe(
        "background == null",
        () -> build(builder("Drawing"), "shape", defaultOf("Circle"), "background", null));
    Map<String, Long> nullKey = new HashMap<>();
    nullKey.put(null, 1L);
    assertNpe("counts has a null key", () -> build(builder("Collections"), "counts", nullKey));
    Map<String, Long> nullValue = new HashMap<>();
    nullValue.put("a", null);
    assertNpe("counts has a null value", () -> build(builder("Collections"), "counts", nullValue));
    List<String> nullElement = new ArrayList<>();
    nullElement.add(null);
    assertThrows(
        NullPointerException.class, () -> build(builder("Collections"), "names", nullElement));
  }

  @Test
  void optionalComponentsAcceptNull() {
    Object scalars = build(builder("Scalars"), "optText", "x", "optI32", 7);
    Object cleared = build(call(scalars, "toBuilder"), "optText", null, "optI32", null);
    assertNull(call(cleared, "optText"));
    assertNull(call(cleared, "optI32"));
    assertNull(call(build(builder("Group"), "highlighted", null), "highlighted"));
  }

  @Test
  void aUnionComponentHasNoDefaultSoTheBuilderRequiresIt() {
    assertNpe("shape == null", () -> call(builder("Drawing"), "build"));
    Object circle = defaultOf("Circle");
    Object drawing = build(builder("Drawing"), "shape", circle);
    assertSame(circle, call(drawing, "shape"));
    assertEquals(enumConstant("Color", "COLOR_UNSPECIFIED"), call(drawing, "background"));
  }

  @Test
  void listsAndMapsAreUnmodifiableCopies() {
    List<Integer> ints = new ArrayList<>(List.of(3, 1, 2));
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("zebra", 1L);
    counts.put("apple", 2L);
    counts.put("mango", 3L);
    Object collections = build(builder("Collections"), "ints", ints, "counts", counts);
    ints.add(4);
    counts.put("kiwi", 4L);

    @SuppressWarnings("unchecked")
    List<Integer> copiedInts = (List<Integer>) call(collections, "ints");
    @SuppressWarnings("unchecked")
    Map<String, Long> copiedCounts = (Map<String, Long>) call(collections, "counts");
    assertEquals(List.of(3, 1, 2), copiedInts);
    assertEquals(List.of("zebra", "apple", "mango"), new ArrayList<>(copiedCounts.keySet()));
    assertThrows(UnsupportedOperationException.class, () -> copiedInts.add(5));
    assertThrows(UnsupportedOperationException.class, () -> copiedCounts.put("fig", 5L));
    assertThrows(UnsupportedOperationException.class, () -> copiedCounts.remove("zebra"));
  }

  @Test
  void defaultInstancesHoldTheAbsentValues() {
    Object scalars = defaultOf("Scalars");
    assertEquals(false, call(scalars, "b"));
    assertEquals(0, call(scalars, "i32"));
    assertEquals(0L, call(scalars, "i64"));
    assertEquals(0, call(scalars, "u32"));
    assertEquals(0L, call(scalars, "u64"));
    assertEquals(0.0f, call(scalars, "f32"));
    assertEquals(0.0, call(scalars, "f64"));
    assertEquals("", call(scalars, "text"));
    assertSame(ByteString.EMPTY, call(scalars, "blob"));
    for (String optional :
        List.of(
            "optB", "optI32", "optI64", "optU32", "optU64", "optF32", "optF64", "optText",
            "optBlob")) {
      assertNull(call(scalars, optional), optional);
    }

    Object collections = defaultOf("Collections");
    for (RecordComponent component : type("Collections").getRecordComponents()) {
      Object value = call(collections, component.getName());
      assertTrue(
          value.equals(List.of()) || value.equals(Map.of()), component.getName() + " = " + value);
    }

    Object point = defaultOf(COMMON_PACKAGE + "Point");
    assertSame(point, call(defaultOf("Circle"), "center"));
    assertEquals(0.0, call(defaultOf("Circle"), "radius"));
    Object tree = defaultOf("Tree");
    assertEquals(priority("PRIORITY_LOW"), call(tree, "priority"));
    assertNull(call(tree, "left"));
    assertEquals(List.of(), call(tree, "forest"));
    assertEquals(defaultOf("Tree"), call(builder("Tree"), "build"));
  }

  @Test
  void onlyMessagesWithADefaultInstanceHaveDefault() {
    assertFalse(hasDefault("Drawing"), "Drawing requires a Shape");
    assertFalse(hasDefault("Draw"), "Draw requires a Drawing");
    for (String name : List.of("Scalars", "Collections", "Group", "Tree", "Keywords", "Empty")) {
      assertTrue(hasDefault(name), name);
    }
  }

  @Test
  void toBuilderRoundTripsEveryComponent() {
    Object scalars =
        build(
            builder("Scalars"),
            "b",
            true,
            "i32",
            -1,
            "i64",
            Long.MIN_VALUE,
            "u32",
            7,
            "u64",
            -1L,
            "f32",
            1.5f,
            "f64",
            -2.25,
            "text",
            "hi",
            "blob",
            ByteString.copyFromUtf8("xy"),
            "optB",
            false,
            "optI32",
            0,
            "optI64",
            9L,
            "optU32",
            1,
            "optU64",
            2L,
            "optF32",
            0.0f,
            "optF64",
            3.0,
            "optText",
            "",
            "optBlob",
            ByteString.EMPTY);
    assertEquals(scalars, call(call(scalars, "toBuilder"), "build"));
    assertNotEquals(scalars, defaultOf("Scalars"));

    Object changed = build(call(scalars, "toBuilder"), "text", "changed");
    assertEquals("changed", call(changed, "text"));
    assertEquals(call(scalars, "blob"), call(changed, "blob"));
    assertEquals("hi", call(scalars, "text"), "toBuilder must not alias the original");

    Object group =
        build(
            builder("Group"),
            "name",
            "g",
            "children",
            List.of(defaultOf("Circle"), defaultOf("Rect")),
            "highlighted",
            defaultOf("Rect"));
    assertEquals(group, call(call(group, "toBuilder"), "build"));
    assertEquals(
        group,
        construct(
            type("Group"),
            "g",
            List.of(defaultOf("Circle"), defaultOf("Rect")),
            defaultOf("Rect")));
  }

  @Test
  void enumsAddUnrecognizedAndMapNumbers() {
    Class<?> color = type("Color");
    assertEquals(
        List.of("COLOR_UNSPECIFIED", "RED", "GREEN", "LIME", "UNRECOGNIZED"),
        Arrays.stream(color.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
    int[] numbers = {0, 1, 2, 3};
    for (int i = 0; i < numbers.length; i++) {
      Object constant = color.getEnumConstants()[i];
      assertEquals(numbers[i], call(constant, "number"));
      assertSame(constant, callStatic(color, "forNumber", numbers[i]));
    }
    Object unrecognized = enumConstant("Color", "UNRECOGNIZED");
    for (int unknown : new int[] {4, 10, -1, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
      assertSame(unrecognized, callStatic(color, "forNumber", unknown), "number " + unknown);
    }
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> call(unrecognized, "number"));
    assertEquals("UNRECOGNIZED has no number", e.getMessage());
  }

  @Test
  void unionsAndRolesAreSealedInterfacesOverTheirMembers() {
    assertPermits("Shape", "Circle", "Rect", "Group");
    assertPermits("StudioClientMessage", "Ping", "Shape");
    assertPermits("StudioServerMessage", "Pong", "Notice", "Shape");
    assertPermits("StudioRequest", "Draw", "Erase", "Legacy");
    assertPermits("StudioResponse", "Drawn", "Empty");
    assertInterfaces("Shape", "StudioClientMessage", "StudioServerMessage");
    assertInterfaces("Circle", "Shape");
    assertInterfaces("Group", "Shape");
    assertInterfaces("Ping", "StudioClientMessage");
    assertInterfaces("Notice", "StudioServerMessage");
    assertInterfaces("Legacy", "StudioRequest");
    assertInterfaces("Empty", "StudioResponse");
    assertInterfaces("Hello");
    assertTrue(type("StudioClientMessage").isAssignableFrom(type("Rect")));
  }

  @Test
  void emptyRolesAreUninhabitedFinalClasses() {
    for (String role :
        List.of("QuietClientMessage", "QuietServerMessage", "QuietRequest", "QuietResponse")) {
      Class<?> type = type(role);
      assertFalse(type.isInterface(), role);
      assertTrue(Modifier.isFinal(type.getModifiers()), role);
      assertEquals(1, type.getDeclaredConstructors().length, role);
      assertTrue(Modifier.isPrivate(type.getDeclaredConstructors()[0].getModifiers()), role);
      assertEquals(0, type.getDeclaredMethods().length + type.getDeclaredFields().length, role);
    }
  }

  @Test
  void deprecationCarriesOver() throws ReflectiveOperationException {
    Class<?> legacy = type("Legacy");
    assertTrue(legacy.isAnnotationPresent(Deprecated.class));
    assertTrue(legacy.getMethod("old").isAnnotationPresent(Deprecated.class));
    Class<?> builder = legacy.getMethod("builder").getReturnType();
    assertTrue(builder.getMethod("old", int.class).isAnnotationPresent(Deprecated.class));
    assertTrue(type("Color").getField("LIME").isAnnotationPresent(Deprecated.class));
    assertFalse(type("Color").getField("GREEN").isAnnotationPresent(Deprecated.class));
    assertFalse(type("Scalars").isAnnotationPresent(Deprecated.class));
  }

  @Test
  void keywordFieldsGetATrailingUnderscore() {
    assertEquals(
        List.of("class_", "default_", "hashCode_", "toString_"),
        Arrays.stream(type("Keywords").getRecordComponents())
            .map(RecordComponent::getName)
            .toList());
    Object keywords = build(builder("Keywords"), "class_", "c", "hashCode_", true);
    assertEquals("c", call(keywords, "class_"));
    assertEquals(true, call(keywords, "hashCode_"));
  }

  private static boolean hasDefault(String simpleName) {
    return Arrays.stream(type(simpleName).getFields()).anyMatch(f -> f.getName().equals("DEFAULT"));
  }

  private static Object enumConstant(String enumName, String constant) {
    return enumConstant(type(enumName), constant);
  }

  private static Object priority(String constant) {
    return enumConstant(type(COMMON_PACKAGE + "Priority"), constant);
  }

  private static Object enumConstant(Class<?> type, String constant) {
    return Arrays.stream(type.getEnumConstants())
        .filter(c -> ((Enum<?>) c).name().equals(constant))
        .findFirst()
        .orElseThrow();
  }

  private static void assertPermits(String union, String... members) {
    Class<?> type = type(union);
    assertTrue(type.isInterface() && type.isSealed(), union + " is a sealed interface");
    assertArrayEquals(
        Arrays.stream(members).map(AllTypesFixture::type).toArray(),
        type.getPermittedSubclasses(),
        union + " permits");
  }

  private static void assertInterfaces(String type, String... interfaces) {
    assertArrayEquals(
        Arrays.stream(interfaces).map(AllTypesFixture::type).toArray(),
        type(type).getInterfaces(),
        type + " implements");
  }

  private static void assertNpe(String message, Executable action) {
    NullPointerException e = assertThrows(NullPointerException.class, action);
    assertEquals(message, e.getMessage());
  }
}
