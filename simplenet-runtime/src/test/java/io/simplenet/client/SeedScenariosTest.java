package io.simplenet.client;

import static io.simplenet.client.Harness.awaitCondition;
import static io.simplenet.client.Harness.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.ClientConfig;
import io.simplenet.ClientEvent;
import io.simplenet.ClientId;
import io.simplenet.ClientReport;
import io.simplenet.CloseReason;
import io.simplenet.Encoding;
import io.simplenet.MessageSignal;
import io.simplenet.MessageStatus;
import io.simplenet.RateLimitConfig;
import io.simplenet.RequestSignal;
import io.simplenet.RequestStatus;
import io.simplenet.ServerConfig;
import io.simplenet.ServerEvent;
import io.simplenet.auth.AuthRequest;
import io.simplenet.auth.Authenticator;
import io.simplenet.testing.TestMessages.TestClientMsg;
import io.simplenet.testing.TestMessages.TestConnect;
import io.simplenet.testing.TestMessages.TestRequest;
import io.simplenet.testing.TestMessages.TestResponse;
import io.simplenet.testing.TestMessages.TestServerMsg;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The seed crate's client-facing tests (hello_world, request_response, synchronization), against
 * the real server, with the seed's assertions; where this runtime deliberately differs (Connected
 * only after the server accepted), the difference is asserted instead. Waits are on events with a
 * deadline, never sleeps.
 */
class SeedScenariosTest {
  private static final ClientConfig DEFAULT = ClientConfig.DEFAULT;
  private static final ClientReport CONNECTED = new ClientReport.Connected();

  /** How long to watch for an event that must not come. */
  private static final Duration QUIET = Duration.ofMillis(100);

  private final Harness harness = new Harness();

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  @Test
  void helloWorld() throws Exception {
    var server =
        harness.server(
            ServerConfig.builder()
                .maxConnections(10)
                .maxMessageSize(1_000)
                .rateLimit(new RateLimitConfig(Duration.ofSeconds(1), 20))
                .build(),
            new Authenticator.None());
    var client =
        harness.client(server.url(), new AuthRequest.None(ClientId.of(44718)), DEFAULT, "hello!");
    assertFalse(client.isDead());

    var connected = assertInstanceOf(ServerEvent.Connected.class, next(server));
    assertEquals(ClientId.of(44718), connected.clientId());
    assertEquals(new TestConnect("hello!"), connected.connect());
    assertEquals(report(CONNECTED), next(client));

    // client -> server
    MessageSignal signal = client.send(new TestClientMsg(42));
    assertEquals(new ServerEvent.Msg<>(ClientId.of(44718), new TestClientMsg(42)), next(server));
    awaitCondition(() -> signal.status() == MessageStatus.SENT, "Sent");

    // server -> client
    assertTrue(server.send(ClientId.of(44718), new TestServerMsg(24)));
    assertEquals(new ClientEvent.Msg<>(new TestServerMsg(24)), next(client));

    // the server closes the client
    assertTrue(server.disconnect(ClientId.of(44718), "test"));
    assertEquals(
        report(new ClientReport.ClosedByServer(new CloseReason(1000, "test"))), next(client));
    assertEquals(report(new ClientReport.IsDead(List.of())), next(client));
    assertTrue(client.isDead());
    assertEquals(new ServerEvent.Disconnected<>(ClientId.of(44718)), next(server));
    assertEquals(0, server.connectionCount());
    assertFalse(server.isDead());

    // a second client closes itself
    var client2 =
        harness.client(
            server.url(), new AuthRequest.None(ClientId.of(872657)), DEFAULT, "hello 2!");
    var connected2 = assertInstanceOf(ServerEvent.Connected.class, next(server));
    assertEquals(new TestConnect("hello 2!"), connected2.connect());
    assertEquals(report(CONNECTED), next(client2));
    client2.close();
    assertEquals(report(new ClientReport.ClosedBySelf()), client2.next(), "queued synchronously");
    assertEquals(new ServerEvent.Disconnected<>(ClientId.of(872657)), next(server));
    assertEquals(report(new ClientReport.IsDead(List.of())), next(client2));
    assertTrue(client2.isDead());
    assertFalse(server.isDead());

    assertNull(server.next());
    assertNull(client.next());
    assertNull(client2.next());
  }

