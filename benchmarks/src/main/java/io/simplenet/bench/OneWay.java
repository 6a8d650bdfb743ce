package io.simplenet.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One-way throughput: a sender sends numbered messages as fast as its peer lets it, a receiver
 * counts them, and the time runs from the first send until the last message is counted.
 *
 * <p>Flow control is end to end and the same for every peer: at most {@link #WINDOW} messages are
 * sent and not yet counted by the receiver, which returns credit every {@link #CREDIT_BATCH}
 * messages (returning it per message would wake the sender per message). Without it an async
 * sender could queue without bound in the transport, or run into a peer's own queue bounds.
 *
 * <p>Thread-safe: one thread {@linkplain #measure measures}, any one thread at a time calls {@link
 * #received()}.
 */
public final class OneWay {
  /** Messages sent and not yet counted, at most: about 70 KiB of 64-byte messages. */
  public static final int WINDOW = 1024;

  /** Counted messages per credit return. */
  public static final int CREDIT_BATCH = 64;

  /** Sends message {@code id}; must not block on the network. */
  @FunctionalInterface
  public interface Sender {
    void send(long id) throws Exception;
  }

  private final Semaphore credits = new Semaphore(WINDOW);
  private final AtomicLong received = new AtomicLong();
  private volatile long expected;
  private volatile CountDownLatch done = new CountDownLatch(0);

  /** Counts one message at the receiver. */
  public void received() {
    long count = received.incrementAndGet();
    if (count % CREDIT_BATCH == 0) {
      credits.release(CREDIT_BATCH);
    }
    if (count == expected) {
      done.countDown();
    }
  }

  /**
   * Sends {@link BenchPlan#warmupMessages()} unmeasured, then {@link BenchPlan#messages()} per
   * repeat; the median rate is {@code scenario}'s {@link ScenarioResult#MSGS_PER_S}.
   */
  public ScenarioResult measure(String scenario, BenchPlan plan, Sender sender) throws Exception {
    if (plan.warmupMessages() > 0) {
      sendAll(plan.warmupMessages(), plan, sender);
    }
    return Repeats.median(
        plan.repeats(),
        () -> {
          long elapsedNanos = sendAll(plan.messages(), plan, sender);
          return ScenarioResult.of(
              scenario, ScenarioResult.MSGS_PER_S, plan.messages() * 1e9 / elapsedNanos);
        });
  }

  /** Sends {@code count} messages and waits until all are counted; returns the nanoseconds taken. */
  private long sendAll(int count, BenchPlan plan, Sender sender) throws Exception {
    // Nothing is in flight between phases: reset the count and the window exactly.
    received.set(0);
    expected = count;
    done = new CountDownLatch(1);
    credits.drainPermits();
    credits.release(WINDOW);
    Deadline deadline = Deadline.after(plan.deadline());
    long start = System.nanoTime();
    for (int id = 0; id < count; id++) {
      if (!credits.tryAcquire(deadline.remainingNanos("send credit"), TimeUnit.NANOSECONDS)) {
        throw timeout("send credit", count);
      }
      sender.send(id);
    }
    if (!done.await(deadline.remainingNanos("the last message"), TimeUnit.NANOSECONDS)) {
      throw timeout("the last message", count);
    }
    return System.nanoTime() - start;
  }

  private TimeoutException timeout(String waitingFor, int count) {
    return new TimeoutException(
        "deadline passed while waiting for " + waitingFor + ": " + received.get() + " of " + count
            + " messages counted");
  }
}
