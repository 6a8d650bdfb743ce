package io.simplenet.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.MessageStatus;
import io.simplenet.internal.wire.WireMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboundQueueTest {

  @Test
  void writesOneFrameAtATimeInOrder() {
    ManualWriter writer = new ManualWriter();
    OutboundQueue queue = new OutboundQueue(writer, 1_000);
    List<WireMessage> frames = List.of(frameOf(1), frameOf(2), frameOf(3));
    List<SendState> states = new ArrayList<>();
    for (WireMessage frame : frames) {
      states.add(queue.offer(frame));
    }
    queue.flush();
    assertEquals(1, writer.inFlight());
    assertEquals(MessageStatus.SENDING, states.get(0).status());

    assertNotNull(writer.succeedNext());
    assertEquals(MessageStatus.SENT, states.get(0).status());
    assertEquals(MessageStatus.SENDING, states.get(1).status());
    assertEquals(1, writer.inFlight(), "the completion started the next write");

    assertNotNull(writer.succeedNext());
    assertNotNull(writer.succeedNext());
    assertNull(writer.succeedNext());
    assertEquals(frames, writer.started());
    states.forEach(state -> assertEquals(MessageStatus.SENT, state.status()));
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
            Long.MAX_VALUE);
    int count = 200_000; // deep enough to overflow the stack if each completion recursed
    List<SendState> states = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      states.add(queue.offer(frameOf(i)));
    }
    queue.flush();
    assertEquals(count, written.size());
    for (int i = 0; i < count; i++) {
      assertEquals(frameOf(i), written.get(i));
      assertEquals(MessageStatus.SENT, states.get(i).status());
    }
  }

  @Test
  void aWriteErrorFailsThatFrameOnlyAndTheQueueGoesOn() {
    ManualWriter writer = new ManualWriter();
    OutboundQueue queue = new OutboundQueue(writer, 1_000);
    SendState first = queue.offer(frameOf(1));
    SendState second = queue.offer(frameOf(2));
    queue.flush();
    assertNotNull(writer.failNext());
    assertNotNull(writer.succeedNext());
    assertEquals(MessageStatus.FAILED, first.status());
    assertEquals(MessageStatus.SENT, second.status());
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
            1_000);
    SendState first = queue.offer(frameOf(1));
    SendState second = queue.offer(frameOf(2));
    queue.flush();
    assertEquals(MessageStatus.FAILED, first.status());
    assertEquals(MessageStatus.SENT, second.status());
    assertEquals(List.of(frameOf(2)), written);
  }

  @Test
  void framesOverTheByteBoundFailButAnEmptyQueueTakesAnyFrame() {
    ManualWriter writer = new ManualWriter();
    OutboundQueue queue = new OutboundQueue(writer, 100);
    SendState huge = queue.offer(ManualWriter.frame(500));
    assertEquals(MessageStatus.SENDING, huge.status(), "an empty queue takes any frame");
    assertEquals(MessageStatus.FAILED, queue.offer(ManualWriter.frame(1)).status());

    queue.flush(); // the huge frame is now being written, so it no longer counts
    SendState fits = queue.offer(ManualWriter.frame(60));
    SendState fillsUp = queue.offer(ManualWriter.frame(40));
    SendState over = queue.offer(ManualWriter.frame(1));
    assertEquals(MessageStatus.SENDING, fits.status());
    assertEquals(MessageStatus.SENDING, fillsUp.status());
    assertEquals(MessageStatus.FAILED, over.status());

    assertNotNull(writer.succeedNext());
    assertNotNull(writer.succeedNext()); // the 60-byte frame left the queue: room for 60 again
    assertEquals(MessageStatus.SENDING, queue.offer(ManualWriter.frame(60)).status());
  }

  @Test
  void closeFailsQueuedFramesAndLeavesTheWriteInFlightOpen() {
    ManualWriter writer = new ManualWriter();
    OutboundQueue queue = new OutboundQueue(writer, 1_000);
    SendState writing = queue.offer(frameOf(1));
    queue.flush();
    SendState queued = queue.offer(frameOf(2));

    queue.close();
    assertEquals(MessageStatus.FAILED, queued.status());
    assertEquals(MessageStatus.SENDING, writing.status());
    assertEquals(MessageStatus.FAILED, queue.offer(frameOf(3)).status(), "closed: refused");

    assertNotNull(writer.succeedNext());
    assertEquals(MessageStatus.SENT, writing.status(), "the write still reports its outcome");
    assertEquals(List.of(frameOf(1)), writer.started());
  }

  @Test
  void abandonFailsTheWriteInFlightAndALateCompletionCannotUndoIt() {
    ManualWriter writer = new ManualWriter();
    OutboundQueue queue = new OutboundQueue(writer, 1_000);
    SendState writing = queue.offer(frameOf(1));
    queue.flush();

    queue.abandon();
    assertEquals(MessageStatus.FAILED, writing.status());
    assertNotNull(writer.succeedNext());
    assertEquals(MessageStatus.FAILED, writing.status());
  }

  @Test
  void rejectsANonPositiveBound() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new OutboundQueue(new ManualWriter(), 0));
    assertEquals("maxQueuedBytes < 1: 0", e.getMessage());
  }

  @Test
  void signalsFinishOnce() {
    SendState state = SendState.sending();
    assertTrue(state.markSent());
    assertFalse(state.markFailed());
    assertFalse(state.markSent());
    assertSame(MessageStatus.SENT, state.status());
    assertEquals(MessageStatus.FAILED, SendState.failed().status());
  }

  /** A distinct frame per {@code n}, equal to any other frame of the same {@code n}. */
  private static WireMessage frameOf(int n) {
    return new WireMessage.Text("frame " + n);
  }
}
