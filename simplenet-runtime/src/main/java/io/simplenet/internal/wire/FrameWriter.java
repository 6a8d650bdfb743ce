package io.simplenet.internal.wire;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Writes one frame asynchronously: the socket end of an {@link OutboundQueue}. */
@FunctionalInterface
public interface FrameWriter {

  /**
   * Starts writing {@code frame} and returns without waiting; {@code done} is then called once, on
   * any thread (possibly this one, before this returns), with null on success or the error. May
   * throw instead of calling {@code done} (Tyrus does when the session is already closed).
   */
  void write(WireMessage frame, Consumer<Throwable> done);

  /** Writes with Tyrus's asynchronous sends to the endpoint {@code remote} supplies at each write. */
  static FrameWriter tyrus(Supplier<RemoteEndpoint.Async> remote) {
    Objects.requireNonNull(remote, "remote == null");
    return (frame, done) -> {
      SendHandler handler =
          result ->
              done.accept(
                  result.isOK()
                      ? null
                      : result.getException() != null
                          ? result.getException()
                          : new IOException("send failed without an exception"));
      if (frame instanceof WireMessage.Binary binary) {
        remote.get().sendBinary(ByteBuffer.wrap(binary.bytes()), handler);
      } else {
        remote.get().sendText(((WireMessage.Text) frame).text(), handler);
      }
    };
  }
}
