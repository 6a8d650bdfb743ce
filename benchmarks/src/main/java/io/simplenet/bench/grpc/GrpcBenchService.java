package io.simplenet.bench.grpc;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.simplenet.bench.proto.BenchServiceGrpc;
import io.simplenet.bench.proto.Payload;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The benchmark's gRPC service: what each new {@code Stream} call does (count, echo, or let the
 * measuring thread send) is set by the measurement before it opens the call.
 *
 * <p>Calls are opened one at a time by the measuring thread; gRPC runs the returned observers.
 */
final class GrpcBenchService extends BenchServiceGrpc.BenchServiceImplBase {
  private volatile Function<ServerCallStreamObserver<Payload>, StreamObserver<Payload>> nextCall =
      responses -> {
        throw new IllegalStateException("no measurement expects a call");
      };

  /** {@code handler} takes the next call's response stream and returns its request observer. */
  void onNextCall(Function<ServerCallStreamObserver<Payload>, StreamObserver<Payload>> handler) {
    nextCall = handler;
  }

  @Override
  public StreamObserver<Payload> stream(StreamObserver<Payload> responses) {
    return nextCall.apply((ServerCallStreamObserver<Payload>) responses);
  }

  /**
   * A request observer that gives each request to {@code onRequest} and closes {@code responses}
   * when the client half-closes.
   */
  static StreamObserver<Payload> requests(
      Consumer<Payload> onRequest, StreamObserver<Payload> responses) {
    return new StreamObserver<>() {
      @Override
      public void onNext(Payload request) {
        onRequest.accept(request);
      }

      @Override
      public void onError(Throwable t) {
        // The client cancelled: the measurement sees its own end fail; nothing to clean up here.
      }

      @Override
      public void onCompleted() {
        responses.onCompleted();
      }
    };
  }
}