  @Test
  void requestResponse() throws Exception {
    Scenario s = connectedPair(DEFAULT);
    Sent sent = s.requestReceived(42);
    assertTrue(s.server.respond(sent.token(), new TestResponse(24)));
    assertEquals(new ClientEvent.Response<>(new TestResponse(24), sent.id()), next(s.client));
    assertEquals(RequestStatus.RESPONDED, sent.signal().status());
    s.assertQuiet();
  }

  @Test
  void requestAck() throws Exception {
    Scenario s = connectedPair(DEFAULT);
    Sent sent = s.requestReceived(42);
    assertTrue(s.server.ack(sent.token()));
    assertEquals(new ClientEvent.Ack<>(sent.id()), next(s.client));
    assertEquals(RequestStatus.ACKNOWLEDGED, sent.signal().status());
    s.assertQuiet();
  }

  @Test
  void requestRejected() throws Exception {
    Scenario s = connectedPair(DEFAULT);
    Sent sent = s.requestReceived(42);
    assertTrue(s.server.reject(sent.token()));
    assertEquals(new ClientEvent.Reject<>(sent.id()), next(s.client));
    assertEquals(RequestStatus.REJECTED, sent.signal().status());
    s.assertQuiet();
  }

  @Test
  void requestDropped() throws Exception {
    Scenario s =
        connectedPair(
            ClientConfig.builder()
                .reconnectOnServerClose(true)
                .reconnectInterval(Duration.ofMillis(5))
                .build());
    Sent sent = s.requestReceived(42);
    RequestSignal signal = sent.signal();
    var request = sent.request();

    assertTrue(s.server.disconnect(s.id, "test"));
    assertEquals(
        report(new ClientReport.ClosedByServer(new CloseReason(1000, "test"))), next(s.client));
    assertEquals(new ServerEvent.Disconnected<>(s.id), next(s.server));

    // The client reconnects: the lost request resolves before the new Connected.
    assertEquals(new ClientEvent.ResponseLost<>(signal.id()), next(s.client));
    assertTrue(request.token().isDestinationDead());
    assertEquals(RequestStatus.RESPONSE_LOST, signal.status());
    assertInstanceOf(ServerEvent.Connected.class, next(s.server));
    assertEquals(report(CONNECTED), next(s.client));
    assertEquals(1, s.server.connectionCount());

    // Answering the dead token does nothing.
    assertFalse(s.server.ack(request.token()));
    assertEquals(RequestStatus.RESPONSE_LOST, signal.status());
    s.assertQuiet();
  }

  @Test
  void clientSendSyncMsg() throws Exception {
    var server = harness.server(ServerConfig.DEFAULT, new Authenticator.None());
    var client = harness.client(server.url(), new AuthRequest.None(ClientId.of(0)), DEFAULT, "");
    ClientId id = assertInstanceOf(ServerEvent.Connected.class, next(server)).clientId();

    // Before the client's Connected is consumed, sending fails and nothing reaches the server.
    assertEquals(MessageStatus.FAILED, client.send(new TestClientMsg(24)).status());
    assertNull(server.poll(QUIET), "nothing was sent");

    assertEquals(report(CONNECTED), next(client));
    MessageSignal signal = client.send(new TestClientMsg(42));
    assertEquals(new ServerEvent.Msg<>(id, new TestClientMsg(42)), next(server));
    awaitCondition(() -> signal.status() == MessageStatus.SENT, "Sent");
    assertNull(server.next());
    assertNull(client.next());
  }

  @Test
  void clientSendSyncRequest() throws Exception {
    var server = harness.server(ServerConfig.DEFAULT, new Authenticator.None());
    var client = harness.client(server.url(), new AuthRequest.None(ClientId.of(0)), DEFAULT, "");
    assertInstanceOf(ServerEvent.Connected.class, next(server));

    RequestSignal early = client.request(new TestRequest(1));
    assertEquals(RequestStatus.SEND_FAILED, early.status());
    assertNull(server.poll(QUIET), "nothing was sent");

    // If the Accepted frame had not arrived yet, the failed request resolves before Connected;
    // if Connected was already queued (the seed's case), its SendFailed waits for the next change.
    ClientEvent<TestServerMsg, TestResponse> first = next(client);
    if (first.equals(new ClientEvent.SendFailed<>(early.id()))) {
      assertEquals(report(CONNECTED), next(client));
    } else {
      assertEquals(report(CONNECTED), first);
    }
    RequestSignal signal = client.request(new TestRequest(2));
    assertEquals(early.id() + 1, signal.id());
    assertSendingOrWritten(signal);
    var request = assertInstanceOf(ServerEvent.Request.class, next(server));
    assertEquals(signal.id(), request.token().requestId());
    awaitCondition(() -> signal.status() == RequestStatus.WAITING, "Waiting");
    assertTrue(server.ack(request.token()));
    assertEquals(new ClientEvent.Ack<>(signal.id()), next(client));
    assertEquals(RequestStatus.ACKNOWLEDGED, signal.status());

    assertNull(server.next());
    assertNull(client.next());
  }

