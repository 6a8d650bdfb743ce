package io.simplenet.bench.grpc;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import io.grpc.stub.CallStreamObserver;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;

/**
 * Sends on one side of a gRPC stream only while the transport is ready for more ({@link
 * CallStreamObserver#isReady()}), so the sender blocks instead of buffering without bound: gRPC
 * queues at most its on-ready threshold (32 KiB by default) beyond the HTTP/2 flow-control window.
 *
 * <p>Create it where gRPC allows setting the on-ready handler (a client's {@code beforeStart}, a
 * server's service method). {@link #send} and {@link #complete} are called from one thread.
 */
final class FlowControlledSender<T> {
  private final CallStreamObserver<T> stream;
  /** Released by gRPC each time the stream turns ready again. */
  private final Semaphore becameReady = new Semaphore(0);

  FlowControlledSender(CallStreamObserver<T> stream) {
    this.stream = stream;
    stream.setOnReadyHandler(becameReady::release);
  }

  /** Sends {@code message} once the stream is ready, or fails at {@code deadlineNanos}. */
  void send(T message, long deadlineNanos) throws InterruptedException, TimeoutException {
    while (!stream.isReady()) {
      long remaining = deadlineNanos - System.nanoTime();
      if (remaining <= 0 || !becameReady.tryAcquire(remaining, NANOSECONDS)) {
        throw new TimeoutException("stream not ready for more messages before the deadline");
      }
    }
    stream.onNext(message);
  }

  /** Ends this side of the stream. */
  void complete() {
    stream.onCompleted();
  }
}
