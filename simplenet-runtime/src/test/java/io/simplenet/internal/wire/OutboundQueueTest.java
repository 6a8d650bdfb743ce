package io.simplenet.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.simplenet.internal.wire.OutboundQueue.Offer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OutboundQueueTest {

  /** Offers {@code frame}, asserting it was queued, and returns its outcome. */
  private static Outcome queue(OutboundQueue queue, WireMessage frame) {
    return Outcome.queued(queue, frame);
  }

  @Test
  void writesOneFrameAtATimeInOrder() {
    ManualWriter writer = new ManualWriter();
    OutboundQueue queue = new OutboundQueue(writer, 1_000, Runnable::run);
    List<WireMessage> frames = List.of(frameOf(1), frameOf(2), frameOf(3));
    List<Outcome> outcomes = new ArrayList<>();
    for (WireMessage frame : frames) {
      outcomes.add(queue(queue, frame));
    }
    assertEquals(0, writer.inFlight(), "offer does not write");
    queue.flush();
    assertEquals(1, writer.inFlight());
    assertNull(outcomes.get(0).written());

    assertNotNull(writer.succeedNext());
    assertEquals(true, outcomes.get(0).written());
    assertNull(outcomes.get(1).written());
    assertEquals(1, writer.inFlight(), "the completion started the next write");

    assertNotNull(writer.succeedNext());
    assertNotNull(writer.succeedNext());
    assertNull(writer.succeedNext());
    assertEquals(frames, writer.started());
    outcomes.forEach(outcome -> assertEquals(true, outcome.written()));
    assertEquals(0, queue.queuedBytes());
  }

  @Test
  void writesCompletingOnTheWritingThreadDoNotRecurse() {
    List<WireMessage> written = new ArrayList<>();
    OutboundQueue queue =
        new OutboundQueue(
            (frame, done) -> {
              written.add(frame);
              done.accept(null);
            },
            Long.MAX_VALUE,
            Runnable::run);
    int count = 200_000; // deep enough to overflow the stack if each completion recursed
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      outcomes.add(queue(queue, frameOf(i)));
    }
    queue.flush();
    assertEquals(count, written.size());
    for (int i = 0; i < count; i++) {
      assertEquals(frameOf(i), written.get(i));
      assertEquals(true, outcomes.get(i).written());
    }
  }

  @Test
  void aWriteErrorFailsThatFrameOnlyAndTheQueueGoesOn() {
    ManualWriter writer = new ManualWriter();
    OutboundQueue queue = new OutboundQueue(writer, 1_000, Runnable::run);
    Outcome first = queue(queue, frameOf(1));
    Outcome second = queue(queue, frameOf(2));
    queue.flush();
    assertNotNull(writer.failNext());
    assertNotNull(writer.succeedNext());
    assertEquals(false, first.written());
    assertEquals(true, second.written());
  }

  @Test
  void aWriterThatThrowsFailsThatFrameOnly() {
    List<WireMessage> written = new ArrayList<>();
    OutboundQueue queue =
        new OutboundQueue(
            (frame, done) -> {
              if (frame.equals(frameOf(1))) {
                throw new IllegalStateException("session closed");
              }
              written.add(frame);
              done.accept(null);
            },
            1_000,
            Runnable::run);
    Outcome first = queue(queue, frameOf(1));
    Outcome second = queue(queue, frameOf(2));
    queue.flush();
    assertEquals(false, first.written());
    assertEquals(true, second.written());
    assertEquals(List.of(frameOf(2)), written);
  }

  @Test
  void framesOverTheByteBoundAreRefusedButAnIdleQueueTakesAnyFrame() {
    ManualWriter writer = new ManualWriter();
    OutboundQueue queue = new OutboundQueue(writer, 100, Runnable::run);
    queue(queue, ManualWriter.frame(500)); // an idle queue takes any frame
    assertEquals(Offer.FULL, queue.offer(ManualWriter.frame(1), new Outcome()));

    queue.flush(); // a frame in flight still counts: its bytes are still held
    assertEquals(500, queue.queuedBytes());
    assertEquals(Offer.FULL, queue.offer(ManualWriter.frame(1), new Outcome()));
    assertNotNull(writer.succeedNext());

    queue(queue, ManualWriter.frame(60));
    queue(queue, ManualWriter.frame(40));
    assertEquals(Offer.FULL, queue.offer(ManualWriter.frame(1), new Outcome()));

    queue.flush();
    assertNotNull(writer.succeedNext()); // the 60-byte frame was written: room for 60 again
    queue(queue, ManualWriter.frame(60));
    assertEquals(100, queue.queuedBytes());
  }

  @Test
  void closeFailsQueuedFramesAndLeavesTheWriteInFlightOpen() {
    ManualWriter writer = new ManualWriter();
    OutboundQueue queue = new OutboundQueue(writer, 1_000, Runnable::run);
    Outcome writing = queue(queue, frameOf(1));
    queue.flush();
    Outcome queued = queue(queue, frameOf(2));

    queue.close();
    assertEquals(false, queued.written());
    assertNull(writing.written());
    assertEquals(Offer.CLOSED, queue.offer(frameOf(3), new Outcome()), "closed: refused");

    assertNotNull(writer.succeedNext());
    assertEquals(true, writing.written(), "the write still reports its outcome");
    assertEquals(List.of(frameOf(1)), writer.started());
  }

  @Test
  void abandonFailsTheWriteInFlightAndALateCompletionCannotUndoIt() {
    ManualWriter writer = new ManualWriter();
    OutboundQueue queue = new OutboundQueue(writer, 1_000, Runnable::run);
    Outcome writing = queue(queue, frameOf(1));
    queue.flush();

    queue.abandon();
    assertEquals(false, writing.written());
    assertNotNull(writer.succeedNext());
    assertEquals(false, writing.written());
    assertEquals(1, writing.reports(), "reported once");
  }

  @Test
  void whenDrainedRunsOnceEveryQueuedFrameIsWrittenOrAtOnceWhenIdle() {
    ManualWriter writer = new ManualWriter();
    OutboundQueue queue = new OutboundQueue(writer, 1_000, Runnable::run);
    AtomicInteger runs = new AtomicInteger();
    queue.whenDrained(runs::incrementAndGet);
    assertEquals(1, runs.get(), "idle: at once");

    queue(queue, frameOf(1));
    queue(queue, frameOf(2));
    queue.flush();
    queue.whenDrained(runs::incrementAndGet);
    assertNotNull(writer.succeedNext());
    assertEquals(1, runs.get(), "a frame is still waiting");
    assertNotNull(writer.succeedNext());
    assertEquals(2, runs.get());
  }

  @Test
  void whenDrainedRunsWhenTheQueueCloses() {
    ManualWriter writer = new ManualWriter();
    OutboundQueue queue = new OutboundQueue(writer, 1_000, Runnable::run);
    AtomicInteger runs = new AtomicInteger();
    queue(queue, frameOf(1));
    queue.flush();
    queue.whenDrained(runs::incrementAndGet);
    queue.close();
    assertEquals(1, runs.get());
    queue.whenDrained(runs::incrementAndGet);
    assertEquals(2, runs.get(), "closed: at once");
  }

  @Test
  void rejectsANonPositiveBound() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new OutboundQueue(new ManualWriter(), 0, Runnable::run));
    assertEquals("maxQueuedBytes < 1: 0", e.getMessage());
  }

  @Test
  void framesQueuedBehindAWriteGoOutAsOneBatchInOrder() {
    ManualWriter writer = new ManualWriter();
    OutboundQueue queue = new OutboundQueue(writer, 1_000_000, Runnable::run);
    queue.batchUpTo(1_000);
    Outcome first = queue(queue, frameOf(0));
    queue.flush();
    List<WireMessage> behind = new ArrayList<>();
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      behind.add(frameOf(i));
      outcomes.add(queue(queue, frameOf(i)));
    }
    queue.flush();
    assertEquals(1, writer.inFlight(), "one write at a time");

    assertEquals(frameOf(0), writer.succeedNext(), "an idle queue writes a frame alone");
    assertEquals(true, first.written());
    outcomes.forEach(outcome -> assertNull(outcome.written()));
    assertEquals(Batches.combine(behind), writer.succeedNext(), "the rest, batched in order");
    outcomes.forEach(outcome -> assertEquals(true, outcome.written()));
    outcomes.forEach(outcome -> assertEquals(1, outcome.reports()));
    assertNull(writer.succeedNext());
    assertEquals(0, queue.queuedBytes());
  }

  @Test
  void aBatchNeverExceedsItsBoundAndABiggerFrameGoesAlone() {
    ManualWriter writer = new ManualWriter();
    OutboundQueue queue = new OutboundQueue(writer, 1_000_000, Runnable::run);
    int bound = 100;
    queue.batchUpTo(bound);
    queue(queue, ManualWriter.frame(1));
    queue.flush();
    // 30-byte frames take 32 bytes in a batch: three fit in 100 with the batch's 2-byte header.
    List<WireMessage> frames = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      frames.add(ManualWriter.frame(30));
    }
    frames.add(ManualWriter.frame(bound + 1));
    frames.add(ManualWriter.frame(30));
    List<Outcome> outcomes = new ArrayList<>();
    frames.forEach(frame -> outcomes.add(queue(queue, frame)));
    while (writer.succeedNext() != null) {
      assertEquals(true, writer.inFlight() <= 1);
    }
    List<WireMessage> started = writer.started();
    assertEquals(
        hex(
            List.of(
                ManualWriter.frame(1),
                Batches.combine(frames.subList(0, 3)),
                Batches.combine(frames.subList(3, 6)),
                frames.get(6),
                frames.get(7),
                frames.get(8))),
        hex(started),
        "batches of three, a frame the next cannot join, the big frame alone, the last");
    for (WireMessage message : started) {
      assertEquals(true, message.sizeBytes() <= bound || message == frames.get(7), "over the bound");
    }
    outcomes.forEach(outcome -> assertEquals(true, outcome.written()));
  }

  @Test
  void aFailedBatchFailsEachOfItsFramesOnce() {
    ManualWriter writer = new ManualWriter();
    OutboundQueue queue = new OutboundQueue(writer, 1_000_000, Runnable::run);
    queue.batchUpTo(1_000);
    queue(queue, frameOf(0));
    queue.flush();
    List<Outcome> batched = List.of(queue(queue, frameOf(1)), queue(queue, frameOf(2)));
    writer.succeedNext();
    writer.failNext();
    queue.abandon();
    batched.forEach(outcome -> assertEquals(false, outcome.written()));
    batched.forEach(outcome -> assertEquals(1, outcome.reports()));
  }

  @Test
  void batchingIsOffUntilAllowed() {
    ManualWriter writer = new ManualWriter();
    OutboundQueue queue = new OutboundQueue(writer, 1_000, Runnable::run);
    List<WireMessage> frames = List.of(frameOf(1), frameOf(2), frameOf(3));
    frames.forEach(frame -> queue(queue, frame));
    queue.flush();
    while (writer.succeedNext() != null) {
      assertEquals(true, writer.inFlight() <= 1);
    }
    assertEquals(frames, writer.started());
  }

  private static List<String> hex(List<WireMessage> binaryMessages) {
    return binaryMessages.stream()
        .map(message -> HexFormat.of().formatHex(((WireMessage.Binary) message).bytes()))
        .toList();
  }

  /** A distinct frame per {@code n}, equal to any other frame of the same {@code n}. */
  private static WireMessage frameOf(int n) {
    return new WireMessage.Text("frame " + n);
  }
}
