package io.simplenet.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.ClientConfig;
import io.simplenet.ClientEvent;
import io.simplenet.ClientId;
import io.simplenet.ClientReport;
import io.simplenet.RateLimitConfig;
import io.simplenet.RequestSignal;
import io.simplenet.Server;
import io.simplenet.ServerConfig;
import io.simplenet.ServerEvent;
import io.simplenet.auth.Authenticator;
import io.simplenet.testing.FaultProxy;
import io.simplenet.testing.TestChannel;
import io.simplenet.testing.TestMessages.TestClientMsg;
import io.simplenet.testing.TestMessages.TestConnect;
import io.simplenet.testing.TestMessages.TestRequest;
import io.simplenet.testing.TestMessages.TestResponse;
import io.simplenet.testing.TestMessages.TestServerMsg;
import io.simplenet.testing.TestServers;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One chaos test's world: a real server on 127.0.0.1, a {@link FaultProxy} in front of it, and
 * {@link RecordedClient}s dialling the proxy. The server can be shut down and restarted on the same
 * port; the proxy keeps forwarding to that port. Used from the test thread only.
 */
final class ChaosRig implements AutoCloseable {
  /** Short heartbeats so that stalls are detected quickly. */
  static final Duration HEARTBEAT = Duration.ofMillis(100);

  /** The keepalive timeout of the tests that measure stall detection, on both ends. */
  static final Duration KEEPALIVE = Duration.ofMillis(500);

  /**
   * The keepalive timeout of every other test, on both ends (it also bounds client handshakes):
   * long enough that a machine loaded far beyond its 2 cores does not trip it.
   */
  static final Duration LOOSE_KEEPALIVE = Duration.ofSeconds(2);

  /** Short heartbeats, and a rate limit the chaos bursts never reach. */
  static final ServerConfig SERVER_CONFIG =
      ServerConfig.builder()
          .heartbeatInterval(HEARTBEAT)
          .keepaliveTimeout(LOOSE_KEEPALIVE)
          .rateLimit(new RateLimitConfig(Duration.ofMillis(100), 100_000))
          .build();

  /** Short heartbeats; reconnects after anything, quickly. */
  static final ClientConfig CLIENT_CONFIG =
      ClientConfig.builder()
          .heartbeatInterval(HEARTBEAT)
          .keepaliveTimeout(LOOSE_KEEPALIVE)
          .reconnectOnDisconnect(true)
          .reconnectOnServerClose(true)
          .reconnectInterval(Duration.ofMillis(20))
          .build();

  /** {@link #SERVER_CONFIG} with the keepalive of the stall tests. */
  static final ServerConfig QUICK_SERVER_CONFIG =
      SERVER_CONFIG.toBuilder().keepaliveTimeout(KEEPALIVE).build();

  /** {@link #CLIENT_CONFIG} with the keepalive of the stall tests. */
  static final ClientConfig QUICK_CLIENT_CONFIG =
      CLIENT_CONFIG.toBuilder().keepaliveTimeout(KEEPALIVE).build();

  /** How long a server shut down by a test may take to close its connections. */
  static final Duration SHUTDOWN_DEADLINE = Duration.ofSeconds(2);

  private static final int MAX_EVENTS_SKIPPED = 1_000;

  private final ServerConfig serverConfig;
  private final List<RecordedClient> clients = new ArrayList<>();
  private final FaultProxy proxy;
  private final int port;
  private Server<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse> server;

  ChaosRig(ServerConfig serverConfig) {
    this.serverConfig = serverConfig;
    this.server = startServer(0);
    this.port = server.port();
    this.proxy = FaultProxy.inFrontOf(server.url());
  }

  ChaosRig() {
    this(SERVER_CONFIG);
  }

  Server<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse> server() {
    return server;
  }

  FaultProxy proxy() {
    return proxy;
  }

  /** The URL clients dial: the proxy's. */
  URI url() {
    return proxy.url(server.url());
  }

  /** A client with id {@code id} dialling the proxy, closed with the rig. */
  RecordedClient client(long id, ClientConfig config) {
    RecordedClient client = new RecordedClient(url(), ClientId.of(id), config);
    clients.add(client);
    return client;
  }

  /**
   * Waits until {@code client} is connected and the server has reported it, then consumes the
   * server's events up to that {@code Connected}. A handshake that timed out on a busy machine may
   * have been accepted before the client closed it: its Connected and Disconnected come first.
   */
  void awaitConnected(RecordedClient client) throws InterruptedException {
    client.awaitReport(ClientReport.Connected.class);
    ServerEvent<TestConnect, TestClientMsg, TestRequest> last = TestServers.next(server);
    for (int i = 0; i < MAX_EVENTS_SKIPPED; i++) {
      var event = server.next();
      if (event == null) {
        break;
      }
      last = event;
    }
    var connected = assertInstanceOf(ServerEvent.Connected.class, last, "last server event");
    assertEquals(client.id(), connected.clientId());
  }

  /**
   * One request answered by the server: the server's next event other than a {@code Connected} or
   * {@code Disconnected} (which a reconnect may queue just after its client saw {@code Connected})
   * must be {@code client}'s request, and the client's next event its response.
   */
  void roundTrip(RecordedClient client, long value) throws InterruptedException {
    RequestSignal signal = client.client.request(new TestRequest(value));
    ServerEvent<TestConnect, TestClientMsg, TestRequest> event = TestServers.next(server);
    for (int i = 0; i < MAX_EVENTS_SKIPPED && isConnectionChange(event); i++) {
      event = TestServers.next(server);
    }
    var request = assertInstanceOf(ServerEvent.Request.class, event);
    assertEquals(client.id(), request.clientId());
    assertEquals(new TestRequest(value), request.request());
    assertTrue(server.respond(request.token(), new TestResponse(value)));
    assertEquals(new ClientEvent.Response<>(new TestResponse(value), signal.id()), client.next());
  }

  private static boolean isConnectionChange(ServerEvent<?, ?, ?> event) {
    return event instanceof ServerEvent.Connected<?, ?, ?>
        || event instanceof ServerEvent.Disconnected<?, ?, ?>;
  }

  /** Shuts the server down gracefully (1001 to every client). */
  void stopServer() throws InterruptedException {
    if (!server.shutdown(SHUTDOWN_DEADLINE)) {
      throw new AssertionError("server not dead within " + SHUTDOWN_DEADLINE);
    }
  }

  /** Starts a new server on the port of the first, after {@link #stopServer()}. */
  void startServerAgain() {
    server = startServer(port);
  }

  private Server<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse> startServer(
      int port) {
    return Server.builder(TestChannel.SPEC)
        .config(serverConfig)
        .authenticator(new Authenticator.None())
        .port(port)
        .start();
  }

  /** Closes the clients, then the server, then the proxy. */
  @Override
  public void close() {
    try {
      clients.forEach(RecordedClient::close);
      server.close();
    } finally {
      proxy.close();
    }
  }
}
