package io.simplenet.server;

import static io.simplenet.testing.TestServers.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.ClientId;
import io.simplenet.CloseReason;
import io.simplenet.Encoding;
import io.simplenet.ServerEvent;
import io.simplenet.internal.wire.ServerFrame;
import io.simplenet.testing.RawClient;
import io.simplenet.testing.TestMessages.TestClientMsg;
import io.simplenet.testing.TestMessages.TestServerMsg;
import io.simplenet.testing.TestServers;
import org.junit.jupiter.api.Test;

/** A second connection claiming a connected id is refused; the first carries on untouched. */
class DuplicateIdTest {
  @Test
  void duplicateIdIsRefusedWith1008AndTheFirstKeepsWorking() {
    ClientId id = ClientId.of(9);
    try (var server = TestServers.start();
        RawClient first = RawClient.connectAs(server.url(), Encoding.BINARY, id, "first")) {
      first.awaitAccepted(id);
      next(server, ServerEvent.Connected.class, id);

      try (RawClient second = RawClient.connectAs(server.url(), Encoding.JSON, id, "second")) {
        second.sendMessage(666); // must never surface as the first client's message
        assertEquals(new CloseReason(1008, "client already connected"), second.awaitClose());
      }
      TestServers.assertNoEvent(server);
      assertEquals(1, server.connectionCount());

      first.sendMessage(1);
      ServerEvent.Msg<?, ?, ?> message = next(server, ServerEvent.Msg.class, id);
      assertEquals(new TestClientMsg(1), message.message());
      assertTrue(server.send(id, new TestServerMsg(2)));
      assertEquals(new ServerFrame.Message<>(new TestServerMsg(2)), first.nextFrame());
    }
  }

  @Test
  void theIdIsFreeAgainOnceTheFirstConnectionEnds() {
    ClientId id = ClientId.of(10);
    try (var server = TestServers.start()) {
      try (RawClient first = RawClient.connectAs(server.url(), Encoding.BINARY, id, "")) {
        first.awaitAccepted(id);
        next(server, ServerEvent.Connected.class, id);
      }
      next(server, ServerEvent.Disconnected.class, id);
      try (RawClient again = RawClient.connectAs(server.url(), Encoding.BINARY, id, "")) {
        again.awaitAccepted(id);
        next(server, ServerEvent.Connected.class, id);
      }
    }
  }
}
