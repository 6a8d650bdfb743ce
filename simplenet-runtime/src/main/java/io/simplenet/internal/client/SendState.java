package io.simplenet.internal.client;

import io.simplenet.MessageSignal;
import io.simplenet.MessageStatus;
import io.simplenet.internal.wire.OutboundQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The mutable {@link MessageSignal} behind one outbound frame: it leaves {@link
 * MessageStatus#SENDING} once, for {@link MessageStatus#SENT} or {@link MessageStatus#FAILED},
 * whichever is set first.
 *
 * <p>Thread-safe.
 */
public final class SendState implements MessageSignal, OutboundQueue.Completion {
  private final AtomicReference<MessageStatus> status;

  private SendState(MessageStatus status) {
    this.status = new AtomicReference<>(status);
  }

  /** A frame on its way. */
  public static SendState sending() {
    return new SendState(MessageStatus.SENDING);
  }

  /** A frame that was refused before it was queued. */
  public static SendState failed() {
    return new SendState(MessageStatus.FAILED);
  }

  /** Marks the frame written to the socket; false if it was already done. */
  public boolean markSent() {
    return status.compareAndSet(MessageStatus.SENDING, MessageStatus.SENT);
  }

  /** Marks the frame failed; false if it was already done. */
  public boolean markFailed() {
    return status.compareAndSet(MessageStatus.SENDING, MessageStatus.FAILED);
  }

  /** Marks the frame sent or failed, as its outbound queue reports. */
  @Override
  public void completed(boolean written) {
    if (written) {
      markSent();
    } else {
      markFailed();
    }
  }

  @Override
  public MessageStatus status() {
    return status.get();
  }

  @Override
  public String toString() {
    return "MessageSignal[" + status.get() + "]";
  }
}
