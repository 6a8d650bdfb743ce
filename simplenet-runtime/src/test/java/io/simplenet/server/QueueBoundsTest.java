package io.simplenet.server;

import static io.simplenet.testing.TestServers.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.simplenet.testing.TestMessages.TestServerMsg;
import io.simplenet.testing.TestServers;
import io.simplenet.testing.WebSocketFrames;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Both queues are bounded: a slow consumer and an application that stops polling. */
class QueueBoundsTest {
  private static final ClientId ID = ClientId.of(41);

  @Test
  void aClientThatStopsReadingIsClosedAsASlowConsumerAndSendsNeverBlock() throws Exception {
    ServerConfig config = ServerConfig.builder().maxOutboundQueueBytes(64 * 1024).build();
    try (var server = TestServers.start(config, new Authenticator.None());
        RawSocket socket = RawSocket.connect(server.url())) {
      socket.upgradeAndHello(server.url(), ID);
      next(server, ServerEvent.Connected.class, ID);
      // The socket is never read: kernel buffers fill, then the server's queue.
      int sent = 0;
      long start = System.nanoTime();
      while (server.send(ID, new TestServerMsg(Long.MAX_VALUE))) {
        sent++;
        assertTrue(sent < 50_000_000, "never overflowed");
      }
      long seconds = (System.nanoTime() - start) / 1_000_000_000L;
      assertTrue(seconds < 30, "sends took " + seconds + " s");
      next(server, ServerEvent.Disconnected.class, ID);
      assertFalse(server.send(ID, new TestServerMsg(1)));
      // Once the peer reads again it gets what was in flight, then the socket ends.
      assertTrue(socket.isClosedByPeerWithin(RawClient.WAIT), "socket still open");
    }
  }

  @Test
  void aSlowConsumerPingedWhileItsFrameIsStuckStillHasItsSocketClosedOnceItReads()
      throws Exception {
    // Pings at every check, so some queue in the transport behind a frame the peer does not
    // read: they must not keep the close frame or the TCP close from following once it reads.
    ServerConfig config =
        ServerConfig.builder()
            .maxOutboundQueueBytes(64 * 1024)
            .heartbeatInterval(Duration.ofMillis(20))
            .keepaliveTimeout(Duration.ofMinutes(5))
            .build();
    try (var server = TestServers.start(config, new Authenticator.None());
        RawSocket socket = RawSocket.connect(server.url())) {
      socket.upgradeAndHello(server.url(), ID);
      next(server, ServerEvent.Connected.class, ID);
      int sent = 0;
      while (server.send(ID, new TestServerMsg(Long.MAX_VALUE))) {
        sent++;
        assertTrue(sent < 50_000_000, "never overflowed");
      }
      next(server, ServerEvent.Disconnected.class, ID);
      // Everything in flight, pings included, then the close frame, then EOF.
      long end = System.nanoTime() + RawClient.WAIT.toNanos();
      int pings = 0;
      WebSocketFrames.Frame frame = socket.readFrame(RawClient.WAIT);
      for (int frames = 0;
          frames < 50_000_000 && frame != null && frame.opcode() != WebSocketFrames.OP_CLOSE;
          frames++) {
        assertTrue(System.nanoTime() < end, "no close frame within " + RawClient.WAIT);
        if (frame.opcode() == WebSocketFrames.OP_PING) {
          pings++;
        }
        frame = socket.readFrame(RawClient.WAIT);
      }
      assertNotNull(frame, "EOF before the close frame");
      assertTrue(pings > 0, "no ping was sent");
      assertEquals(CloseReason.SLOW_CONSUMER.code(), frame.closeCode());
      assertTrue(socket.isClosedByPeerWithin(RawClient.WAIT), "socket still open");
    }
  }

  @Test
  void aFullEventQueueClosesTheConnectionWhoseEventDoesNotFit() {
    ServerConfig config = ServerConfig.builder().maxQueuedEvents(3).build();
    try (var server = TestServers.start(config, new Authenticator.None());
        RawClient client = RawClient.connectAs(server.url(), Encoding.BINARY, ID, "")) {
      client.awaitAccepted(ID);
      for (int i = 0; i < 5; i++) {
        client.sendMessage(i); // Connected + 2 messages fill the queue; the third does not fit
      }
      assertEquals(new CloseReason(1013, "server overloaded"), client.awaitClose());
      next(server, ServerEvent.Connected.class, ID);
      next(server, ServerEvent.Msg.class, ID);
      next(server, ServerEvent.Msg.class, ID);
      next(server, ServerEvent.Disconnected.class, ID); // always fits
      TestServers.assertNoEvent(server);
    }
  }
}
