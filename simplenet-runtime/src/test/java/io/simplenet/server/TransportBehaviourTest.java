package io.simplenet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.Server;
import io.simplenet.ServerConfig;
import io.simplenet.auth.Authenticator;
import io.simplenet.testing.RawClient;
import io.simplenet.testing.RawSocket;
import io.simplenet.testing.WebSocketFrames;
import io.simplenet.testing.TestChannel;
import io.simplenet.testing.TestServers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the server does at the socket level, seen by a peer that never answers anything. */
class TransportBehaviourTest {
  @Test
  void silentPeerGetsTheAuthTimeoutCloseAndTheSocketIsDroppedWithoutWaitingForItsReply()
      throws Exception {
    // Long enough for the upgrade itself on a loaded machine: this filter drops an upgrade still
    // unanswered at the auth timeout.
    ServerConfig config = ServerConfig.builder().authTimeout(Duration.ofSeconds(1)).build();
    try (var server = TestServers.start(config, new Authenticator.None());
        RawSocket socket = RawSocket.connect(server.url())) {
      String status =
          socket.upgrade(server.url(), "/ws?v=" + TestChannel.VERSION + "&enc=binary");
      assertEquals("HTTP/1.1 101 Switching Protocols", status);
      WebSocketFrames.Frame close = socket.readUntilClose(RawClient.WAIT);
      assertNotNull(close, "EOF before a close frame");
      assertEquals(1008, close.closeCode());
      assertEquals("no auth received", close.closeReason());
      assertTrue(socket.isClosedByPeerWithin(RawClient.WAIT), "socket still open");
    }
  }
}
