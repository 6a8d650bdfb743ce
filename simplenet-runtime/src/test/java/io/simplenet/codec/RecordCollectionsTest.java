package io.simplenet.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link RecordCollections}, {@link ListBuilder} and {@link MapBuilder}: records keep decoded
 * collections without a copy, copy everything else, and no one can change either.
 */
class RecordCollectionsTest {
  @Test
  void builtCollectionsAreKeptAsTheyAreAndCannotBeChanged() {
    ListBuilder<String> listBuilder = new ListBuilder<>();
    for (int i = 0; i < 25; i++) { // past the first capacity and one growth
      listBuilder.add("e" + i);
    }
    List<String> list = listBuilder.build();
    assertSame(list, RecordCollections.copyOf(list, "list"));
    assertEquals(25, list.size());
    assertEquals("e24", list.get(24));
    assertThrows(IndexOutOfBoundsException.class, () -> list.get(25));
    assertThrows(UnsupportedOperationException.class, () -> list.add("x"));
    assertThrows(UnsupportedOperationException.class, () -> list.set(0, "x"));
    assertThrows(UnsupportedOperationException.class, () -> list.removeIf(e -> true));
    assertThrows(IllegalStateException.class, () -> listBuilder.add("late"));
    assertThrows(IllegalStateException.class, listBuilder::build);

    MapBuilder<String, Integer> mapBuilder = new MapBuilder<>();
    mapBuilder.put("b", 1);
    mapBuilder.put("a", 2);
    mapBuilder.put("b", 3); // replaces the value, keeps the place
    Map<String, Integer> map = mapBuilder.build();
    assertSame(map, RecordCollections.copyOf(map, "map"));
    assertEquals(List.of("b", "a"), new ArrayList<>(map.keySet()));
    assertEquals(Map.of("a", 2, "b", 3), map);
    assertEquals(Map.of("a", 2, "b", 3).hashCode(), map.hashCode());
    assertThrows(UnsupportedOperationException.class, () -> map.put("c", 4));
    assertThrows(UnsupportedOperationException.class, () -> map.remove("a"));
    assertThrows(
        UnsupportedOperationException.class, () -> map.entrySet().iterator().next().setValue(9));
    assertThrows(UnsupportedOperationException.class, () -> map.keySet().remove("a"));
    assertThrows(UnsupportedOperationException.class, () -> map.values().clear());
    assertThrows(IllegalStateException.class, () -> mapBuilder.put("late", 0));
    assertThrows(IllegalStateException.class, mapBuilder::build);
  }

  @Test
  void otherCollectionsAreCopiedInOrderAndCannotBeChanged() {
    List<String> source = new ArrayList<>(List.of("x", "y"));
    List<String> list = RecordCollections.copyOf(source, "list");
    source.add("z");
    assertEquals(List.of("x", "y"), list);
    assertThrows(UnsupportedOperationException.class, () -> list.add("w"));
    assertSame(list, RecordCollections.copyOf(list, "list")); // a copy is not copied again

    Map<String, Integer> sourceMap = new LinkedHashMap<>();
    sourceMap.put("z", 1);
    sourceMap.put("a", 2);
    Map<String, Integer> map = RecordCollections.copyOf(sourceMap, "map");
    assertNotSame(sourceMap, map);
    assertSame(map, RecordCollections.copyOf(map, "map"));
    sourceMap.put("m", 3);
    assertEquals(List.of("z", "a"), new ArrayList<>(map.keySet()));
    assertThrows(UnsupportedOperationException.class, () -> map.put("c", 4));
    // an unmodifiable view of someone's map is copied too: its owner could still change it
    Map<String, Integer> view = java.util.Collections.unmodifiableMap(sourceMap);
    assertNotSame(view, RecordCollections.copyOf(view, "map"));
  }

  @Test
  void nullsAreRejectedNamingTheComponent() {
    List<String> withNull = new ArrayList<>();
    withNull.add(null);
    NullPointerException element =
        assertThrows(
            NullPointerException.class, () -> RecordCollections.copyOf(withNull, "inventory"));
    assertEquals("inventory has a null element", element.getMessage());
    Map<String, Integer> nullKey = new HashMap<>();
    nullKey.put(null, 1);
    NullPointerException key =
        assertThrows(NullPointerException.class, () -> RecordCollections.copyOf(nullKey, "stats"));
    assertEquals("stats has a null key", key.getMessage());
    Map<String, Integer> nullValue = new HashMap<>();
    nullValue.put("k", null);
    NullPointerException value =
        assertThrows(
            NullPointerException.class, () -> RecordCollections.copyOf(nullValue, "stats"));
    assertEquals("stats has a null value", value.getMessage());
    assertThrows(NullPointerException.class, () -> new ListBuilder<String>().add(null));
    assertThrows(NullPointerException.class, () -> new MapBuilder<String, Integer>().put("k", null));
  }
}
