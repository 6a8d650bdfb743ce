package io.simplenet.codec;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The list of a generated record's {@code list<T>} field: unmodifiable, no null elements, over an
 * array only its {@link ListBuilder} or {@link RecordCollections} filled, so a record's constructor
 * can keep it without copying. Like protoc's messages, it remembers the size of its packed encoding,
 * which an encoder needs once for the size of the message and again for the length prefix.
 *
 * <p>Immutable and thread-safe once published.
 */
final class FrozenList<T> extends AbstractList<T> implements RandomAccess {
  /** Never modified; may be longer than {@link #size}. */
  private final Object[] elements;

  private final int size;

  /**
   * The last packed size computed, or null. Racy but safe: threads that miss each other's value
   * compute it again, and the value itself is immutable.
   */
  private PackedSize packedSize;

  /** The packed encoding's size for one codec: a list of ints is smaller as uint32 than int32. */
  private record PackedSize(ValueCodec<?> codec, int bytes) {}

  FrozenList(Object[] elements, int size) {
    this.elements = elements;
    this.size = size;
  }

  @Override
  @SuppressWarnings("unchecked") // ListBuilder and RecordCollections only store Ts
  public T get(int index) {
    return (T) elements[Objects.checkIndex(index, size)];
  }

  @Override
  public int size() {
    return size;
  }

  /** The bytes of {@code list}'s elements written packed by {@code codec}, without tag or length. */
  @SuppressWarnings("unchecked") // as get
  static <T> int packedDataSize(ValueCodec<T> codec, List<T> list) {
    if (!(list instanceof FrozenList<T> frozen)) {
      int bytes = 0;
      for (T element : list) {
        bytes += codec.sizeNoTag(element);
      }
      return bytes;
    }
    PackedSize cached = frozen.packedSize;
    if (cached != null && cached.codec() == codec) {
      return cached.bytes();
    }
    int bytes = 0;
    for (int i = 0; i < frozen.size; i++) {
      bytes += codec.sizeNoTag((T) frozen.elements[i]);
    }
    frozen.packedSize = new PackedSize(codec, bytes);
    return bytes;
  }
}
