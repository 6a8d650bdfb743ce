package io.simplenet.codec;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The list of a generated record's {@code list<T>} field when decoded: unmodifiable, no null
 * elements, over an array only its {@link ListBuilder} filled, so a record's constructor can keep
 * it without copying.
 *
 * <p>Immutable and thread-safe once published.
 */
final class FrozenList<T> extends AbstractList<T> implements RandomAccess {
  /** Never modified; may be longer than {@link #size}. */
  private final Object[] elements;

  private final int size;

  FrozenList(Object[] elements, int size) {
    this.elements = elements;
    this.size = size;
  }

  @Override
  @SuppressWarnings("unchecked") // ListBuilder only stores Ts
  public T get(int index) {
    return (T) elements[Objects.checkIndex(index, size)];
  }

  @Override
  public int size() {
    return size;
  }
}
