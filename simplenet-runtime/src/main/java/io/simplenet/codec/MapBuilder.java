package io.simplenet.codec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Collects the entries of a record's {@code map<K, V>} field while it is decoded; {@link #build}
 * hands them over, without a copy, as the unmodifiable insertion-ordered map the record's
 * constructor keeps as it is. A later key replaces the value of an earlier one, keeping its place.
 *
 * <p>Not thread-safe; {@link #build} once, after which the builder refuses further use, so that no
 * one can change a built map.
 */
public final class MapBuilder<K, V> {
  private LinkedHashMap<K, V> entries = new LinkedHashMap<>();

  /** Adds or replaces the entry of {@code key}. */
  public void put(K key, V value) {
    Objects.requireNonNull(key, "key == null");
    Objects.requireNonNull(value, "value == null");
    entries().put(key, value);
  }

  /** The entries as an unmodifiable insertion-ordered map; the builder cannot be used again. */
  public Map<K, V> build() {
    Map<K, V> map = new FrozenMap<>(entries());
    entries = null;
    return map;
  }

  private LinkedHashMap<K, V> entries() {
    if (entries == null) {
      throw new IllegalStateException("MapBuilder used after build()");
    }
    return entries;
  }
}
