package io.simplenet.bench;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * A point in time that a measurement must finish by ({@link BenchPlan#deadline()} from its start),
 * so that every wait in a scenario is bounded.
 *
 * <p>Immutable and thread-safe.
 */
public final class Deadline {
  private final long deadlineNanos;

  private Deadline(long deadlineNanos) {
    this.deadlineNanos = deadlineNanos;
  }

  /** The deadline {@code timeout} from now. */
  public static Deadline after(Duration timeout) {
    return new Deadline(System.nanoTime() + timeout.toNanos());
  }

  /**
   * Nanoseconds left, at least 1.
   *
   * @throws TimeoutException naming {@code waitingFor} if the deadline has passed
   */
  public long remainingNanos(String waitingFor) throws TimeoutException {
    long remaining = deadlineNanos - System.nanoTime();
    if (remaining <= 0) {
      throw new TimeoutException("deadline passed while waiting for " + waitingFor);
    }
    return remaining;
  }

  /** {@link #remainingNanos} as a duration. */
  public Duration remaining(String waitingFor) throws TimeoutException {
    return Duration.ofNanos(remainingNanos(waitingFor));
  }
}
