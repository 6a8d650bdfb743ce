package io.simplenet.client;

import static io.simplenet.client.Harness.letTimePass;
import static io.simplenet.client.Harness.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.ChannelSpec;
import io.simplenet.Client;
import io.simplenet.ClientConfig;
import io.simplenet.ClientEvent;
import io.simplenet.ClientId;
import io.simplenet.ClientReport;
import io.simplenet.CloseReason;
import io.simplenet.MessageSignal;
import io.simplenet.MessageStatus;
import io.simplenet.RateLimitConfig;
import io.simplenet.Server;
import io.simplenet.ServerConfig;
import io.simplenet.ServerEvent;
import io.simplenet.auth.AuthRequest;
import io.simplenet.auth.Authenticator;
import io.simplenet.testing.TestChannel;
import io.simplenet.testing.TestMessages.TestClientMsg;
import io.simplenet.testing.TestMessages.TestConnect;
import io.simplenet.testing.TestMessages.TestRequest;
import io.simplenet.testing.TestMessages.TestResponse;
import io.simplenet.testing.TestMessages.TestServerMsg;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The seed crate's limit tests from the client's side, against the real server: connections_limit,
 * message_size_limit and rate_limiter, with the seed's parameters and assertions. Differences on
 * purpose: a refused client never reports Connected, and the rate window is longer than the seed's
 * 15 ms so that a burst fits in one window on a loaded machine.
 */
class LimitsTest {
  private static final ClientConfig ONE_ATTEMPT =
      ClientConfig.builder().maxInitialConnectAttempts(1).build();

