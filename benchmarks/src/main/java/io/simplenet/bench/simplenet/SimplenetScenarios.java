package io.simplenet.bench.simplenet;

import com.google.protobuf.ByteString;
import io.simplenet.ClientId;
import io.simplenet.ClientReport;
import io.simplenet.ClientEnv;
import io.simplenet.MessageStatus;
import io.simplenet.RateLimitConfig;
import io.simplenet.ServerConfig;
import io.simplenet.auth.AuthRequest;
import io.simplenet.auth.Authenticator;
import io.simplenet.bench.BenchPlan;
import io.simplenet.bench.Deadline;
import io.simplenet.bench.OneWay;
import io.simplenet.bench.PayloadData;
import io.simplenet.bench.RoundTrips;
import io.simplenet.bench.Scenario;
import io.simplenet.bench.ScenarioResult;
import io.simplenet.bench.schema.BenchClient;
import io.simplenet.bench.schema.BenchClientEvent;
import io.simplenet.bench.schema.BenchRequestToken;
import io.simplenet.bench.schema.BenchServer;
import io.simplenet.bench.schema.BenchServerHandler;
import io.simplenet.bench.schema.Echo;
import io.simplenet.bench.schema.Hello;
import io.simplenet.bench.schema.Payload;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * simplenet itself: the {@code BenchServer} and {@code BenchClient} generated from {@code
 * bench.channel}, binary encoding, no auth, one client.
 *
 * <p>The server uses the handler style on a direct executor, its fastest path: events are handled
 * on the Grizzly thread that read and decoded them, as the raw Tyrus endpoint handles its frames. The
 * client has only the polling style, so the thread that needs an event polls for it: the
 * benchmark thread for responses, a receiver thread for server-to-client messages.
 */
public final class SimplenetScenarios implements Scenario {
  static final String ONEWAY_C2S = "simplenet.oneway_c2s";
  static final String ONEWAY_S2C = "simplenet.oneway_s2c";
  static final String REQUEST_RTT = "simplenet.request_rtt";

  /**
   * The default limit (10 messages per 100 ms, the seed crate's) would close the benchmark's
   * client after ten messages; this one never triggers, so the limiter's bookkeeping is still
   * measured but never throttles.
   */
  static final RateLimitConfig UNTHROTTLED =
      new RateLimitConfig(Duration.ofSeconds(1), Integer.MAX_VALUE);

  private static final ClientId CLIENT_ID = ClientId.of(1);

  private final ByteString data = ByteString.copyFrom(PayloadData.bytes());

  @Override
  public String name() {
    return "simplenet";
  }

  @Override
  public List<ScenarioResult> run(BenchPlan plan) throws Exception {
    OneWay toServer = new OneWay();
    CompletableFuture<ClientId> connected = new CompletableFuture<>();
    BenchServerHandler handler =
        new BenchServerHandler() {
          @Override
          public void onConnected(ClientId clientId, ClientEnv env, Hello connect) {
            connected.complete(clientId);
          }

          @Override
          public void onPayload(ClientId clientId, Payload message) {
            toServer.received();
          }

          @Override
          public void onEcho(ClientId clientId, Echo request, BenchRequestToken<Payload> token) {
            token.respond(new Payload(request.id(), request.data()));
          }
        };
    try (BenchServer server =
        BenchServer.builder()
            .config(ServerConfig.builder().rateLimit(UNTHROTTLED).build())
            .authenticator(new Authenticator.None())
            .handler(handler, Runnable::run)
            .start()) {
      BenchClient client = connect(server, plan);
      try {
        ClientId clientId =
            connected.get(
                Deadline.after(plan.deadline()).remainingNanos("Connected at the server"),
                TimeUnit.NANOSECONDS);
        return List.of(
            oneWayClientToServer(plan, client, toServer),
            oneWayServerToClient(plan, server, clientId, client),
            requests(plan, client));
      } finally {
        closeAndDrain(client, Deadline.after(plan.deadline()));
      }
    }
  }

