package io.simplenet.bench.grpc;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.simplenet.bench.proto.BenchServiceGrpc;
import io.simplenet.bench.proto.Payload;
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
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile FlowControlledSender<Payload> sender;
  private volatile Throwable failure;

  private ClientEnd(Consumer<Payload> onResponse) {
    this.onResponse = onResponse;
  }

  /** Opens a stream on {@code stub}; {@code onResponse} sees each message from the server. */
  static ClientEnd open(BenchServiceGrpc.BenchServiceStub stub, Consumer<Payload> onResponse) {
    ClientEnd end = new ClientEnd(onResponse);
    stub.stream(end);
    return end;
  }

  @Override
  public void beforeStart(ClientCallStreamObserver<Payload> requests) {
    sender = new FlowControlledSender<>(requests);
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
  void close(long deadlineNanos) throws Exception {
    sender.complete();
    if (!closed.await(deadlineNanos - System.nanoTime(), NANOSECONDS)) {
      throw new TimeoutException("the server did not close the stream before the deadline");
    }
    if (failure != null) {
      throw new ExecutionException("the stream failed", failure);
    }
  }
}
