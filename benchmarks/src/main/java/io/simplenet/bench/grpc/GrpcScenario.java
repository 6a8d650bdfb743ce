package io.simplenet.bench.grpc;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.simplenet.bench.BenchPlan;
import io.simplenet.bench.Latencies;
import io.simplenet.bench.Repeats;
import io.simplenet.bench.Scenario;
import io.simplenet.bench.ScenarioResult;
import io.simplenet.bench.proto.BenchServiceGrpc;
import io.simplenet.bench.proto.Payload;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * The {@code grpc} group: gRPC-java on grpc-netty-shaded, plaintext HTTP/2 on 127.0.0.1 (like
 * simplenet's ws://), one bidirectional {@code BenchService.Stream} call per measurement.
 *
 * <ul>
 *   <li>{@code grpc.oneway_c2s}: the client streams Payloads, the server counts them; the time
 *       runs from the first send until the server has counted the last.
 *   <li>{@code grpc.oneway_s2c}: the server streams Payloads, the client counts them.
 *   <li>{@code grpc.rtt}: the server echoes each Payload; one message outstanding, timed from send
 *       until the echo is visible to the sending thread.
 * </ul>
 *
 * <p>Senders respect gRPC's flow control ({@link FlowControlledSender}), so nothing buffers
 * without bound. Configuration: gRPC's defaults (HTTP/2 window 1 MiB, Netty's epoll transport and
 * shared event loops) except {@code directExecutor()} on both server and channel. gRPC recommends
 * it for handlers that never block, which ours do not (they count, echo or hand off to a queue);
 * it saves a thread hop per message, and measured on this machine it was faster than the default
 * cached-pool executor (see docs/benchmarks.md), so it is what a performance-aware user picks.
 *
 * <p>Runs on the benchmark's main thread, which sends; it stops the server and channel it started.
 */
public final class GrpcScenario implements Scenario {
  private static final String LOOPBACK = "127.0.0.1";
  /** The seed of the Payload data: the same bytes on every run. */
  private static final long DATA_SEED = 6;
  private static final ByteString DATA = randomData(DATA_SEED, BenchPlan.PAYLOAD_BYTES);

  @Override
  public String name() {
    return "grpc";
  }

  @Override
  public List<ScenarioResult> run(BenchPlan plan) throws Exception {
    GrpcBenchService service = new GrpcBenchService();
    Server server =
        NettyServerBuilder.forAddress(new InetSocketAddress(LOOPBACK, 0))
            .directExecutor()
            .addService(service)
            .build()
            .start();
    ManagedChannel channel =
        NettyChannelBuilder.forAddress(LOOPBACK, server.getPort())
            .usePlaintext()
            .directExecutor()
            .build();
    try {
      BenchServiceGrpc.BenchServiceStub stub = BenchServiceGrpc.newStub(channel);
      return List.of(
          Repeats.median(plan.repeats(), () -> clientToServer(plan, stub, service)),
          Repeats.median(plan.repeats(), () -> serverToClient(plan, stub, service)),
          Repeats.median(plan.repeats(), () -> roundTrips(plan, stub, service)));
    } finally {
      channel.shutdownNow();
      server.shutdownNow();
      long deadline = System.nanoTime() + plan.deadline().toNanos();
      if (!channel.awaitTermination(deadline - System.nanoTime(), NANOSECONDS)
          || !server.awaitTermination(deadline - System.nanoTime(), NANOSECONDS)) {
        throw new TimeoutException("gRPC channel or server still running after the deadline");
      }
    }
  }

  private static ScenarioResult clientToServer(
      BenchPlan plan, BenchServiceGrpc.BenchServiceStub stub, GrpcBenchService service)
      throws Exception {
    long deadline = System.nanoTime() + plan.deadline().toNanos();
    Arrivals arrivals = new Arrivals();
    service.onNextCall(responses -> GrpcBenchService.requests(request -> arrivals.arrive(), responses));
    ClientEnd client = ClientEnd.open(stub, response -> {});
    sendAll(client.sender(), 0, plan.warmupMessages(), arrivals, deadline);
    long start = System.nanoTime();
    sendAll(client.sender(), plan.warmupMessages(), plan.messages(), arrivals, deadline);
    long elapsed = System.nanoTime() - start;
    client.close(deadline);
    return rate("grpc.oneway_c2s", plan.messages(), elapsed);
  }

