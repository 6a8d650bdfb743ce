package io.simplenet;

import java.time.Duration;
import java.util.Objects;

/** Argument checks on durations shared by the configuration types. */
final class Durations {
  private Durations() {}

  /** Returns {@code value}; throws if it is null, zero or negative, naming it {@code name}. */
  static Duration requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " <= 0: " + value);
    }
    return value;
  }
}
