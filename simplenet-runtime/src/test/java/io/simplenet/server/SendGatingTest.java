package io.simplenet.server;

import static io.simplenet.testing.TestServers.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.ClientId;
import io.simplenet.Encoding;
import io.simplenet.ServerEvent;
import io.simplenet.internal.wire.ServerFrame;
import io.simplenet.testing.RawClient;
import io.simplenet.testing.TestMessages.TestServerMsg;
import io.simplenet.testing.TestServers;
import org.junit.jupiter.api.Test;

/** The seed's server_send_sync tests: sends are dropped until the app consumed that Connected. */
class SendGatingTest {
  @Test
  void sendBeforeConsumingConnectedIsDropped() {
    ClientId id = ClientId.of(1);
    try (var server = TestServers.start();
        RawClient client = RawClient.connectAs(server.url(), Encoding.BINARY, id, "")) {
      client.awaitAccepted(id);
      TestServers.awaitTrue(() -> server.connectionCount() == 1, RawClient.WAIT, "registered");
      assertFalse(server.send(id, new TestServerMsg(1)));
      next(server, ServerEvent.Connected.class, id);
      assertTrue(server.send(id, new TestServerMsg(2)));
      assertEquals(new ServerFrame.Message<>(new TestServerMsg(2)), client.nextFrame());
      client.assertNoFrame();
    }
  }

  @Test
  void consumingAnotherClientsConnectedIsNotEnough() {
    ClientId first = ClientId.of(1);
    ClientId second = ClientId.of(2);
    try (var server = TestServers.start();
        RawClient one = RawClient.connectAs(server.url(), Encoding.BINARY, first, "")) {
      one.awaitAccepted(first);
      try (RawClient two = RawClient.connectAs(server.url(), Encoding.JSON, second, "")) {
        two.awaitAccepted(second);
        next(server, ServerEvent.Connected.class, first);
        assertFalse(server.send(second, new TestServerMsg(1)));
        assertTrue(server.send(first, new TestServerMsg(2)));
        next(server, ServerEvent.Connected.class, second);
        assertTrue(server.send(second, new TestServerMsg(3)));
        assertEquals(new ServerFrame.Message<>(new TestServerMsg(3)), two.nextFrame());
        assertEquals(new ServerFrame.Message<>(new TestServerMsg(2)), one.nextFrame());
        two.assertNoFrame();
      }
    }
  }

  @Test
  void aReconnectedClientIsGatedAgainAndUnknownIdsAreDropped() {
    ClientId id = ClientId.of(5);
    try (var server = TestServers.start()) {
      try (RawClient client = RawClient.connectAs(server.url(), Encoding.BINARY, id, "")) {
        client.awaitAccepted(id);
        next(server, ServerEvent.Connected.class, id);
      }
      next(server, ServerEvent.Disconnected.class, id);
      assertFalse(server.send(id, new TestServerMsg(1)));
      try (RawClient again = RawClient.connectAs(server.url(), Encoding.BINARY, id, "")) {
        again.awaitAccepted(id);
        TestServers.awaitTrue(() -> server.connectionCount() == 1, RawClient.WAIT, "registered");
        assertFalse(server.send(id, new TestServerMsg(2)), "new connection's Connected not consumed");
        next(server, ServerEvent.Connected.class, id);
        assertTrue(server.send(id, new TestServerMsg(3)));
        assertEquals(new ServerFrame.Message<>(new TestServerMsg(3)), again.nextFrame());
      }
      assertFalse(server.send(ClientId.of(99), new TestServerMsg(4)));
    }
  }
}
