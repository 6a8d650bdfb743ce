package io.simplenet.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HeartbeatsTest {
  private static final Duration INTERVAL = Duration.ofSeconds(5);

  @Test
  void aConnectionHeardFromRecentlyIsNotPinged() {
    assertFalse(Heartbeats.needsPing(0, INTERVAL));
    assertFalse(Heartbeats.needsPing(INTERVAL.toNanos() / 2 - 1, INTERVAL));
  }

  @Test
  void aPongJustAfterTheLastCheckDoesNotSkipTheNextPing() {
    // The pong came 1 ms after the previous check: a full interval has not quite passed, but
    // skipping this ping would let the next, slightly late, check find the keepalive timeout gone.
    long silentNanos = INTERVAL.minusMillis(1).toNanos();
    assertTrue(Heartbeats.needsPing(silentNanos, INTERVAL));
    assertTrue(Heartbeats.needsPing(INTERVAL.toNanos(), INTERVAL));
  }
}
