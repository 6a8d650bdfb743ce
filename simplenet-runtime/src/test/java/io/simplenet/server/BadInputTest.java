package io.simplenet.server;

import static io.simplenet.testing.TestServers.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.ClientId;
import io.simplenet.CloseReason;
import io.simplenet.Encoding;
import io.simplenet.Server;
import io.simplenet.ServerConfig;
import io.simplenet.ServerEvent;
import io.simplenet.auth.Authenticator;
import io.simplenet.auth.AuthRequest;
import io.simplenet.internal.wire.ClientFrame;
import io.simplenet.internal.wire.ServerFrame;
import io.simplenet.internal.wire.WireMessage;
import io.simplenet.testing.RawClient;
import io.simplenet.testing.RawSocket;
import io.simplenet.testing.TestChannel;
import io.simplenet.testing.TestMessages.TestClientMsg;
import io.simplenet.testing.TestMessages.TestConnect;
import io.simplenet.testing.TestMessages.TestRequest;
import io.simplenet.testing.TestMessages.TestResponse;
import io.simplenet.testing.TestMessages.TestServerMsg;
import io.simplenet.testing.TestServers;
import java.time.Duration;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Misbehaving peers: each violation closes only its own connection, with the documented reason,
 * while a well-behaved client on the same server keeps being served.
 */
class BadInputTest {
  private static final ClientId GOOD = ClientId.of(1);
  private static final ClientId BAD = ClientId.of(2);

  private Server<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse> server;
  private RawClient good;

  /** Fast timeouts, so that a peer that never completes an upgrade is dropped quickly too. */
  private static final ServerConfig CONFIG =
      ServerConfig.builder()
          .authTimeout(Duration.ofSeconds(1))
          .heartbeatInterval(Duration.ofMillis(200))
          .keepaliveTimeout(Duration.ofMillis(600))
          .build();

  @BeforeEach
  void start() {
    server = TestServers.start(CONFIG, new Authenticator.None());
    good = RawClient.connectAs(server.url(), Encoding.BINARY, GOOD, "");
    good.awaitAccepted(GOOD);
    next(server, ServerEvent.Connected.class, GOOD);
  }

  @AfterEach
  void stop() {
    good.close();
    server.close();
  }

  @Test
  void textOnABinaryConnection() {
    assertClosedBeforeAuth(Encoding.BINARY, c -> c.sendRaw(new WireMessage.Text("{}")), "text not allowed");
  }

  @Test
  void binaryOnAJsonConnection() {
    assertClosedBeforeAuth(Encoding.JSON, c -> c.sendRaw(new WireMessage.Binary(new byte[] {1})), "binary not allowed");
  }

  @Test
  void undecodableBinaryFrame() {
    assertClosedBeforeAuth(Encoding.BINARY, c -> c.sendRaw(new WireMessage.Binary(new byte[] {(byte) 0xff})), "deserialization failure");
  }

  @Test
  void undecodableJsonFrame() {
    assertClosedBeforeAuth(Encoding.JSON, c -> c.sendRaw(new WireMessage.Text("{\"hello\":")), "deserialization failure");
  }

  @Test
  void messageBeforeAuth() {
    assertClosedBeforeAuth(Encoding.BINARY, c -> c.sendMessage(1), "message before auth");
  }

  @Test
  void requestBeforeAuth() {
    assertClosedBeforeAuth(Encoding.JSON, c -> c.sendRequest(0, 1), "request before auth");
  }

  @Test
  void secondHelloAfterAuth() {
    try (RawClient bad = RawClient.connectAs(server.url(), Encoding.BINARY, BAD, "")) {
      bad.awaitAccepted(BAD);
      next(server, ServerEvent.Connected.class, BAD);
      bad.send(new ClientFrame.Hello<>(new AuthRequest.None(BAD), new TestConnect("")));
      assertEquals(new CloseReason(1011, "extra auth message"), bad.awaitClose());
      next(server, ServerEvent.Disconnected.class, BAD);
    }
    assertGoodClientStillServed();
  }

  @Test
  void undecodableFrameAfterAuthReportsDisconnected() {
    try (RawClient bad = RawClient.connectAs(server.url(), Encoding.BINARY, BAD, "")) {
      bad.awaitAccepted(BAD);
      next(server, ServerEvent.Connected.class, BAD);
      bad.sendMessage(5);
      bad.sendRaw(new WireMessage.Binary(new byte[] {0x12, 0x05}));
      assertEquals(new TestClientMsg(5), next(server, ServerEvent.Msg.class, BAD).message());
      next(server, ServerEvent.Disconnected.class, BAD);
      assertEquals(new CloseReason(1011, "deserialization failure"), bad.awaitClose());
    }
    assertGoodClientStillServed();
  }

  @Test
  void garbageBytesInsteadOfFramesDropOnlyThatSocket() throws Exception {
    long seed = 20240601L;
    System.out.println("garbage seed " + seed);
    Random random = new Random(seed);
    for (int round = 0; round < 5; round++) {
      try (RawSocket socket = RawSocket.connect(server.url())) {
        socket.upgrade(server.url(), "/ws?v=" + TestChannel.VERSION + "&enc=binary");
        byte[] garbage = new byte[1 + random.nextInt(4096)];
        random.nextBytes(garbage);
        socket.sendBytes(garbage);
        assertTrue(socket.isClosedByPeerWithin(RawClient.WAIT), "round " + round);
      }
    }
    try (RawSocket notHttp = RawSocket.connect(server.url());
        RawSocket silent = RawSocket.connect(server.url())) {
      notHttp.sendBytes(new byte[] {0, 1, 2, 3, '\r', '\n', '\r', '\n'});
      // Neither ever upgrades: the transport's idle timeout drops both.
      assertTrue(notHttp.isClosedByPeerWithin(RawClient.WAIT));
      assertTrue(silent.isClosedByPeerWithin(RawClient.WAIT));
    }
    TestServers.assertNoEvent(server);
    assertGoodClientStillServed();
  }

  @Test
  void unmaskedClientFrameIsAProtocolError() throws Exception {
    try (RawSocket socket = RawSocket.connect(server.url())) {
      socket.upgrade(server.url(), "/ws?v=" + TestChannel.VERSION + "&enc=binary");
      socket.sendBytes(new byte[] {(byte) 0x82, 0x01, 0x00}); // binary, unmasked, 1 byte
      assertTrue(socket.isClosedByPeerWithin(RawClient.WAIT));
    }
    assertGoodClientStillServed();
  }

  private void assertClosedBeforeAuth(Encoding encoding, Consumer<RawClient> misbehave, String reason) {
    try (RawClient bad = RawClient.connect(server.url(), encoding)) {
      misbehave.accept(bad);
      assertEquals(new CloseReason(1011, reason), bad.awaitClose());
    }
    TestServers.assertNoEvent(server);
    assertGoodClientStillServed();
  }

  private void assertGoodClientStillServed() {
    good.sendMessage(77);
    assertEquals(new TestClientMsg(77), next(server, ServerEvent.Msg.class, GOOD).message());
    assertTrue(server.send(GOOD, new TestServerMsg(78)));
    assertEquals(new ServerFrame.Message<>(new TestServerMsg(78)), good.nextFrame());
  }
}
