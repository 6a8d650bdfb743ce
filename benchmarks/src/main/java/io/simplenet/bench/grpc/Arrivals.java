package io.simplenet.bench.grpc;

import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the messages a receiver has seen, and lets the measuring thread wait until a total has
 * arrived.
 *
 * <p>{@link #arrive} is called from the one thread delivering messages; {@link #expect} and
 * {@link #await} from the measuring thread.
 */
final class Arrivals {
  private final AtomicLong count = new AtomicLong();
  private volatile long expected;

  /** The receiver's callback: one more message arrived. */
  void arrive() {
    if (count.incrementAndGet() == expected) {
      synchronized (this) {
        notifyAll();
      }
    }
  }

  /** Sets the total that {@link #await} waits for; call before sending the messages. */
  void expect(long total) {
    expected = total;
  }

  /** Waits until the expected total has arrived, or fails at {@code deadlineNanos}. */
  synchronized void await(long deadlineNanos) throws InterruptedException, TimeoutException {
    while (count.get() < expected) {
      long remainingMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
      if (remainingMillis <= 0) {
        throw new TimeoutException(
            "arrived " + count.get() + " of " + expected + " messages before the deadline");
      }
      wait(remainingMillis);
    }
  }
}
