package io.simplenet.compiler.internal.model;

import java.util.List;

/**
 * The numbers and names a message, enum, union or role declares {@code reserved}, in declaration
 * order; {@link #NONE} when it has no {@code reserved} line.
 */
public record Reserved(List<Range> ranges, List<String> names) {
  public static final Reserved NONE = new Reserved(List.of(), List.of());

  /** The {@code to max} bound of a message, union or role: the largest protobuf field number. */
  public static final int MAX_FIELD_NUMBER = 536_870_911;

  /** The {@code to max} bound of an enum: the largest {@code int32}. */
  public static final int MAX_ENUM_NUMBER = Integer.MAX_VALUE;

  public Reserved {
    ranges = List.copyOf(ranges);
    names = List.copyOf(names);
  }

  public boolean isEmpty() {
    return ranges.isEmpty() && names.isEmpty();
  }

  /**
   * Numbers {@code start} to {@code end}, both inclusive; a single number has {@code start == end},
   * and {@code to max} is {@link #MAX_FIELD_NUMBER} or {@link #MAX_ENUM_NUMBER}.
   */
  public record Range(int start, int end) {
    public Range {
      if (end < start) {
        throw new IllegalArgumentException("end < start: " + end + " < " + start);
      }
    }
  }
}
