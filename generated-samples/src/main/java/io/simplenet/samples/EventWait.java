package io.simplenet.samples;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * How the demos wait for what a step caused: poll a generated client's events until the wanted one
 * arrives or a deadline passes, showing every event seen on the way.
 */
public final class EventWait {
  private EventWait() {}

  /** A source of events such as a generated client's {@code poll}; null when the timeout passes. */
  @FunctionalInterface
  public interface Poller<E> {
    E poll(Duration timeout) throws InterruptedException;
  }

  /**
   * The first event matching {@code wanted}, each event seen (that one included) passed to
   * {@code seen} first.
   *
   * @throws IllegalStateException naming {@code what} if it does not arrive within {@code limit}
   */
  public static <E> E await(
      Poller<E> poller, Duration limit, Consumer<E> seen, Predicate<E> wanted, String what) {
    long deadline = System.nanoTime() + limit.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        E event = poller.poll(Duration.ofNanos(deadline - System.nanoTime()));
        if (event != null) {
          seen.accept(event);
          if (wanted.test(event)) {
            return event;
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new IllegalStateException(what + " did not arrive within " + limit);
  }
}
