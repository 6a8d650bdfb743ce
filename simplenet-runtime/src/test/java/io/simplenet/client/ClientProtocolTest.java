package io.simplenet.client;

import static io.simplenet.testing.WebSocketFrames.OP_BINARY;
import static io.simplenet.testing.WebSocketFrames.OP_CLOSE;
import static io.simplenet.testing.WebSocketFrames.OP_PING;
import static io.simplenet.testing.WebSocketFrames.OP_TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.testing.WebSocketFrames;
import io.simplenet.Client;
import io.simplenet.ClientConfig;
import io.simplenet.ClientEvent;
import io.simplenet.ClientId;
import io.simplenet.ClientReport;
import io.simplenet.CloseReason;
import io.simplenet.Encoding;
import io.simplenet.MessageSignal;
import io.simplenet.MessageStatus;
import io.simplenet.RequestSignal;
import io.simplenet.RequestStatus;
import io.simplenet.auth.AuthKeys;
import io.simplenet.auth.AuthRequest;
import io.simplenet.auth.AuthToken;
import io.simplenet.auth.AuthTokens;
import io.simplenet.internal.wire.ClientFrame;
import io.simplenet.internal.wire.FrameCodec;
import io.simplenet.internal.wire.ServerFrame;
import io.simplenet.internal.wire.WireMessage;
import io.simplenet.testing.TestChannel;
import io.simplenet.testing.TestMessages.TestClientMsg;
import io.simplenet.testing.TestMessages.TestConnect;
import io.simplenet.testing.TestMessages.TestRequest;
import io.simplenet.testing.TestMessages.TestResponse;
import io.simplenet.testing.TestMessages.TestServerMsg;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client against a scripted server on a bare socket: the hello, no Connected before Accepted,
 * frames it must ignore, JSON encoding, reconnecting after a drop, and the keepalive timeout (which
 * needs a server that does not answer pings).
 */
class ClientProtocolTest {
  private static final ClientId ID = ClientId.of(7);
  private static final AuthRequest AUTH = new AuthRequest.None(ID);
  private static final TestConnect CONNECT = new TestConnect("hello");
  private static final ClientConfig NO_RECONNECT =
      ClientConfig.builder().reconnectOnDisconnect(false).build();

  private final FrameCodec<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse>
      codec = new FrameCodec<>(TestChannel.SPEC);
  private final RawWebSocketPeer peer;
  private Client<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse> client;

  ClientProtocolTest() throws Exception {
    peer = new RawWebSocketPeer();
  }

  @AfterEach
  void tearDown() throws Exception {
    if (client != null) {
      client.close();
    }
    peer.close();
  }

  private void startClient(ClientConfig config, Encoding encoding) {
    client =
        Client.builder(TestChannel.SPEC)
            .url(peer.url())
            .auth(AUTH)
            .connectMessage(CONNECT)
            .config(config)
            .encoding(encoding)
            .build();
  }

  /** Completes the upgrade and checks that the hello is the first frame. */
  private void acceptHello(Encoding encoding) throws Exception {
    peer.acceptUpgrade();
    assertEquals("GET /ws?v=test&enc=" + encoding.queryValue() + " HTTP/1.1", peer.requestLine());
    assertEquals(new ClientFrame.Hello<>(AUTH, CONNECT), readClientFrame(encoding));
  }

  /** Completes the upgrade, reads the hello, accepts it and expects Connected. */
  private void acceptConnection(Encoding encoding) throws Exception {
    acceptHello(encoding);
    writeServerFrame(new ServerFrame.Accepted<>(ID, 0), encoding);
    assertNextReport(new ClientReport.Connected());
  }

  private ClientFrame<TestConnect, TestClientMsg, TestRequest> readClientFrame(Encoding encoding)
      throws Exception {
    WebSocketFrames.Frame frame = peer.readFrameSkippingPings();
    if (encoding == Encoding.BINARY) {
      assertEquals(OP_BINARY, frame.opcode());
      return codec.decodeClientFrame(new WireMessage.Binary(frame.payload()));
    }
    assertEquals(OP_TEXT, frame.opcode());
    return codec.decodeClientFrame(
        new WireMessage.Text(new String(frame.payload(), StandardCharsets.UTF_8)));
  }