  @Test
  void jsonEncodingEndToEnd() throws Exception {
    var server = harness.server(ServerConfig.DEFAULT, new Authenticator.None());
    ClientId id = ClientId.of(5);
    var client =
        harness.track(
            io.simplenet.Client.builder(io.simplenet.testing.TestChannel.SPEC)
                .url(server.url())
                .auth(new AuthRequest.None(id))
                .connectMessage(new TestConnect("json"))
                .encoding(Encoding.JSON)
                .build());
    var connected = assertInstanceOf(ServerEvent.Connected.class, next(server));
    assertEquals(Encoding.JSON, connected.env().encoding());
    assertEquals(new TestConnect("json"), connected.connect());
    assertEquals(report(CONNECTED), next(client));

    client.send(new TestClientMsg(1));
    assertEquals(new ServerEvent.Msg<>(id, new TestClientMsg(1)), next(server));
    RequestSignal signal = client.request(new TestRequest(2));
    var request = assertInstanceOf(ServerEvent.Request.class, next(server));
    assertTrue(server.respond(request.token(), new TestResponse(3)));
    assertTrue(server.send(id, new TestServerMsg(4)));
    assertEquals(new ClientEvent.Response<>(new TestResponse(3), signal.id()), next(client));
    assertEquals(new ClientEvent.Msg<>(new TestServerMsg(4)), next(client));
  }

  /**
   * The seed asserts Sending here; this client may finish the write before {@code request} returns
   * (Tyrus completes a write on the calling thread when the socket takes it at once).
   */
  private static void assertSendingOrWritten(RequestSignal signal) {
    RequestStatus status = signal.status();
    assertTrue(
        status == RequestStatus.SENDING || status == RequestStatus.WAITING, status.toString());
  }

  private static ClientEvent<TestServerMsg, TestResponse> report(ClientReport report) {
    return new ClientEvent.Report<>(report);
  }

  /** A server and one client connected to it, both Connected events consumed. */
  private Scenario connectedPair(ClientConfig config) throws Exception {
    var server = harness.server(ServerConfig.DEFAULT, new Authenticator.None());
    ClientId id = ClientId.of(44718);
    var client = harness.client(server.url(), new AuthRequest.None(id), config, "");
    assertEquals(id, assertInstanceOf(ServerEvent.Connected.class, next(server)).clientId());
    assertEquals(report(CONNECTED), next(client));
    assertEquals(1, server.connectionCount());
    return new Scenario(server, client, id);
  }

  /** A request the server received. */
  private record Sent(
      RequestSignal signal, ServerEvent.Request<TestConnect, TestClientMsg, TestRequest> request) {
    long id() {
      return signal.id();
    }

    io.simplenet.RequestToken token() {
      return request.token();
    }
  }

  private record Scenario(
      io.simplenet.Server<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse>
          server,
      io.simplenet.Client<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse>
          client,
      ClientId id) {

    /**
     * Sends a request and checks the seed's assertions up to the server holding it: the token names
     * the client and the request id, the request is Waiting, the token is alive.
     */
    Sent requestReceived(long value) throws Exception {
      RequestSignal signal = client.request(new TestRequest(value));
      assertSendingOrWritten(signal);
      @SuppressWarnings("unchecked")
      var request =
          (ServerEvent.Request<TestConnect, TestClientMsg, TestRequest>)
              assertInstanceOf(ServerEvent.Request.class, next(server));
      assertEquals(id, request.clientId());
      assertEquals(new TestRequest(value), request.request());
      assertEquals(id, request.token().clientId());
      assertEquals(signal.id(), request.token().requestId());
      awaitCondition(() -> signal.status() == RequestStatus.WAITING, "Waiting");
      assertFalse(request.token().isDestinationDead());
      return new Sent(signal, request);
    }

    void assertQuiet() {
      assertNull(server.next());
      assertNull(client.next());
    }
  }
}
