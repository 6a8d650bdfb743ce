package io.simplenet.server;

import static io.simplenet.testing.TestServers.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.ClientId;
import io.simplenet.CloseReason;
import io.simplenet.Encoding;
import io.simplenet.ServerConfig;
import io.simplenet.ServerEvent;
import io.simplenet.auth.Authenticator;
import io.simplenet.testing.RawClient;
import io.simplenet.testing.RawSocket;
import io.simplenet.testing.WebSocketFrames;
import io.simplenet.testing.TestServers;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Heartbeats: idle connections are pinged; one that answers nothing is closed as inactive. */
class HeartbeatTest {
  private static final ClientId ID = ClientId.of(31);
  private static final ServerConfig FAST =
      ServerConfig.builder()
          .heartbeatInterval(Duration.ofMillis(100))
          .keepaliveTimeout(Duration.ofMillis(400))
          .build();

  @Test
  void aSilentPeerIsPingedThenClosedAsInactive() throws Exception {
    try (var server = TestServers.start(FAST, new Authenticator.None());
        RawSocket socket = RawSocket.connect(server.url())) {
      socket.upgradeAndHello(server.url(), ID);
      assertEquals(WebSocketFrames.OP_BINARY, socket.readFrame(RawClient.WAIT).opcode()); // Accepted
      next(server, ServerEvent.Connected.class, ID);
      long before = System.currentTimeMillis();
      WebSocketFrames.Frame ping = socket.readFrame(RawClient.WAIT);
      assertEquals(WebSocketFrames.OP_PING, ping.opcode());
      assertEquals(Long.BYTES, ping.payload().length);
      long sentAt = ByteBuffer.wrap(ping.payload()).getLong();
      assertTrue(sentAt >= before - 1_000 && sentAt <= System.currentTimeMillis(), "unix ms " + sentAt);
      // Answer nothing: the next frames are more pings, then the close.
      WebSocketFrames.Frame close = socket.readUntilClose(RawClient.WAIT);
      assertNotNull(close, "EOF before the close frame");
      assertEquals(1011, close.closeCode());
      assertEquals("remote partner is inactive", close.closeReason());
      assertTrue(socket.isClosedByPeerWithin(RawClient.WAIT));
      next(server, ServerEvent.Disconnected.class, ID);
    }
  }

  @Test
  void aPeerThatAnswersPingsStaysConnectedWhileIdle() {
    try (var server = TestServers.start(FAST, new Authenticator.None());
        RawClient client = RawClient.connectAs(server.url(), Encoding.JSON, ID, "")) {
      client.awaitAccepted(ID);
      next(server, ServerEvent.Connected.class, ID);
      // Several keepalive timeouts of silence on both sides; Tyrus answers the pings.
      assertEquals(null, client.poll(Duration.ofMillis(1_500)));
      assertEquals(false, client.isClosed());
      client.sendMessage(1);
      next(server, ServerEvent.Msg.class, ID);
    }
  }

  @Test
  void closeReasonConstantIsTheContracts() {
    assertEquals(new CloseReason(1011, "remote partner is inactive"), CloseReason.REMOTE_PARTNER_INACTIVE);
  }
}
