package io.simplenet.internal.client;

import io.simplenet.internal.wire.WireMessage;
import java.util.function.Consumer;

/** Writes one frame asynchronously: the socket end of an {@link OutboundQueue}. */
interface FrameWriter {

  /**
   * Starts writing {@code frame} and returns without waiting; {@code done} is then called once, on
   * any thread (possibly this one, before this returns), with null on success or the error.
   */
  void write(WireMessage frame, Consumer<Throwable> done);
}
