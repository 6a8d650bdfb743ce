package io.simplenet.bench.tyrus;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends binary frames with Tyrus's async remote, never waiting on the socket (Tyrus queues them),
 * and fails the next send once any earlier one failed. Bounding what is queued is the caller's
 * job.
 *
 * <p>Thread-safe.
 */
final class AsyncSender {
  private final RemoteEndpoint.Async remote;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final SendHandler onResult =
      result -> {
        if (!result.isOK()) {
          failure.compareAndSet(null, result.getException());
        }
      };

  AsyncSender(RemoteEndpoint.Async remote) {
    this.remote = remote;
  }

  /** Queues {@code frame}, which must not be touched afterwards. */
  void send(ByteBuffer frame) throws IOException {
    Throwable failed = failure.get();
    if (failed != null) {
      throw new IOException("an earlier async send failed", failed);
    }
    remote.sendBinary(frame, onResult);
  }
}
