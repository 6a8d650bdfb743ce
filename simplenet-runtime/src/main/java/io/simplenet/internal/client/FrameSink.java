package io.simplenet.internal.client;

import io.simplenet.internal.wire.WireMessage;

/** Where a connected client's frames go: its accepted connection's outbound queue. */
interface FrameSink {

  /**
   * Queues {@code frame} without blocking or writing; the state is already failed if the frame
   * cannot be queued (the connection ended, or the queue is full).
   */
  SendState offer(WireMessage frame);

  /** Starts writing queued frames. Called with no lock held: it may call into the transport. */
  void flush();
}
