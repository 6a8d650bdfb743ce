package io.simplenet.internal;

import io.simplenet.RateLimitConfig;

/**
 * Counts one connection's messages against its {@link RateLimitConfig}, exactly as the seed crate's
 * {@code RateLimitTracker}: a fixed window that starts when the connection is created and restarts
 * at the first message after it ends.
 *
 * <p>Not thread-safe: one instance per connection, used by one thread at a time.
 */
public final class RateLimiter {
  private final long periodNanos;
  private final int maxCount;
  private long nextCheckpointNanos;
  private int count;

  /** A limiter whose clock starts now, at elapsed time 0: the connection's creation. */
  public RateLimiter(RateLimitConfig config) {
    this.periodNanos = config.period().toNanos();
    this.maxCount = config.maxCount();
    this.nextCheckpointNanos = periodNanos;
  }

  /**
   * Counts a message that arrived {@code elapsedNanos} after the connection was created; returns
   * false if it is one too many for the current window.
   */
  public boolean tryCountMessage(long elapsedNanos) {
    if (elapsedNanos < 0) {
      throw new IllegalArgumentException("elapsedNanos < 0: " + elapsedNanos);
    }
    if (elapsedNanos >= nextCheckpointNanos) {
      // Saturate: a window ending past Long.MAX_VALUE nanoseconds (292 years) never ends.
      nextCheckpointNanos =
          elapsedNanos > Long.MAX_VALUE - periodNanos ? Long.MAX_VALUE : elapsedNanos + periodNanos;
      count = 0;
    }
    // Stop counting once over the limit, so a flood cannot wrap the count back to "allowed".
    if (count <= maxCount) {
      count++;
    }
    return count <= maxCount;
  }
}
