package io.simplenet.codec;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The map of a generated record's {@code map<K, V>} field: unmodifiable, insertion-ordered, no null
 * keys or values. Only {@link MapBuilder} and {@link RecordCollections} make one, each from a
 * {@link LinkedHashMap} nobody else holds, so a record's constructor can keep it without copying.
 *
 * <p>Immutable and thread-safe once published.
 */
final class FrozenMap<K, V> extends AbstractMap<K, V> {
  /** Never modified. */
  private final LinkedHashMap<K, V> entries;

  private final Map<K, V> view;

  FrozenMap(LinkedHashMap<K, V> entries) {
    this.entries = entries;
    this.view = Collections.unmodifiableMap(entries);
  }

  /**
   * {@code map}'s entries for encoders to iterate: a record's without the unmodifiable view's
   * wrapper around each entry, which would cost an allocation per entry and pass.
   */
  static <K, V> Set<Entry<K, V>> entriesOf(Map<K, V> map) {
    return map instanceof FrozenMap<K, V> frozen ? frozen.entries.entrySet() : map.entrySet();
  }

  @Override
  public Set<Entry<K, V>> entrySet() {
    return view.entrySet();
  }

  @Override
  public Set<K> keySet() {
    return view.keySet();
  }

  @Override
  public int size() {
    return entries.size();
  }

  @Override
  public boolean containsKey(Object key) {
    return entries.containsKey(key);
  }

  @Override
  public boolean containsValue(Object value) {
    return entries.containsValue(value);
  }

  @Override
  public V get(Object key) {
    return entries.get(key);
  }

  @Override
  public void forEach(BiConsumer<? super K, ? super V> action) {
    entries.forEach(action);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || entries.equals(o);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return entries.toString();
  }
}
