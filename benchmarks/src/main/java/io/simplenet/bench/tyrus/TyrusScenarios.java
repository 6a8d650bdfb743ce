package io.simplenet.bench.tyrus;

import io.simplenet.bench.BenchPlan;
import io.simplenet.bench.Deadline;
import io.simplenet.bench.OneWay;
import io.simplenet.bench.PayloadData;
import io.simplenet.bench.RoundTrips;
import io.simplenet.bench.Scenario;
import io.simplenet.bench.ScenarioResult;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The raw baseline: a hand-written Tyrus server and client, on the same containers and settings as
 * simplenet's, exchanging hand-encoded binary frames (an id and the data). Sends are Tyrus's async
 * sends, bounded by {@link OneWay}'s window; each end handles a frame on the Grizzly thread that
 * read it, as simplenet's transports do.
 *
 * <p>Each scenario starts its own server and client and closes both before the next one.
 */
public final class TyrusScenarios implements Scenario {
  static final String ONEWAY_C2S = "tyrus.oneway_c2s";
  static final String ONEWAY_S2C = "tyrus.oneway_s2c";
  static final String ECHO_RTT = "tyrus.echo_rtt";

  private final byte[] data = PayloadData.bytes();

  @Override
  public String name() {
    return "tyrus";
  }

  @Override
  public List<ScenarioResult> run(BenchPlan plan) throws Exception {
    return List.of(oneWayClientToServer(plan), oneWayServerToClient(plan), echo(plan));
  }

  /** The client sends, the server's endpoint counts. */
  private ScenarioResult oneWayClientToServer(BenchPlan plan) throws Exception {
    OneWay oneWay = new OneWay();
    try (RawTyrusServer server = RawTyrusServer.start((session, frame) -> oneWay.received());
        RawTyrusClient client =
            RawTyrusClient.connect(server.uri(), frame -> {}, Deadline.after(plan.deadline()))) {
      AsyncSender sender = new AsyncSender(client.session().getAsyncRemote());
      return oneWay.measure(ONEWAY_C2S, plan, id -> sender.send(RawFrames.encode(id, data)));
    }
  }

  /** The server sends from the benchmark thread, the client's endpoint counts. */
  private ScenarioResult oneWayServerToClient(BenchPlan plan) throws Exception {
    OneWay oneWay = new OneWay();
    try (RawTyrusServer server = RawTyrusServer.start((session, frame) -> {});
        RawTyrusClient client =
            RawTyrusClient.connect(
                server.uri(), frame -> oneWay.received(), Deadline.after(plan.deadline()))) {
      AsyncSender sender =
          new AsyncSender(server.awaitSession(Deadline.after(plan.deadline())).getAsyncRemote());
      return oneWay.measure(ONEWAY_S2C, plan, id -> sender.send(RawFrames.encode(id, data)));
    }
  }

  /** The server echoes each frame; the client waits for the echo before sending the next. */
  private ScenarioResult echo(BenchPlan plan) throws Exception {
    // The client's endpoint hands echoed ids to the benchmark thread, as a client library would.
    BlockingQueue<Long> echoed = new LinkedBlockingQueue<>();
    try (RawTyrusServer server =
            RawTyrusServer.start(
                (session, frame) -> session.getAsyncRemote().sendBinary(RawFrames.copy(frame)));
        RawTyrusClient client =
            RawTyrusClient.connect(
                server.uri(),
                frame -> echoed.add(RawFrames.id(frame)),
                Deadline.after(plan.deadline()))) {
      AsyncSender sender = new AsyncSender(client.session().getAsyncRemote());
      return RoundTrips.measure(
          ECHO_RTT,
          plan,
          (id, deadline) -> {
            sender.send(RawFrames.encode(id, data));
            Long echo = echoed.poll(deadline.remainingNanos("echo " + id), TimeUnit.NANOSECONDS);
            if (echo == null) {
              throw new TimeoutException("no echo of " + id);
            }
            if (echo != id) {
              throw new IllegalStateException("echo of " + echo + " while waiting for " + id);
            }
          });
    }
  }
}