  private static ScenarioResult serverToClient(
      BenchPlan plan, BenchServiceGrpc.BenchServiceStub stub, GrpcBenchService service)
      throws Exception {
    long deadline = System.nanoTime() + plan.deadline().toNanos();
    CompletableFuture<FlowControlledSender<Payload>> serverSender = new CompletableFuture<>();
    service.onNextCall(
        responses -> {
          serverSender.complete(new FlowControlledSender<>(responses));
          return GrpcBenchService.requests(request -> {}, responses);
        });
    Arrivals arrivals = new Arrivals();
    ClientEnd client = ClientEnd.open(stub, response -> arrivals.arrive());
    FlowControlledSender<Payload> sender =
        serverSender.get(deadline - System.nanoTime(), NANOSECONDS);
    sendAll(sender, 0, plan.warmupMessages(), arrivals, deadline);
    long start = System.nanoTime();
    sendAll(sender, plan.warmupMessages(), plan.messages(), arrivals, deadline);
    long elapsed = System.nanoTime() - start;
    client.close(deadline);
    return rate("grpc.oneway_s2c", plan.messages(), elapsed);
  }

  private static ScenarioResult roundTrips(
      BenchPlan plan, BenchServiceGrpc.BenchServiceStub stub, GrpcBenchService service)
      throws Exception {
    long deadline = System.nanoTime() + plan.deadline().toNanos();
    service.onNextCall(responses -> GrpcBenchService.requests(responses::onNext, responses));
    BlockingQueue<Payload> echoes = new ArrayBlockingQueue<>(1);
    ClientEnd client = ClientEnd.open(stub, echoes::add);
    for (int i = 0; i < plan.warmupRoundTrips(); i++) {
      roundTrip(client, echoes, i, deadline);
    }
    Latencies latencies = new Latencies(plan.roundTrips());
    for (int i = 0; i < plan.roundTrips(); i++) {
      latencies.record(roundTrip(client, echoes, plan.warmupRoundTrips() + i, deadline));
    }
    client.close(deadline);
    return latencies.result("grpc.rtt");
  }

  /** Sends Payload {@code id} and waits for its echo; returns the nanoseconds it took. */
  private static long roundTrip(
      ClientEnd client, BlockingQueue<Payload> echoes, long id, long deadline) throws Exception {
    long start = System.nanoTime();
    client.sender().send(payload(id), deadline);
    Payload echo = echoes.poll(deadline - System.nanoTime(), NANOSECONDS);
    long elapsed = System.nanoTime() - start;
    if (echo == null) {
      throw new TimeoutException("no echo of " + id + " before the deadline");
    }
    if (echo.getId() != id) {
      throw new IllegalStateException("echo of " + echo.getId() + ", expected " + id);
    }
    return elapsed;
  }

  /** Sends Payloads {@code firstId} onward, {@code count} of them, until all have arrived. */
  private static void sendAll(
      FlowControlledSender<Payload> sender, long firstId, int count, Arrivals arrivals,
      long deadline) throws Exception {
    arrivals.expect(firstId + count);
    for (long id = firstId; id < firstId + count; id++) {
      sender.send(payload(id), deadline);
    }
    arrivals.await(deadline);
  }

  private static Payload payload(long id) {
    return Payload.newBuilder().setId(id).setData(DATA).build();
  }

  private static ScenarioResult rate(String scenario, int messages, long elapsedNanos) {
    return ScenarioResult.of(scenario, ScenarioResult.MSGS_PER_S, messages * 1e9 / elapsedNanos);
  }

  private static ByteString randomData(long seed, int size) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return ByteString.copyFrom(bytes);
  }
}