  private final Harness harness = new Harness();

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 10})
  void connectionsLimit(int maxConnections) throws Exception {
    var server =
        harness.server(
            ServerConfig.builder()
                .maxConnections(maxConnections)
                .maxPending(maxConnections + 1)
                .maxMessageSize(10_000)
                .rateLimit(new RateLimitConfig(Duration.ofMillis(15), 25))
                .build(),
            new Authenticator.None());

    // 1. max clients connect
    List<Client<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse>> clients =
        new ArrayList<>();
    for (int i = 0; i < maxConnections; i++) {
      var client =
          harness.client(
              server.url(), new AuthRequest.None(ClientId.of(i)), ClientConfig.DEFAULT, "hello");
      assertEquals(connected(), next(client));
      assertInstanceOf(ServerEvent.Connected.class, next(server));
      assertFalse(client.isDead());
      clients.add(client);
    }
    assertEquals(maxConnections, server.connectionCount());

    // 2. one more is refused
    assertRefused(server, 92748);

    // 3. one closes
    var leaving = clients.remove(clients.size() - 1);
    leaving.close();
    assertEquals(report(new ClientReport.ClosedBySelf()), next(leaving));
    assertInstanceOf(ServerEvent.Disconnected.class, next(server));

    // 4. now one more fits
    var newcomer =
        harness.client(
            server.url(), new AuthRequest.None(ClientId.of(64819)), ClientConfig.DEFAULT, "hello");
    assertEquals(connected(), next(newcomer));
    assertInstanceOf(ServerEvent.Connected.class, next(server));

    // 5. and the next is refused again
    assertRefused(server, 15364898);
    assertNull(server.next());
  }

  /** A client beyond the limit: never Connected, then dead; the server reports nothing. */
  private void assertRefused(
      Server<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse> server, long id)
      throws Exception {
    var extra =
        harness.client(server.url(), new AuthRequest.None(ClientId.of(id)), ONE_ATTEMPT, "hello");
    ClientEvent<TestServerMsg, TestResponse> event = next(extra);
    if (!(event instanceof ClientEvent.Report<TestServerMsg, TestResponse> first
        && first.report() instanceof ClientReport.IsDead)) {
      // Refused after the upgrade (a close frame) rather than at it (an HTTP status).
      ClientReport.ClosedByServer closed =
          assertInstanceOf(
              ClientReport.ClosedByServer.class,
              assertInstanceOf(ClientEvent.Report.class, event).report());
      assertEquals("max connections", closed.reason().reason());
      assertEquals(report(new ClientReport.IsDead(List.of())), next(extra));
    }
    assertTrue(extra.isDead());
    assertNull(extra.next());
    assertNull(server.next(), "the server saw no client");
  }

  @ParameterizedTest
  @ValueSource(ints = {25, 40, 100})
  void messageSizeLimit(int maxMessageSize) throws Exception {
    // The seed's client message is a string here too: the connect codec serves as both.
    ChannelSpec<TestConnect, TestConnect, TestRequest, TestServerMsg, TestResponse> spec =
        ChannelSpec.of(
            TestChannel.NAME,
            TestChannel.VERSION,
            TestChannel.CONNECT,
            TestChannel.CONNECT,
            TestChannel.REQUEST,
            TestChannel.SERVER_MESSAGE,
            TestChannel.RESPONSE,
            (request, response) -> true);
    var server =
        harness.track(
            Server.builder(spec)
                .config(
                    ServerConfig.builder()
                        .maxConnections(10)
                        .maxMessageSize(maxMessageSize)
                        .rateLimit(new RateLimitConfig(Duration.ofMillis(15), 25))
                        .build())
                .authenticator(new Authenticator.None())
                .start());
    String large = "x".repeat(maxMessageSize + 1);

    // An oversized connect message: refused, never Connected.
    var tooLarge =
        harness.track(
            Client.builder(spec)
                .url(server.url())
                .auth(new AuthRequest.None(ClientId.of(67891)))
                .connectMessage(new TestConnect(large))
                .build());
    assertEquals(report(closed(CloseReason.MESSAGE_SIZE_VIOLATION)), next(tooLarge));
    assertEquals(report(new ClientReport.IsDead(List.of())), next(tooLarge));
    assertTrue(tooLarge.isDead());

    // An oversized message: written, then the server closes the connection.
    var client =
        harness.track(
            Client.builder(spec)
                .url(server.url())
                .auth(new AuthRequest.None(ClientId.of(4678587)))
                .connectMessage(new TestConnect(""))
                .build());
    ClientId id = assertInstanceOf(ServerEvent.Connected.class, next(server)).clientId();
    assertEquals(report(new ClientReport.Connected()), next(client));
    MessageSignal signal = client.send(new TestConnect(large));
    assertEquals(new ServerEvent.Disconnected<>(id), next(server), "and no Msg before it");
    assertEquals(report(closed(CloseReason.MESSAGE_SIZE_VIOLATION)), next(client));
    assertEquals(report(new ClientReport.IsDead(List.of())), next(client));
    assertEquals(MessageStatus.SENT, signal.status(), "sent, then the server shut us down");
    assertTrue(client.isDead());
    assertNull(server.next());
    assertNull(client.next());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 20})
  void rateLimiter(int maxCount) throws Exception {
    Duration period = Duration.ofMillis(300);
    Duration windowGap = period.multipliedBy(2);
    var server =
        harness.server(
            ServerConfig.builder()
                .maxConnections(10)
                .maxMessageSize(1_000)
                .rateLimit(new RateLimitConfig(period, maxCount))
                .build(),
            new Authenticator.None());
    var client =
        harness.client(
            server.url(),
            new AuthRequest.None(ClientId.of(3578762)),
            ClientConfig.DEFAULT,
            "hello!");
    ClientId id = assertInstanceOf(ServerEvent.Connected.class, next(server)).clientId();
    assertEquals(connected(), next(client));

    letTimePass(windowGap); // the hello counted in the first window
    MessageSignal first = client.send(new TestClientMsg(42));
    assertEquals(new ServerEvent.Msg<>(id, new TestClientMsg(42)), next(server));
    Harness.awaitCondition(() -> first.status() == MessageStatus.SENT, "Sent");

    // A full window: all arrive.
    letTimePass(windowGap);
    List<MessageSignal> signals = sendBurst(client, maxCount);
    for (int i = 0; i < maxCount; i++) {
      assertEquals(new ServerEvent.Msg<>(id, new TestClientMsg(i)), next(server));
    }
    Harness.awaitCondition(
        () -> signals.stream().allMatch(s -> s.status() == MessageStatus.SENT), "all Sent");
    assertNull(server.next());
    assertTrue(client.isConnected());

    // One too many: the last is written but dropped, and the connection closed.
    letTimePass(windowGap);
    List<MessageSignal> overflow = sendBurst(client, maxCount + 1);
    for (int i = 0; i < maxCount; i++) {
      assertEquals(new ServerEvent.Msg<>(id, new TestClientMsg(i)), next(server));
    }
    assertEquals(new ServerEvent.Disconnected<>(id), next(server));
    assertEquals(report(closed(CloseReason.RATE_LIMIT_VIOLATION)), next(client));
    assertEquals(report(new ClientReport.IsDead(List.of())), next(client));
    assertEquals(MessageStatus.SENT, overflow.get(maxCount).status());
    assertFalse(server.isDead());
    assertNull(server.next());
    assertNull(client.next());
  }

  private static List<MessageSignal> sendBurst(
      Client<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse> client,
      int count) {
    List<MessageSignal> signals = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      signals.add(client.send(new TestClientMsg(i)));
    }
    return signals;
  }

  private static ClientReport closed(CloseReason reason) {
    return new ClientReport.ClosedByServer(reason);
  }

  private static <SM, RESP> ClientEvent<SM, RESP> connected() {
    return report(new ClientReport.Connected());
  }

  private static <SM, RESP> ClientEvent<SM, RESP> report(ClientReport report) {
    return new ClientEvent.Report<>(report);
  }
}
