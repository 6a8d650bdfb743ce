package io.simplenet;

import java.time.Duration;

/**
 * The per-connection message rate limit: at most {@code maxCount} messages per window of {@code
 * period}. A connection that exceeds it is closed. The window is the seed crate's: fixed, and
 * anchored at the first message after the previous window ended.
 *
 * <p>Instances are immutable and thread-safe.
 */
public record RateLimitConfig(Duration period, int maxCount) {
  /** The seed crate's window length. */
  public static final Duration DEFAULT_PERIOD = Duration.ofMillis(100);

  /** The seed crate's number of messages allowed per window. */
  public static final int DEFAULT_MAX_COUNT = 10;

  /** The longest period: the window arithmetic is in {@code long} nanoseconds. */
  public static final Duration MAX_PERIOD = Duration.ofNanos(Long.MAX_VALUE);

  /** {@link #DEFAULT_MAX_COUNT} messages per {@link #DEFAULT_PERIOD}. */
  public static final RateLimitConfig DEFAULT =
      new RateLimitConfig(DEFAULT_PERIOD, DEFAULT_MAX_COUNT);

  /** Validates both values. */
  public RateLimitConfig {
    Durations.requirePositive(period, "period");
    if (period.compareTo(MAX_PERIOD) > 0) {
      throw new IllegalArgumentException("period > MAX_PERIOD: " + period);
    }
    if (maxCount < 1) {
      throw new IllegalArgumentException("maxCount < 1: " + maxCount);
    }
  }
}
