package io.simplenet.server;

import static io.simplenet.testing.TestServers.next;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.simplenet.ClientId;
import io.simplenet.CloseReason;
import io.simplenet.Encoding;
import io.simplenet.RateLimitConfig;
import io.simplenet.ServerConfig;
import io.simplenet.ServerEvent;
import io.simplenet.auth.AuthRequest;
import io.simplenet.auth.Authenticator;
import io.simplenet.internal.wire.ClientFrame;
import io.simplenet.internal.wire.WireMessage;
import io.simplenet.testing.RawClient;
import io.simplenet.testing.TestMessages.TestClientMsg;
import io.simplenet.testing.TestMessages.TestConnect;
import io.simplenet.testing.TestServers;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The seed's rate and size limits: earlier frames are delivered, the violating one is dropped, the
 * connection closes with 1011 and its reason, and the server reports Disconnected. The hello counts.
 */
class LimitsTest {
  private static final ClientId ID = ClientId.of(3);

  /** A window no test outlives, so every frame of a test falls in the first one. */
  private static final Duration LONG_WINDOW = Duration.ofMinutes(1);

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 20})
  void aBurstUpToTheLimitIsDeliveredAndTheConnectionStays(int maxCount) {
    ServerConfig config =
        ServerConfig.builder().rateLimit(new RateLimitConfig(LONG_WINDOW, maxCount + 1)).build();
    try (var server = TestServers.start(config, new Authenticator.None());
        RawClient client = RawClient.connectAs(server.url(), Encoding.BINARY, ID, "")) {
      client.awaitAccepted(ID);
      next(server, ServerEvent.Connected.class, ID);
      for (int i = 0; i < maxCount; i++) {
        client.sendMessage(i); // the hello was frame 1 of maxCount + 1
      }
      for (int i = 0; i < maxCount; i++) {
        assertEquals(new TestClientMsg(i), next(server, ServerEvent.Msg.class, ID).message());
      }
      TestServers.assertNoEvent(server);
      assertEquals(1, server.connectionCount());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 20})
  void oneFrameOverTheLimitIsDroppedAndClosesTheConnection(int maxCount) {
    ServerConfig config =
        ServerConfig.builder().rateLimit(new RateLimitConfig(LONG_WINDOW, maxCount + 1)).build();
    try (var server = TestServers.start(config, new Authenticator.None());
        RawClient client = RawClient.connectAs(server.url(), Encoding.BINARY, ID, "")) {
      client.awaitAccepted(ID);
      next(server, ServerEvent.Connected.class, ID);
      for (int i = 0; i <= maxCount; i++) {
        client.sendMessage(i);
      }
      for (int i = 0; i < maxCount; i++) {
        assertEquals(new TestClientMsg(i), next(server, ServerEvent.Msg.class, ID).message());
      }
      next(server, ServerEvent.Disconnected.class, ID);
      assertEquals(new CloseReason(1011, "rate limit violation"), client.awaitClose());
      assertEquals(0, server.connectionCount());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {25, 40, 100})
  void anOversizedConnectMessageNeverConnects(int maxSize) {
    ServerConfig config = ServerConfig.builder().maxMessageSize(maxSize).build();
    try (var server = TestServers.start(config, new Authenticator.None());
        RawClient client = RawClient.connect(server.url(), Encoding.BINARY)) {
      client.send(new ClientFrame.Hello<>(new AuthRequest.None(ID), new TestConnect("x".repeat(maxSize))));
      assertEquals(new CloseReason(1011, "message size violation"), client.awaitClose());
      TestServers.assertNoEvent(server);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {25, 40, 100})
  void anOversizedMessageIsDroppedAndClosesTheConnection(int maxSize) {
    ServerConfig config = ServerConfig.builder().maxMessageSize(maxSize).build();
    try (var server = TestServers.start(config, new Authenticator.None());
        RawClient client = RawClient.connectAs(server.url(), Encoding.BINARY, ID, "")) {
      client.awaitAccepted(ID);
      next(server, ServerEvent.Connected.class, ID);
      client.sendMessage(1);
      // A valid message frame, padded with an unknown field (15) to one byte over the limit.
      byte[] frame = new byte[maxSize + 1];
      byte[] head = {0x12, 0x02, 0x08, 0x02, 0x7a, (byte) (maxSize + 1 - 6)};
      System.arraycopy(head, 0, frame, 0, head.length);
      client.sendRaw(new WireMessage.Binary(frame));
      assertEquals(new TestClientMsg(1), next(server, ServerEvent.Msg.class, ID).message());
      next(server, ServerEvent.Disconnected.class, ID);
      assertEquals(new CloseReason(1011, "message size violation"), client.awaitClose());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void rateIsCheckedBeforeSize(int maxCount) {
    ServerConfig config =
        ServerConfig.builder()
            .maxMessageSize(30)
            .rateLimit(new RateLimitConfig(LONG_WINDOW, maxCount))
            .build();
    try (var server = TestServers.start(config, new Authenticator.None());
        RawClient client = RawClient.connectAs(server.url(), Encoding.BINARY, ID, "")) {
      client.awaitAccepted(ID);
      for (int i = 1; i < maxCount; i++) {
        client.sendMessage(i);
      }
      // Over both limits: reported as the rate violation.
      client.send(new ClientFrame.Hello<>(new AuthRequest.None(ID), new TestConnect("x".repeat(100))));
      assertEquals(new CloseReason(1011, "rate limit violation"), client.awaitClose());
    }
  }
}