  private void writeServerFrame(ServerFrame<TestServerMsg, TestResponse> frame, Encoding encoding)
      throws Exception {
    WireMessage message = codec.encodeServerFrame(frame, encoding);
    if (message instanceof WireMessage.Binary binary) {
      peer.writeFrame(OP_BINARY, binary.bytes());
    } else {
      peer.writeFrame(
          OP_TEXT, ((WireMessage.Text) message).text().getBytes(StandardCharsets.UTF_8));
    }
  }

  private ClientEvent<TestServerMsg, TestResponse> nextEvent() throws InterruptedException {
    ClientEvent<TestServerMsg, TestResponse> event = client.poll(Duration.ofSeconds(10));
    if (event == null) {
      throw new AssertionError("no event within 10 s");
    }
    return event;
  }

  private void assertNextReport(ClientReport report) throws InterruptedException {
    assertEquals(new ClientEvent.Report<>(report), nextEvent());
  }

  @Test
  void connectedComesOnlyWithAcceptedAndSendsWaitForIt() throws Exception {
    startClient(NO_RECONNECT, Encoding.BINARY);
    acceptHello(Encoding.BINARY);
    assertEquals(null, client.poll(Duration.ofMillis(200)), "no Connected yet");
    assertFalse(client.isConnected());
    assertEquals(MessageStatus.FAILED, client.send(new TestClientMsg(1)).status());

    writeServerFrame(new ServerFrame.Accepted<>(ID, 0), Encoding.BINARY);
    assertNextReport(new ClientReport.Connected());
    assertTrue(client.isConnected());

    MessageSignal signal = client.send(new TestClientMsg(5));
    assertEquals(new ClientFrame.Message<>(new TestClientMsg(5)), readClientFrame(Encoding.BINARY));
    awaitStatus(signal, MessageStatus.SENT);

    client.close();
    assertNextReport(new ClientReport.ClosedBySelf());
    WebSocketFrames.Frame close = peer.readFrameSkippingPings();
    assertEquals(OP_CLOSE, close.opcode());
    assertEquals(1000, close.closeCode());
    assertEquals("client done", close.closeReason());
    assertNextReport(new ClientReport.IsDead(List.of()));
    assertTrue(client.isDead());
  }

  @Test
  void aServerCloseBeforeAcceptedIsClosedByServerNeverConnected() throws Exception {
    startClient(NO_RECONNECT, Encoding.BINARY);
    acceptHello(Encoding.BINARY);
    peer.writeClose(1011, "invalid auth: wrong secret");
    assertNextReport(
        new ClientReport.ClosedByServer(new CloseReason(1011, "invalid auth: wrong secret")));
    assertNextReport(new ClientReport.IsDead(List.of()));
    assertEquals(null, client.next());
  }

  @Test
  void framesTheClientCannotUseAreIgnored() throws Exception {
    startClient(NO_RECONNECT, Encoding.BINARY);
    acceptHello(Encoding.BINARY);
    writeServerFrame(new ServerFrame.Message<>(new TestServerMsg(1)), Encoding.BINARY); // early
    writeServerFrame(new ServerFrame.Accepted<>(ID, 0), Encoding.BINARY);
    peer.writeFrame(OP_BINARY, new byte[] {(byte) 0xff, 0x01}); // not a ServerFrame
    writeServerFrame(new ServerFrame.Message<>(new TestServerMsg(2)), Encoding.JSON); // wrong type
    writeServerFrame(new ServerFrame.Ack<>(99), Encoding.BINARY); // unknown request
    writeServerFrame(new ServerFrame.Accepted<>(ID, 0), Encoding.BINARY); // a second Accepted
    writeServerFrame(new ServerFrame.Message<>(new TestServerMsg(3)), Encoding.BINARY);

    assertNextReport(new ClientReport.Connected());
    assertEquals(new ClientEvent.Msg<>(new TestServerMsg(3)), nextEvent());
    assertEquals(null, client.poll(Duration.ofMillis(100)));
  }

