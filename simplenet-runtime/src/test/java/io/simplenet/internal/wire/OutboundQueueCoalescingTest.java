package io.simplenet.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The coalescing writer: a streaming sender's frames wait for one drain task, which writes them as
 * batches; an idle sender's frame is written at once on its own thread. The clock and the executor
 * are the test's, so "streaming" and "drain ran" happen exactly when a test says.
 */
class OutboundQueueCoalescingTest {
  private static final int BATCH_BYTES = 1_000_000;
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** Runs the tasks handed to it when the test says so. */
  private static final class ManualExecutor implements Executor {
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
      tasks.add(task);
    }

    synchronized int pending() {
      return tasks.size();
    }

    void runNext() {
      Runnable task;
      synchronized (this) {
        task = tasks.poll();
      }
      task.run();
    }
  }

  /** A writer whose writes complete at once, on the writing thread, as Tyrus's with room. */
  private static final class ImmediateWriter implements FrameWriter {
    final List<WireMessage> written = Collections.synchronizedList(new ArrayList<>());
    final List<Thread> threads = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void write(WireMessage frame, Consumer<Throwable> done) {
      written.add(frame);
      threads.add(Thread.currentThread());
      done.accept(null);
    }
  }

  private final AtomicLong clock = new AtomicLong(1_000_000_000L);
  private final ManualExecutor drainer = new ManualExecutor();

  private OutboundQueue queue(FrameWriter writer) {
    OutboundQueue queue = new OutboundQueue(writer, 1_000_000, drainer, clock::get);
    queue.batchUpTo(BATCH_BYTES);
    return queue;
  }

  /** Offers and flushes {@code frame}, as a sender does, and returns its outcome. */
  private static Outcome send(OutboundQueue queue, WireMessage frame) {
    Outcome outcome = Outcome.queued(queue, frame);
    queue.flush();
    return outcome;
  }

  @Test
  void anIdleSendersFrameIsWrittenAtOnceOnItsOwnThread() {
    ImmediateWriter writer = new ImmediateWriter();
    OutboundQueue queue = queue(writer);
    Outcome first = send(queue, frameOf(0));
    clock.addAndGet(OutboundQueue.STREAMING_GAP_NANOS); // idle since that write
    Outcome second = send(queue, frameOf(1));

    assertEquals(List.of(frameOf(0), frameOf(1)), writer.written);
    assertEquals(List.of(Thread.currentThread(), Thread.currentThread()), writer.threads);
    assertEquals(0, drainer.pending(), "no hand-off");
    assertEquals(true, first.written());
    assertEquals(true, second.written());
  }

  @Test
  void aStreamingSendersFramesWaitForOneDrainThatBatchesThemInOrder() {
    ImmediateWriter writer = new ImmediateWriter();
    OutboundQueue queue = queue(writer);
    Outcome first = send(queue, frameOf(0));
    List<WireMessage> streamed = new ArrayList<>();
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      streamed.add(frameOf(i));
      outcomes.add(send(queue, frameOf(i))); // within the gap: the sender is streaming
    }
    assertEquals(List.of(frameOf(0)), writer.written, "only the first went out at once");
    assertEquals(1, drainer.pending(), "one drain task for the whole stream");
    outcomes.forEach(outcome -> assertNull(outcome.written()));

    drainer.runNext();
    assertEquals(List.of(frameOf(0), Batches.combine(streamed)), writer.written);
    assertEquals(true, first.written());
    outcomes.forEach(outcome -> assertEquals(true, outcome.written()));
    outcomes.forEach(outcome -> assertEquals(1, outcome.reports()));
    assertEquals(0, drainer.pending());
    assertEquals(0, queue.queuedBytes());
  }

  @Test
  void withoutBatchesEveryFrameIsWrittenAtOnce() {
    ImmediateWriter writer = new ImmediateWriter();
    OutboundQueue queue = new OutboundQueue(writer, 1_000_000, drainer, clock::get);
    for (int i = 0; i < 3; i++) {
      send(queue, frameOf(i));
    }
    assertEquals(List.of(frameOf(0), frameOf(1), frameOf(2)), writer.written);
    assertEquals(0, drainer.pending(), "a hand-off could not batch anything");
  }

  @Test
  void aDrainWritesABoundedNumberOfMessagesThenReschedulesItself() {
    ImmediateWriter writer = new ImmediateWriter();
    OutboundQueue queue = new OutboundQueue(writer, 1_000_000, drainer, clock::get);
    queue.batchUpTo(1); // every frame is over the bound: each goes alone
    send(queue, frameOf(0));
    int streamed = OutboundQueue.WRITES_PER_DRAIN + 3;
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 1; i <= streamed; i++) {
      outcomes.add(send(queue, frameOf(i)));
    }
    drainer.runNext();
    assertEquals(1 + OutboundQueue.WRITES_PER_DRAIN, writer.written.size());
    assertEquals(1, drainer.pending(), "the rest in a new task");
    send(queue, frameOf(streamed + 1)); // joins the scheduled drain: no second task
    assertEquals(1, drainer.pending());

    drainer.runNext();
    List<WireMessage> expected = new ArrayList<>();
    for (int i = 0; i <= streamed + 1; i++) {
      expected.add(frameOf(i));
    }
    assertEquals(expected, writer.written);
    outcomes.forEach(outcome -> assertEquals(true, outcome.written()));
    assertEquals(0, drainer.pending());
  }

  @Test
  void aSenderWritesItselfWhenALateDrainLeavesHalfTheBoundQueued() {
    ImmediateWriter writer = new ImmediateWriter();
    OutboundQueue queue = new OutboundQueue(writer, 100, drainer, clock::get);
    queue.batchUpTo(BATCH_BYTES);
    send(queue, ManualWriter.frame(10)); // idle: written at once
    Outcome second = send(queue, ManualWriter.frame(30));
    assertEquals(1, drainer.pending(), "streaming: the frame waits for a drain");
    assertEquals(30, queue.queuedBytes());

    // Past half the bound with nothing pending at the socket: the peer is not slow, so the
    // sender writes rather than let the bound refuse frames while the drain is late.
    Outcome third = send(queue, ManualWriter.frame(30));
    assertEquals(0, queue.queuedBytes());
    assertEquals(true, second.written());
    assertEquals(true, third.written());
    assertEquals(List.of(Thread.currentThread(), Thread.currentThread()), writer.threads);
    assertEquals(2, writer.written.size(), "the queued frames went as one batch");

    drainer.runNext(); // the late drain finds nothing to write
    assertEquals(2, writer.written.size());
  }

  @Test
  void closeDuringAScheduledDrainFailsTheQueuedFramesAndRunsWhenDrainedOnce() {
    ImmediateWriter writer = new ImmediateWriter();
    OutboundQueue queue = queue(writer);
    send(queue, frameOf(0));
    Outcome queued = send(queue, frameOf(1));
    AtomicInteger drained = new AtomicInteger();
    queue.whenDrained(drained::incrementAndGet);
    assertEquals(0, drained.get(), "a frame waits for the drain");

    queue.close();
    assertEquals(false, queued.written());
    assertEquals(1, drained.get());
    drainer.runNext(); // the late drain finds nothing to write
    assertEquals(List.of(frameOf(0)), writer.written);
    assertEquals(1, queued.reports());
    assertEquals(1, drained.get());
  }

  @Test
  void abandonDuringADrainsWriteFailsItAndEveryQueuedFrame() {
    ManualWriter writer = new ManualWriter();
    OutboundQueue queue = queue(writer);
    send(queue, frameOf(0));
    writer.succeedNext(); // the write ends now: the next frames find the sender streaming
    Outcome batched = send(queue, frameOf(1));
    drainer.runNext();
    assertEquals(1, writer.inFlight(), "the drain's write is pending");
    Outcome behind = send(queue, frameOf(2));
    assertEquals(0, drainer.pending(), "behind a write: its completion goes on");

    queue.abandon();
    assertEquals(false, batched.written());
    assertEquals(false, behind.written());
    writer.succeedNext(); // a late completion cannot undo it
    assertEquals(false, batched.written());
    assertEquals(1, batched.reports());
    assertEquals(0, writer.inFlight());
  }

  @Test
  void anAsynchronousCompletionHandsTheRestToADrainInOrder() {
    ManualWriter writer = new ManualWriter();
    OutboundQueue queue = queue(writer);
    send(queue, frameOf(0));
    Outcome second = send(queue, frameOf(1));
    Outcome third = send(queue, frameOf(2));
    assertEquals(0, drainer.pending(), "behind a write in flight: queued only");

    writer.succeedNext(); // completes on "another thread", just now: a drain writes the rest
    assertEquals(1, drainer.pending());
    drainer.runNext();
    writer.succeedNext();
    assertEquals(
        List.of(frameOf(0), Batches.combine(List.of(frameOf(1), frameOf(2)))), writer.started());
    assertEquals(true, second.written());
    assertEquals(true, third.written());
  }

  @Test
  void whenTheWriterThreadsHaveStoppedTheSenderWritesItself() throws InterruptedException {
    ExecutorService stopped = WriterThreads.newPool("test-stopped-writer");
    stopped.shutdown();
    assertTrue(stopped.awaitTermination(WAIT.toNanos(), TimeUnit.NANOSECONDS));
    ImmediateWriter writer = new ImmediateWriter();
    OutboundQueue queue = new OutboundQueue(writer, 1_000_000, stopped, clock::get);
    queue.batchUpTo(BATCH_BYTES);
    send(queue, frameOf(0));
    Outcome streamed = send(queue, frameOf(1)); // a drain is refused: written here instead
    assertEquals(true, streamed.written());
    assertEquals(List.of(frameOf(0), frameOf(1)), writer.written);
    assertEquals(List.of(Thread.currentThread(), Thread.currentThread()), writer.threads);
  }

  /** Real threads and the real clock: whatever path each frame takes, all arrive once, in order. */
  @Test
  void aLongStreamOnRealWriterThreadsArrivesCompleteAndInOrder() throws InterruptedException {
    int count = 20_000;
    ExecutorService writers = WriterThreads.newPool("test-writer");
    try {
      ImmediateWriter writer = new ImmediateWriter();
      OutboundQueue queue = new OutboundQueue(writer, Long.MAX_VALUE, writers);
      queue.batchUpTo(256); // a few frames per batch, so there are many batches
      CountDownLatch allWritten = new CountDownLatch(count);
      for (int i = 0; i < count; i++) {
        assertSame(
            OutboundQueue.Offer.QUEUED,
            queue.offer(frameOf(i), written -> {
              if (written) {
                allWritten.countDown();
              }
            }));
        queue.flush();
      }
      assertTrue(allWritten.await(WAIT.toNanos(), TimeUnit.NANOSECONDS), "every frame written");
      List<WireMessage> frames = new ArrayList<>();
      synchronized (writer.written) {
        for (WireMessage message : writer.written) {
          frames.addAll(members(message));
        }
      }
      List<WireMessage> expected = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        expected.add(frameOf(i));
      }
      assertEquals(expected, frames);
      System.out.printf(
          "OutboundQueueCoalescingTest: %d frames in %d messages%n", count, writer.written.size());
    } finally {
      writers.shutdown();
    }
  }

  /** The frames {@code message} carries: itself, or its batch's members (frameOf has no comma). */
  private static List<WireMessage> members(WireMessage message) {
    String text = ((WireMessage.Text) message).text();
    if (!text.startsWith(Batches.JSON_PREFIX)) {
      return List.of(message);
    }
    String items =
        text.substring(Batches.JSON_PREFIX.length(), text.length() - Batches.JSON_SUFFIX.length());
    return Arrays.stream(items.split(","))
        .map(item -> (WireMessage) new WireMessage.Text(item))
        .toList();
  }

  /** A distinct text frame per {@code n}. */
  private static WireMessage frameOf(int n) {
    return new WireMessage.Text("{\"message\":{\"value\":\"" + n + "\"}}");
  }
}
