package io.simplenet.codec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The defensive copies generated records' constructors make of their collection components.
 * Stateless and thread-safe.
 */
public final class RecordCollections {
  private RecordCollections() {}

  /**
   * {@code list} as an unmodifiable list: itself if a {@link ListBuilder} or this method made it
   * (nobody can change those), else a copy.
   *
   * @throws NullPointerException naming the record component {@code name} if {@code list} has a
   *     null element
   */
  public static <T> List<T> copyOf(List<T> list, String name) {
    if (list instanceof FrozenList) {
      return list;
    }
    // Copied again after toArray, as List.copyOf does: a list could keep the array it returned.
    Object[] elements = list.toArray().clone();
    if (elements.length == 0) {
      return List.of();
    }
    for (Object element : elements) {
      if (element == null) {
        throw new NullPointerException(name + " has a null element");
      }
    }
    return new FrozenList<>(elements, elements.length);
  }

  /**
   * {@code map} as an unmodifiable insertion-ordered map: itself if a {@link MapBuilder} or this
   * method made it (nobody can change those), else a copy.
   *
   * @throws NullPointerException naming the record component {@code name} if {@code map} has a null
   *     key or value
   */
  public static <K, V> Map<K, V> copyOf(Map<K, V> map, String name) {
    if (map instanceof FrozenMap) {
      return map;
    }
    LinkedHashMap<K, V> copy = new LinkedHashMap<>(map);
    if (copy.containsKey(null)) {
      throw new NullPointerException(name + " has a null key");
    }
    if (copy.containsValue(null)) {
      throw new NullPointerException(name + " has a null value");
    }
    return new FrozenMap<>(copy);
  }
}
