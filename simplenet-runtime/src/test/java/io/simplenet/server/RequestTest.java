package io.simplenet.server;

import static io.simplenet.testing.TestServers.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.ClientId;
import io.simplenet.Encoding;
import io.simplenet.RequestToken;
import io.simplenet.Server;
import io.simplenet.ServerConfig;
import io.simplenet.ServerEvent;
import io.simplenet.auth.Authenticator;
import io.simplenet.internal.wire.ServerFrame;
import io.simplenet.testing.RawClient;
import io.simplenet.testing.TestChannel;
import io.simplenet.testing.TestMessages.TestClientMsg;
import io.simplenet.testing.TestMessages.TestConnect;
import io.simplenet.testing.TestMessages.TestRequest;
import io.simplenet.testing.TestMessages.TestResponse;
import io.simplenet.testing.TestMessages.TestServerMsg;
import io.simplenet.testing.TestServers;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Requests: each token answers once, in order with sends; dropped tokens reject. */
class RequestTest {
  private static final ClientId ID = ClientId.of(12);

  private Server<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse> server;
  private RawClient client;

  @BeforeEach
  void start() {
    // Responses answer requests of the same parity only, so a wrong type can be tested.
    server =
        Server.builder(
                TestChannel.spec(
                    TestChannel.VERSION, (request, response) -> request.value() % 2 == response.value() % 2))
            .authenticator(new Authenticator.None())
            .config(ServerConfig.DEFAULT)
            .start();
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    server.close();
  }

  private RequestToken request(Encoding encoding, long requestId, long value) {
    if (client == null) {
      client = RawClient.connectAs(server.url(), encoding, ID, "");
      client.awaitAccepted(ID);
      next(server, ServerEvent.Connected.class, ID);
    }
    client.sendRequest(requestId, value);
    ServerEvent.Request<?, ?, ?> request = next(server, ServerEvent.Request.class, ID);
    assertEquals(new TestRequest(value), request.request());
    RequestToken token = request.token();
    assertEquals(ID, token.clientId());
    assertEquals(requestId, token.requestId());
    assertFalse(token.isDestinationDead());
    assertFalse(token.isAnswered());
    return token;
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void respondAckReject(Encoding encoding) {
    RequestToken first = request(encoding, 0, 4);
    assertTrue(server.respond(first, new TestResponse(6)));
    assertTrue(first.isAnswered());
    assertEquals(new ServerFrame.Response<>(0, new TestResponse(6)), client.nextFrame());

    RequestToken second = request(encoding, 1, 5);
    assertTrue(server.ack(second));
    assertEquals(new ServerFrame.Ack<>(1), client.nextFrame());

    RequestToken third = request(encoding, -1, 7);
    assertTrue(server.reject(third));
    assertEquals(new ServerFrame.Reject<>(-1), client.nextFrame());
  }

  @Test
  void aTokenAnswersOnce() {
    RequestToken token = request(Encoding.BINARY, 3, 2);
    assertTrue(server.ack(token));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> server.respond(token, new TestResponse(2)));
    assertTrue(e.getMessage().contains("request 3"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> server.reject(token));
    assertEquals(new ServerFrame.Ack<>(3), client.nextFrame());
    client.assertNoFrame();
  }

  @Test
  void aResponseOfTheWrongTypeIsRefusedAndTheTokenStaysUsable() {
    RequestToken token = request(Encoding.BINARY, 0, 2);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> server.respond(token, new TestResponse(3)));
    assertEquals("TestResponse does not answer TestRequest", e.getMessage());
    assertFalse(token.isAnswered());
    assertTrue(server.respond(token, new TestResponse(4)));
    assertEquals(new ServerFrame.Response<>(0, new TestResponse(4)), client.nextFrame());
  }

  @Test
  void answersToADeadConnectionAreDroppedAndSaySo() {
    RequestToken token = request(Encoding.BINARY, 0, 2);
    client.close();
    next(server, ServerEvent.Disconnected.class, ID);
    assertTrue(token.isDestinationDead());
    assertFalse(server.respond(token, new TestResponse(2)));
    assertTrue(token.isAnswered());
  }

  @Test
  void aTokenFromAnotherServerIsRefused() {
    RequestToken token = request(Encoding.BINARY, 0, 2);
    try (var other = TestServers.start()) {
      assertThrows(IllegalArgumentException.class, () -> other.ack(token));
    }
  }

  @Test
  void aCollectedTokenRejectsInOrderWithEarlierSends() {
    request(Encoding.BINARY, 8, 1); // the token is dropped here
    assertTrue(server.send(ID, new TestServerMsg(100)));
    assertEquals(new ServerFrame.Message<>(new TestServerMsg(100)), client.nextFrame());
    // Collect until the reject arrives: bounded in rounds and in time.
    ServerFrame<TestServerMsg, TestResponse> frame = null;
    for (int round = 0; round < 50 && frame == null; round++) {
      System.gc();
      frame = client.pollFrame(Duration.ofMillis(100));
    }
    assertEquals(new ServerFrame.Reject<>(8), frame);
  }
}
