package io.simplenet.bench.grpc;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import io.grpc.stub.CallStreamObserver;
import io.simplenet.bench.Deadline;
import java.time.Duration;
import java.util.concurrent.Semaphore;

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
  private final Duration readyTimeout;
  /** Released by gRPC each time the stream turns ready again. */
  private final Semaphore becameReady = new Semaphore(0);

  /** Sends on {@code stream}, waiting at most {@code readyTimeout} each time it is not ready. */
  FlowControlledSender(CallStreamObserver<T> stream, Duration readyTimeout) {
    this.stream = stream;
    this.readyTimeout = readyTimeout;
    stream.setOnReadyHandler(becameReady::release);
  }

  /** Sends {@code message} once the stream is ready; fails if it stays unready too long. */
  void send(T message) throws Exception {
    if (!stream.isReady()) {
      Deadline deadline = Deadline.after(readyTimeout);
      // Permits left from earlier transitions only cost one more look at isReady().
      while (!stream.isReady()) {
        becameReady.tryAcquire(deadline.remainingNanos("the gRPC stream to be ready"), NANOSECONDS);
      }
    }
    stream.onNext(message);
  }

  /** Ends this side of the stream. */
  void complete() {
    stream.onCompleted();
  }
}