  @Test
  void jsonEncodingUsesTextFramesBothWays() throws Exception {
    startClient(NO_RECONNECT, Encoding.JSON);
    acceptConnection(Encoding.JSON);

    RequestSignal signal = client.request(new TestRequest(11));
    assertEquals(new ClientFrame.Request<>(0, new TestRequest(11)), readClientFrame(Encoding.JSON));
    writeServerFrame(new ServerFrame.Response<>(0, new TestResponse(12)), Encoding.JSON);
    assertEquals(new ClientEvent.Response<>(new TestResponse(12), 0), nextEvent());
    assertEquals(RequestStatus.RESPONDED, signal.status());
  }

  @Test
  void aDroppedConnectionLosesWaitingRequestsAndReconnectsAtOnce() throws Exception {
    startClient(ClientConfig.DEFAULT, Encoding.BINARY);
    acceptConnection(Encoding.BINARY);
    RequestSignal signal = client.request(new TestRequest(1));
    assertEquals(
        new ClientFrame.Request<>(0, new TestRequest(1)), readClientFrame(Encoding.BINARY));
    awaitStatus(signal, RequestStatus.WAITING);

    peer.dropConnection();
    assertNextReport(new ClientReport.Disconnected());
    assertEquals(new ClientEvent.ResponseLost<>(0), nextEvent());
    assertEquals(RequestStatus.RESPONSE_LOST, signal.status());
    assertFalse(client.isConnected());

    acceptConnection(Encoding.BINARY); // the immediate reconnect
    assertEquals(1, client.request(new TestRequest(2)).id(), "ids are never reused");
  }

  @Test
  void aSilentServerIsDroppedAfterTheKeepaliveTimeoutAfterPings() throws Exception {
    startClient(heartbeats(Duration.ofMillis(100), Duration.ofMillis(400)), Encoding.BINARY);
    acceptConnection(Encoding.BINARY);

    WebSocketFrames.Frame frame = peer.readFrame();
    assertEquals(OP_PING, frame.opcode(), "the client pings a silent server");
    long pingMillis = ByteBuffer.wrap(frame.payload()).getLong();
    assertTrue(
        Math.abs(System.currentTimeMillis() - pingMillis) < 10_000, "unix ms: " + pingMillis);
    int pings = 1;
    while ((frame = peer.readFrame()).opcode() == OP_PING && pings < 100) {
      pings++;
    }
    assertEquals(OP_CLOSE, frame.opcode());
    assertEquals(1011, frame.closeCode());
    assertEquals("remote partner is inactive", frame.closeReason());
    assertTrue(peer.readsEndOfStream(), "the client closed the socket without waiting");

    assertNextReport(new ClientReport.Disconnected());
    assertNextReport(new ClientReport.IsDead(List.of()));
  }

  @Test
  void pongsKeepAQuietConnectionAlive() throws Exception {
    startClient(heartbeats(Duration.ofMillis(50), Duration.ofMillis(200)), Encoding.BINARY);
    acceptConnection(Encoding.BINARY);
    long until = System.nanoTime() + Duration.ofMillis(800).toNanos();
    int pongs = 0;
    while (System.nanoTime() < until && pongs < 1_000) {
      WebSocketFrames.Frame ping = peer.readFrame();
      assertEquals(OP_PING, ping.opcode());
      peer.writeFrame(WebSocketFrames.OP_PONG, ping.payload());
      pongs++;
    }
    assertTrue(pongs >= 4, "pings every heartbeat: " + pongs);
    assertTrue(client.isConnected(), "answered pings keep the connection");
    assertEquals(null, client.next());
  }

