package io.simplenet.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.MessageStatus;
import org.junit.jupiter.api.Test;

class SendStateTest {

  @Test
  void signalsFinishOnce() {
    SendState state = SendState.sending();
    assertTrue(state.markSent());
    assertFalse(state.markFailed());
    assertFalse(state.markSent());
    assertSame(MessageStatus.SENT, state.status());
    assertEquals(MessageStatus.FAILED, SendState.failed().status());
  }

  @Test
  void aQueueCompletionFinishesTheSignalOnce() {
    SendState written = SendState.sending();
    written.completed(true);
    written.completed(false);
    assertSame(MessageStatus.SENT, written.status());

    SendState dropped = SendState.sending();
    dropped.completed(false);
    assertSame(MessageStatus.FAILED, dropped.status());
  }
}
