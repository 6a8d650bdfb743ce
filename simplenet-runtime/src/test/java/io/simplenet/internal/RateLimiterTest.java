package io.simplenet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.RateLimitConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The seed crate's fixed window (reference §5), driven by synthetic elapsed times. */
class RateLimiterTest {
  private static final long MS = 1_000_000L;
  private static final long PERIOD = 100 * MS;

  @Test
  void defaultsAreTheSeedCrates() {
    assertEquals(Duration.ofMillis(100), RateLimitConfig.DEFAULT.period());
    assertEquals(10, RateLimitConfig.DEFAULT.maxCount());
  }

  @Test
  void maxCountMessagesFitOneWindowAndTheNextDoesNot() {
    RateLimiter limiter = new RateLimiter(RateLimitConfig.DEFAULT);
    assertAccepts(limiter, 10, 0);
    assertFalse(limiter.tryCountMessage(0));
    assertFalse(limiter.tryCountMessage(PERIOD - 1), "still the first window");
  }

  @Test
  void firstWindowStartsAtCreationNotAtTheFirstMessage() {
    RateLimiter limiter = new RateLimiter(RateLimitConfig.DEFAULT);
    assertAccepts(limiter, 10, 50 * MS);
    assertFalse(limiter.tryCountMessage(99 * MS));
    assertTrue(limiter.tryCountMessage(PERIOD), "the window [0, period) has ended");
  }

  @Test
  void laterWindowsStartAtTheFirstMessageAfterThePreviousOneEnded() {
    RateLimiter limiter = new RateLimiter(RateLimitConfig.DEFAULT);
    assertAccepts(limiter, 1, 0);
    // Quiet until 150 ms: the next window is [150 ms, 250 ms), not [100 ms, 200 ms) or [200, 300).
    assertAccepts(limiter, 10, 150 * MS);
    assertFalse(limiter.tryCountMessage(200 * MS));
    assertFalse(limiter.tryCountMessage(250 * MS - 1));
    assertAccepts(limiter, 10, 250 * MS);
    assertFalse(limiter.tryCountMessage(250 * MS));
  }

  @Test
  void countsRestartWithEachWindow() {
    RateLimiter limiter = new RateLimiter(new RateLimitConfig(Duration.ofMillis(100), 3));
    assertAccepts(limiter, 3, 10 * MS);
    assertFalse(limiter.tryCountMessage(20 * MS));
    assertFalse(limiter.tryCountMessage(30 * MS));
    for (int window = 1; window <= 5; window++) {
      long start = window * PERIOD;
      assertAccepts(limiter, 3, start);
      assertFalse(limiter.tryCountMessage(start + PERIOD - 1), "window " + window);
    }
  }

  @Test
  void aFloodStaysRejectedUntilTheWindowEnds() {
    RateLimiter limiter = new RateLimiter(new RateLimitConfig(Duration.ofSeconds(1), 1));
    assertTrue(limiter.tryCountMessage(0));
    for (int i = 0; i < 100_000; i++) {
      assertFalse(limiter.tryCountMessage(i));
    }
    assertTrue(limiter.tryCountMessage(1_000 * MS));
  }

  @Test
  void aWindowEndingPastLongMaxValueSaturatesInsteadOfWrapping() {
    long period = 1L << 62;
    RateLimiter limiter = new RateLimiter(new RateLimitConfig(Duration.ofNanos(period), 1));
    long late = Long.MAX_VALUE - 10; // late + period overflows
    assertTrue(limiter.tryCountMessage(late), "a new window: the first ended at 2^62");
    // A wrapped checkpoint would be negative and let every later message open a new window.
    assertFalse(limiter.tryCountMessage(late + 1));
    assertFalse(limiter.tryCountMessage(Long.MAX_VALUE - 1));
  }

  @Test
  void negativeElapsedTimeIsRefused() {
    RateLimiter limiter = new RateLimiter(RateLimitConfig.DEFAULT);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> limiter.tryCountMessage(-1));
    assertEquals("elapsedNanos < 0: -1", e.getMessage());
  }

  @Test
  void configIsValidated() {
    IllegalArgumentException zeroCount =
        assertThrows(
            IllegalArgumentException.class, () -> new RateLimitConfig(Duration.ofMillis(1), 0));
    assertEquals("maxCount < 1: 0", zeroCount.getMessage());
    IllegalArgumentException zeroPeriod =
        assertThrows(IllegalArgumentException.class, () -> new RateLimitConfig(Duration.ZERO, 1));
    assertEquals("period <= 0: PT0S", zeroPeriod.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> new RateLimitConfig(Duration.ofMillis(-1), 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RateLimitConfig(RateLimitConfig.MAX_PERIOD.plusNanos(1), 1));
    assertThrows(NullPointerException.class, () -> new RateLimitConfig(null, 1));
  }

  private static void assertAccepts(RateLimiter limiter, int count, long elapsedNanos) {
    for (int i = 0; i < count; i++) {
      assertTrue(
          limiter.tryCountMessage(elapsedNanos), "message " + (i + 1) + " at " + elapsedNanos);
    }
  }
}
