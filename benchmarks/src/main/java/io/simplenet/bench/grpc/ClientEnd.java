package io.simplenet.bench.grpc;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.simplenet.bench.proto.BenchServiceGrpc;
import io.simplenet.bench.Deadline;
import io.simplenet.bench.proto.Payload;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The client's end of one {@code BenchService.Stream} call: a flow-controlled sender for the
 * requests and a callback for each response.
 *
 * <p>gRPC calls the observer methods from one thread at a time; {@link #sender()} and {@link
 * #close} are for the measuring thread.
 */
final class ClientEnd implements ClientResponseObserver<Payload, Payload> {
  private final Consumer<Payload> onResponse;
  private final Duration readyTimeout;
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile FlowControlledSender<Payload> sender;
  private volatile Throwable failure;

  private ClientEnd(Consumer<Payload> onResponse, Duration readyTimeout) {
    this.onResponse = onResponse;
    this.readyTimeout = readyTimeout;
  }

  /**
   * Opens a stream on {@code stub}; {@code onResponse} sees each message from the server, and the
   * sender waits at most {@code readyTimeout} for the stream to be ready.
   */
  static ClientEnd open(
      BenchServiceGrpc.BenchServiceStub stub, Consumer<Payload> onResponse, Duration readyTimeout) {
    ClientEnd end = new ClientEnd(onResponse, readyTimeout);
    stub.stream(end);
    return end;
  }

  @Override
  public void beforeStart(ClientCallStreamObserver<Payload> requests) {
    sender = new FlowControlledSender<>(requests, readyTimeout);
  }

  /** The requests' sender. */
  FlowControlledSender<Payload> sender() {
    return sender;
  }

  @Override
  public void onNext(Payload response) {
    onResponse.accept(response);
  }

  @Override
  public void onError(Throwable t) {
    failure = t;
    closed.countDown();
  }

  @Override
  public void onCompleted() {
    closed.countDown();
  }

  /** Half-closes the stream and waits until the server has closed it, without error. */
  void close(Deadline deadline) throws Exception {
    sender.complete();
    if (!closed.await(deadline.remainingNanos("the stream to close"), NANOSECONDS)) {
      throw new TimeoutException("deadline passed while waiting for the stream to close");
    }
    if (failure != null) {
      throw new ExecutionException("the stream failed", failure);
    }
  }
}
