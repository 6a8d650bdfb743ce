package io.simplenet.server;

import static io.simplenet.testing.TestServers.next;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.simplenet.ClientEnv;
import io.simplenet.ClientId;
import io.simplenet.Encoding;
import io.simplenet.Server;
import io.simplenet.ServerEvent;
import io.simplenet.testing.RawClient;
import io.simplenet.testing.TestMessages.TestClientMsg;
import io.simplenet.testing.TestMessages.TestConnect;
import io.simplenet.testing.TestMessages.TestRequest;
import io.simplenet.testing.TestMessages.TestResponse;
import io.simplenet.testing.TestMessages.TestServerMsg;
import io.simplenet.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The handshake: Accepted first, then the Connected event, for binary and JSON clients. */
class HandshakeTest {
  private Server<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse> server;

  @BeforeEach
  void start() {
    server = TestServers.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void acceptedFrameThenConnectedEvent(Encoding encoding) {
    ClientId id = ClientId.of(7);
    try (RawClient client = RawClient.connectAs(server.url(), encoding, id, "hello")) {
      client.awaitAccepted(id);
      ServerEvent.Connected<?, ?, ?> connected = next(server, ServerEvent.Connected.class, id);
      assertEquals(new TestConnect("hello"), connected.connect());
      assertEquals(new ClientEnv(encoding, "127.0.0.1"), connected.env());
      assertEquals(1, server.connectionCount());
    }
    next(server, ServerEvent.Disconnected.class, id);
    assertEquals(0, server.connectionCount());
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void framesSentRightBehindTheHelloComeAfterConnectedInOrder(Encoding encoding) {
    ClientId id = ClientId.of(8);
    try (RawClient client = RawClient.connectAs(server.url(), encoding, id, "")) {
      for (int i = 0; i < 5; i++) {
        client.sendMessage(i); // not waiting for Accepted
      }
      next(server, ServerEvent.Connected.class, id);
      for (int i = 0; i < 5; i++) {
        assertEquals(new TestClientMsg(i), next(server, ServerEvent.Msg.class, id).message());
      }
      client.awaitAccepted(id);
    }
  }
}
