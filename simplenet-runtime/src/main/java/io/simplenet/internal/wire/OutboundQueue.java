package io.simplenet.internal.wire;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One connection's frames waiting to be written, sent one at a time with Tyrus's asynchronous
 * sends so that no caller ever blocks on the network. Bounded in bytes: a frame that would take
 * the queue over its bound is refused, and the owner closes the connection (a slow consumer).
 *
 * <p>Thread-safe: frames offered from any thread are written in the order they were accepted.
 */
public final class OutboundQueue {
  /** What {@link #offer} did with a frame. */
  public enum Offer {
    /** Queued: it will be written after every frame queued before it. */
    QUEUED,
    /** Refused: the queue would exceed its byte bound. */
    FULL,
    /** Refused: the queue was closed. */
    CLOSED
  }

  private final RemoteEndpoint.Async remote;
  private final long maxBytes;
  private final Consumer<Throwable> onSendFailure;
  private final ArrayDeque<WireMessage> queue = new ArrayDeque<>();
  private long queuedBytes; // queued and in flight
  private boolean sending;
  private boolean closed;
  private Runnable whenDrained;

  /**
   * @param maxBytes the most bytes queued and in flight together
   * @param onSendFailure called once, on a Tyrus thread, if a write fails; the queue is then closed
   */
  public OutboundQueue(RemoteEndpoint.Async remote, long maxBytes, Consumer<Throwable> onSendFailure) {
    this.remote = Objects.requireNonNull(remote, "remote == null");
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes < 1: " + maxBytes);
    }
    this.maxBytes = maxBytes;
    this.onSendFailure = Objects.requireNonNull(onSendFailure, "onSendFailure == null");
  }

  /** Queues {@code message} behind every frame accepted before it, unless full or closed. */
  public Offer offer(WireMessage message) {
    synchronized (this) {
      if (closed) {
        return Offer.CLOSED;
      }
      if (message.sizeBytes() > maxBytes - queuedBytes) {
        return Offer.FULL;
      }
      queue.add(message);
      queuedBytes += message.sizeBytes();
      if (sending) {
        return Offer.QUEUED;
      }
      sending = true;
    }
    drain();
    return Offer.QUEUED;
  }

  /**
   * Runs {@code action} once every accepted frame has been written (at once if none is waiting),
   * or once the queue is closed. Replaces an action registered earlier and not yet run.
   */
  public void whenDrained(Runnable action) {
    Objects.requireNonNull(action, "action == null");
    synchronized (this) {
      if (sending) {
        whenDrained = action;
        return;
      }
    }
    action.run();
  }

  /** Discards waiting frames and refuses new ones; a frame in flight still completes. */
  public void close() {
    Runnable action;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      queue.clear();
      action = whenDrained;
      whenDrained = null;
    }
    if (action != null) {
      action.run();
    }
  }

  /** Bytes queued and in flight. */
  public synchronized long queuedBytes() {
    return queuedBytes;
  }

  /**
   * Writes queued frames one at a time. Tyrus may complete a send on the calling thread, so a
   * completion that happens during its own send call hands the next frame back to this loop
   * instead of recursing.
   */
  private void drain() {
    while (true) {
      WireMessage next;
      synchronized (this) {
        next = queue.poll();
        if (next == null) {
          sending = false;
          break;
        }
      }
      AtomicBoolean otherPartyDone = new AtomicBoolean();
      WireMessage sent = next;
      Consumer<Throwable> completion =
          failure -> {
            if (onSent(sent, failure) && otherPartyDone.getAndSet(true)) {
              drain(); // the sending call has returned: this completion continues the loop
            }
          };
      send(next, completion);
      if (!otherPartyDone.getAndSet(true)) {
        return; // the completion has not happened yet: it will continue the loop
      }
    }
    Runnable action;
    synchronized (this) {
      action = whenDrained;
      whenDrained = null;
    }
    if (action != null) {
      action.run();
    }
  }

  /** Accounts for a completed send; false if it failed and the queue is now closed. */
  private boolean onSent(WireMessage message, Throwable failure) {
    synchronized (this) {
      queuedBytes -= message.sizeBytes();
    }
    if (failure == null) {
      return true;
    }
    close();
    synchronized (this) {
      sending = false;
    }
    onSendFailure.accept(failure);
    return false;
  }

  /** Starts one asynchronous send; {@code completion} gets null on success, else the failure. */
  private void send(WireMessage message, Consumer<Throwable> completion) {
    SendHandler handler =
        result -> completion.accept(result.isOK() ? null : failureOf(result));
    try {
      if (message instanceof WireMessage.Binary binary) {
        remote.sendBinary(ByteBuffer.wrap(binary.bytes()), handler);
      } else {
        remote.sendText(((WireMessage.Text) message).text(), handler);
      }
    } catch (RuntimeException e) {
      // Tyrus throws instead of calling back when the session is already closed.
      completion.accept(e);
    }
  }

  private static Throwable failureOf(SendResult result) {
    return result.getException() != null
        ? result.getException()
        : new IllegalStateException("send failed without an exception");
  }
}
