package io.simplenet.codec;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Collects the elements of a record's {@code list<T>} field while it is decoded; {@link #build}
 * hands them over, without a copy, as the unmodifiable list the record's constructor keeps as it
 * is.
 *
 * <p>Not thread-safe; {@link #build} once, after which the builder refuses further use, so that no
 * one can change a built list.
 */
public final class ListBuilder<T> {
  private static final Object[] NO_ELEMENTS = {};

  /** The capacity of the first array, what most small lists need; it then grows by half. */
  private static final int FIRST_CAPACITY = 10;

  /**
   * The most elements {@link #reserve} makes room for: a packed run's length is the sender's claim,
   * which protobuf checks against the input only as it reads, so a few bytes could otherwise ask
   * for an array of gigabytes.
   */
  static final int MAX_RESERVED = 4096;

  private Object[] elements = NO_ELEMENTS;
  private int size;
  private boolean built;

  /** Appends {@code element}. */
  public void add(T element) {
    Objects.requireNonNull(element, "element == null");
    checkNotBuilt();
    if (size == elements.length) {
      elements = Arrays.copyOf(elements, Math.max(FIRST_CAPACITY, size + (size >> 1)));
    }
    elements[size++] = element;
  }

  /**
   * Makes room for {@code count} more elements at once, at most {@link #MAX_RESERVED}, so that a
   * packed run whose length bounds its element count does not grow the array several times.
   */
  void reserve(int count) {
    int room = Math.min(count, MAX_RESERVED);
    if (!built && room > elements.length - size) {
      elements = Arrays.copyOf(elements, size + room);
    }
  }

  /** The elements as an unmodifiable list; the builder cannot be used again. */
  public List<T> build() {
    checkNotBuilt();
    built = true;
    return size == 0 ? List.of() : new FrozenList<>(elements, size);
  }

  private void checkNotBuilt() {
    if (built) {
      throw new IllegalStateException("ListBuilder used after build()");
    }
  }
}