  @Test
  void anExpiredTokenEndsReconnecting() throws Exception {
    AuthKeys keys = AuthKeys.generate();
    AuthToken expired =
        AuthTokens.fromExpiry(keys.privateSeed(), Instant.now().getEpochSecond() - 60, ID);
    client =
        Client.builder(TestChannel.SPEC)
            .url(peer.url())
            .auth(new AuthRequest.Token(expired))
            .connectMessage(CONNECT)
            .build(); // reconnects after a lost connection, by default
    peer.acceptUpgrade(); // this peer does not check tokens; a real server refuses expired ones
    assertEquals(
        new ClientFrame.Hello<>(new AuthRequest.Token(expired), CONNECT),
        readClientFrame(Encoding.BINARY));
    writeServerFrame(new ServerFrame.Accepted<>(ID, 0), Encoding.BINARY);
    assertNextReport(new ClientReport.Connected());

    peer.dropConnection();
    assertNextReport(new ClientReport.Disconnected());
    assertNextReport(new ClientReport.IsDead(List.of()));
  }

  @Test
  void unacceptedAttemptsCountAgainstTheInitialLimitAndArePacedByTheInterval() throws Exception {
    Duration interval = Duration.ofMillis(150);
    assertThreePacedAttempts(
        ClientConfig.builder().maxInitialConnectAttempts(3).reconnectInterval(interval).build(),
        interval);
  }

  @Test
  void aBackoffReplacesTheReconnectInterval() throws Exception {
    Duration floor = Duration.ofMillis(150);
    assertThreePacedAttempts(
        ClientConfig.builder()
            .maxInitialConnectAttempts(3)
            .reconnectInterval(Duration.ofMillis(1))
            .backoff(new ClientConfig.Backoff(floor, Duration.ofSeconds(1), 2.0))
            .build(),
        floor);
  }

  /**
   * Three attempts, each dropped before Accepted (failed attempts, not lost connections), at least
   * {@code pause} apart; then the client gives up.
   */
  private void assertThreePacedAttempts(ClientConfig config, Duration pause) throws Exception {
    startClient(config, Encoding.BINARY);
    long previousNanos = 0;
    for (int attempt = 1; attempt <= 3; attempt++) {
      acceptHello(Encoding.BINARY);
      long nowNanos = System.nanoTime();
      if (attempt > 1) {
        assertTrue(
            nowNanos - previousNanos >= pause.toNanos(),
            "attempt " + attempt + " came after " + (nowNanos - previousNanos) / 1_000_000 + " ms");
      }
      previousNanos = nowNanos;
      peer.dropConnection();
      assertNextReport(new ClientReport.Disconnected());
    }
    assertNextReport(new ClientReport.IsDead(List.of()));
  }

  @Test
  void closeCutsAHangingHandshakeShort() throws Exception {
    startClient(NO_RECONNECT, Encoding.BINARY);
    peer.acceptTcpOnly(); // the server never answers the upgrade
    long startNanos = System.nanoTime();
    client.close();
    assertNextReport(new ClientReport.ClosedBySelf());
    assertNextReport(new ClientReport.IsDead(List.of()));
    long tookMillis = (System.nanoTime() - startNanos) / 1_000_000;
    assertTrue(tookMillis < 5_000, "IsDead after " + tookMillis + " ms, not the handshake timeout");
  }

  private static ClientConfig heartbeats(Duration interval, Duration keepaliveTimeout) {
    return NO_RECONNECT.toBuilder()
        .heartbeatInterval(interval)
        .keepaliveTimeout(keepaliveTimeout)
        .build();
  }

  private static void awaitStatus(MessageSignal signal, MessageStatus expected) {
    Harness.awaitCondition(() -> signal.status() == expected, "message status " + expected);
  }

  private static void awaitStatus(RequestSignal signal, RequestStatus expected) {
    Harness.awaitCondition(() -> signal.status() == expected, "request status " + expected);
  }
}