  /** The client sends, the server's handler counts. */
  private ScenarioResult oneWayClientToServer(BenchPlan plan, BenchClient client, OneWay toServer)
      throws Exception {
    return toServer.measure(
        ONEWAY_C2S,
        plan,
        id -> {
          if (client.send(new Payload(id, data)).status() == MessageStatus.FAILED) {
            throw new IllegalStateException("client refused message " + id);
          }
        });
  }

  /** The server sends from the benchmark thread; a receiver thread polls the client and counts. */
  private ScenarioResult oneWayServerToClient(
      BenchPlan plan, BenchServer server, ClientId clientId, BenchClient client) throws Exception {
    OneWay toClient = new OneWay();
    long total = plan.warmupMessages() + (long) plan.repeats() * plan.messages();
    // As long as every phase of the measurement may take, so it never ends before the sender.
    Deadline receiverDeadline = Deadline.after(plan.deadline().multipliedBy(plan.repeats() + 1L));
    CompletableFuture<Void> receiverDone = new CompletableFuture<>();
    Thread receiver =
        new Thread(
            () -> {
              try {
                for (long count = 0; count < total; count++) {
                  BenchClientEvent event =
                      client.poll(receiverDeadline.remaining("server message " + count));
                  if (!(event instanceof BenchClientEvent.Msg)) {
                    throw new IllegalStateException("expected a message, got " + event);
                  }
                  toClient.received();
                }
                receiverDone.complete(null);
              } catch (Exception e) {
                receiverDone.completeExceptionally(e);
              }
            },
            "bench-simplenet-receiver");
    receiver.setDaemon(true); // a failed run must not wait for it to reach its deadline
    receiver.start();
    try {
      return toClient.measure(
          ONEWAY_S2C,
          plan,
          id -> {
            if (!server.send(clientId, new Payload(id, data))) {
              throw new IllegalStateException(
                  "server refused message " + id + "; receiver: " + receiverDone);
            }
          });
    } finally {
      // It has counted everything by now, unless the measurement failed: then it ends at its
      // own deadline, or at once when the client is closed and reports its last events.
      receiver.join(plan.deadline().toMillis());
    }
  }

  /** The client requests an echo and polls for the response before the next request. */
  private ScenarioResult requests(BenchPlan plan, BenchClient client) throws Exception {
    return RoundTrips.measure(
        REQUEST_RTT,
        plan,
        (id, deadline) -> {
          long requestId = client.request(new Echo(id, data)).id();
          BenchClientEvent event = client.poll(deadline.remaining("response " + requestId));
          if (!(event instanceof BenchClientEvent.Response response)
              || response.requestId() != requestId
              || ((Payload) response.response()).id() != id) {
            throw new IllegalStateException(
                "expected the response to request " + requestId + ", got " + event);
          }
        });
  }

  /** A client of {@code server}, connected: its {@code Connected} report consumed. */
  private static BenchClient connect(BenchServer server, BenchPlan plan) throws Exception {
    BenchClient client =
        BenchClient.builder()
            .url(server.url())
            .auth(new AuthRequest.None(CLIENT_ID))
            .connect(new Hello("bench"))
            .build();
    BenchClientEvent event = client.poll(Deadline.after(plan.deadline()).remaining("Connected"));
    if (!(event instanceof BenchClientEvent.Report report
        && report.report() instanceof ClientReport.Connected)) {
      closeAndDrain(client, Deadline.after(plan.deadline()));
      throw new IllegalStateException("expected Connected, got " + event);
    }
    return client;
  }

  /** Closes {@code client} completely: consumes its events up to {@code IsDead}. */
  private static void closeAndDrain(BenchClient client, Deadline deadline) throws Exception {
    client.close();
    while (true) {
      BenchClientEvent event = client.poll(deadline.remaining("IsDead"));
      if (event instanceof BenchClientEvent.Report report
          && report.report() instanceof ClientReport.IsDead) {
        return;
      }
      if (event == null) {
        throw new TimeoutException("no IsDead after close");
      }
    }
  }
}
