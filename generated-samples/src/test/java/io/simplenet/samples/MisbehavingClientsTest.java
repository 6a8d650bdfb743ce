package io.simplenet.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.simplenet.Client;
import io.simplenet.ClientEvent;
import io.simplenet.ClientId;
import io.simplenet.ClientReport;
import io.simplenet.CloseReason;
import io.simplenet.Server;
import io.simplenet.ServerConfig;
import io.simplenet.ServerEvent;
import io.simplenet.auth.AuthRequest;
import io.simplenet.auth.Authenticator;
import io.simplenet.examples.seed.TestChannel;
import io.simplenet.examples.seed.TestClientMessage;
import io.simplenet.examples.seed.TestClientMsg;
import io.simplenet.examples.seed.TestClientRequest;
import io.simplenet.examples.seed.TestConnectMsg;
import io.simplenet.examples.seed.TestRequest;
import io.simplenet.examples.seed.TestResponse;
import io.simplenet.examples.seed.TestServerMessage;
import io.simplenet.examples.seed.TestServerResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One misbehaving client (a flood, an oversized message, garbage bytes, a trickled upgrade, no auth)
 * is closed with its documented reason while a well-behaved client on the same server keeps being
 * served: each of its request round trips completes within {@link #GOOD_CLIENT_BOUND}.
 */
@Timeout(60)
class MisbehavingClientsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration GOOD_CLIENT_BOUND = Duration.ofSeconds(2);
  private static final int MAX_MESSAGE_SIZE = 1_000;
  private static final Duration AUTH_TIMEOUT = Duration.ofMillis(300);
  private static final ClientId GOOD = ClientId.of(1);

  private Server<TestConnectMsg, TestClientMessage, TestRequest, TestServerMessage, TestResponse>
      server;
  private Client<TestConnectMsg, TestClientMessage, TestRequest, TestServerMessage, TestResponse>
      good;
  private long requests;

  @BeforeEach
  void start() throws InterruptedException {
    server =
        Server.builder(TestChannel.SPEC)
            .port(0)
            .authenticator(new Authenticator.None())
            .config(
                ServerConfig.builder()
                    .maxMessageSize(MAX_MESSAGE_SIZE)
                    .authTimeout(AUTH_TIMEOUT)
                    .build())
            .start();
    good = client(GOOD, "good");
    awaitReport(good, ClientReport.Connected.class);
    assertGoodClientServed();
  }

  @AfterEach
  void stop() {
    good.close();
    server.close();
  }

  @Test
  void aFloodOverTheRateLimitClosesOnlyTheFlooder() throws Exception {
    try (var flooder = client(ClientId.of(2), "flooder")) {
      awaitReport(flooder, ClientReport.Connected.class);
      for (int i = 0; i < 50; i++) {
        flooder.send(new TestClientMsg(i));
      }
      assertEquals(CloseReason.RATE_LIMIT_VIOLATION, awaitClosedByServer(flooder));
      assertGoodClientServed();
    }
  }

  @Test
  void anOversizedMessageClosesOnlyItsSender() throws Exception {
    try (var oversized = client(ClientId.of(3), "x".repeat(MAX_MESSAGE_SIZE + 1))) {
      assertEquals(CloseReason.MESSAGE_SIZE_VIOLATION, awaitClosedByServer(oversized));
      assertGoodClientServed();
    }
  }

  @Test
  void garbageBytesInsteadOfAnUpgradeCloseOnlyThatSocket() throws Exception {
    try (Socket socket = socket()) {
      byte[] garbage = new byte[4096];
      new Random(7).nextBytes(garbage);
      socket.getOutputStream().write(garbage);
      socket.getOutputStream().flush();
      assertClosedByPeer(socket.getInputStream());
      assertGoodClientServed();
    }
  }

  @Test
  void anUpgradeRequestTrickledAByteAtATimeIsCutOffAtTheAuthTimeout() throws Exception {
    byte[] request =
        ("GET /ws?v=" + TestChannel.VERSION + "&enc=binary HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "X-Padding: " + "p".repeat(200))
            .getBytes(StandardCharsets.US_ASCII);
    try (Socket socket = socket()) {
      long start = System.nanoTime();
      OutputStream out = socket.getOutputStream();
      try {
        // Never idle for long, never finished: only a deadline from the accept can end it.
        for (byte b : request) {
          out.write(b);
          out.flush();
          LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // the attacker's pace
        }
        fail("the server read a " + request.length + "-byte trickle for "
            + Duration.ofNanos(System.nanoTime() - start));
      } catch (IOException closed) {
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(AUTH_TIMEOUT.plusSeconds(2)) < 0, "cut off after " + took);
      }
      assertGoodClientServed();
    }
  }

  @Test
  void aConnectionThatNeverAuthenticatesIsClosedWith1008AfterTheAuthTimeout() throws Exception {
    try (Socket socket = socket()) {
      InputStream in = upgrade(socket);
      // A server close frame: FIN + opcode 8, an unmasked length, then the 2-byte status code.
      assertEquals(0x88, in.read());
      int length = in.read();
      assertTrue(length >= 2, "close frame length " + length);
      int code = (in.read() << 8) | in.read();
      byte[] reason = in.readNBytes(length - 2);
      assertEquals(CloseReason.NO_AUTH_RECEIVED.code(), code);
      assertEquals(CloseReason.NO_AUTH_RECEIVED.reason(), new String(reason, StandardCharsets.UTF_8));
      assertGoodClientServed();
    }
  }

  /** The good client's request is answered, both ways, within {@link #GOOD_CLIENT_BOUND}. */
  private void assertGoodClientServed() throws InterruptedException {
    long start = System.nanoTime();
    long value = ++requests;
    long id = good.request(new TestClientRequest(value)).id();
    long deadline = start + WAIT.toNanos();
    while (true) {
      ServerEvent<TestConnectMsg, TestClientMessage, TestRequest> event = server.poll(remaining(deadline));
      if (event == null) {
        fail("the server saw no request from the good client within " + WAIT);
      }
      // Events of the misbehaving peers (Connected, Msg, Disconnected) are skipped.
      if (event instanceof ServerEvent.Request<TestConnectMsg, TestClientMessage, TestRequest> request
          && request.clientId().equals(GOOD)) {
        assertTrue(server.respond(request.token(), new TestServerResponse(value)));
        break;
      }
    }
    ClientEvent<TestServerMessage, TestResponse> answer = good.poll(remaining(deadline));
    assertEquals(new ClientEvent.Response<>(new TestServerResponse(value), id), answer);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.compareTo(GOOD_CLIENT_BOUND) < 0, "good client's round trip took " + took);
  }

  private Client<TestConnectMsg, TestClientMessage, TestRequest, TestServerMessage, TestResponse>
      client(ClientId id, String connectText) {
    return Client.builder(TestChannel.SPEC)
        .url(server.url())
        .auth(new AuthRequest.None(id))
        .connectMessage(new TestConnectMsg(connectText))
        .build();
  }

  private static void awaitReport(Client<?, ?, ?, ?, ?> client, Class<? extends ClientReport> type)
      throws InterruptedException {
    Object event = client.poll(WAIT);
    assertTrue(
        event instanceof ClientEvent.Report<?, ?> report && type.isInstance(report.report()),
        () -> "expected " + type.getSimpleName() + ", got " + event);
  }

  /** Skips events until the client's ClosedByServer report; returns its reason. */
  private static CloseReason awaitClosedByServer(Client<?, ?, ?, ?, ?> client)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    for (Object event = client.poll(WAIT); event != null; event = client.poll(remaining(deadline))) {
      if (event instanceof ClientEvent.Report<?, ?> report
          && report.report() instanceof ClientReport.ClosedByServer closed) {
        return closed.reason();
      }
    }
    throw new AssertionError("no ClosedByServer within " + WAIT);
  }

  private Socket socket() throws IOException {
    URI url = server.url();
    Socket socket = new Socket(url.getHost(), url.getPort());
    socket.setSoTimeout((int) WAIT.toMillis());
    return socket;
  }

  /** Performs a WebSocket upgrade by hand and returns the stream after the 101 response. */
  private InputStream upgrade(Socket socket) throws IOException {
    URI url = server.url();
    String request =
        "GET " + url.getPath() + "?v=" + TestChannel.VERSION + "&enc=binary HTTP/1.1\r\n"
            + "Host: " + url.getHost() + ":" + url.getPort() + "\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Sec-WebSocket-Version: 13\r\n\r\n";
    OutputStream out = socket.getOutputStream();
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      assertTrue(b >= 0, () -> "connection closed during the upgrade: " + head);
      head.write(b);
    }
    assertTrue(
        head.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 101"),
        () -> "upgrade refused: " + head);
    return in;
  }

  /** The peer closed the connection: reading reaches the end (or a reset) before the timeout. */
  private static void assertClosedByPeer(InputStream in) {
    try {
      byte[] buffer = new byte[1024];
      while (in.read(buffer) >= 0) {
        // whatever the server answered before closing (an HTTP 400, say) is not the point
      }
    } catch (java.net.SocketTimeoutException e) {
      throw new AssertionError("the server kept the garbage connection open for " + WAIT, e);
    } catch (IOException e) {
      // a reset is a close too
    }
  }

  private static Duration remaining(long deadlineNanos) {
    return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
  }
}
