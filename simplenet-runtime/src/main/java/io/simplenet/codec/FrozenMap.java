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

  /**
   * The entries' encoded sizes last computed, or null. Racy but safe: threads that miss each
   * other's value compute it again, and the value is not changed once published.
   */
  private EntrySizes entrySizes;

  /**
   * The size of each entry's encoding, in iteration order, for one pair of codecs; the array is
   * never changed once the record is made.
   */
  private record EntrySizes(ValueCodec<?> keys, ValueCodec<?> values, int[] sizes) {}

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

  /**
   * The size of each entry of {@code map} encoded with {@code keys} and {@code values}, in the
   * order of {@link #entriesOf}: the encoder needs them once for the size of the message and again
   * for the length prefixes, and, as protoc's messages do, a record's map remembers them. The
   * caller must not change the array.
   */
  static <K, V> int[] entrySizes(ValueCodec<K> keys, ValueCodec<V> values, Map<K, V> map) {
    FrozenMap<K, V> frozen = map instanceof FrozenMap<K, V> record ? record : null;
    if (frozen != null) {
      EntrySizes cached = frozen.entrySizes;
      if (cached != null && cached.keys() == keys && cached.values() == values) {
        return cached.sizes();
      }
    }
    int[] sizes = new int[map.size()];
    int i = 0;
    for (Entry<K, V> entry : entriesOf(map)) {
      sizes[i++] = ProtoWire.entrySize(keys, values, entry);
    }
    if (frozen != null) {
      frozen.entrySizes = new EntrySizes(keys, values, sizes);
    }
    return sizes;
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
