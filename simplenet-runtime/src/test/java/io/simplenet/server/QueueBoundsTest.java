package io.simplenet.server;

import static io.simplenet.testing.TestServers.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
