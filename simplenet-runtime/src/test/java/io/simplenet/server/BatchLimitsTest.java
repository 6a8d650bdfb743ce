package io.simplenet.server;

import static io.simplenet.testing.TestServers.next;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.simplenet.ClientId;
import io.simplenet.CloseReason;
import io.simplenet.Encoding;
import io.simplenet.RateLimitConfig;
import io.simplenet.ServerConfig;
import io.simplenet.ServerEvent;
import io.simplenet.auth.Authenticator;
import io.simplenet.internal.wire.ClientFrame;
import io.simplenet.internal.wire.ServerFrame;
import io.simplenet.testing.RawClient;
import io.simplenet.testing.TestMessages.TestClientMsg;
import io.simplenet.testing.TestMessages.TestConnect;
import io.simplenet.testing.TestMessages.TestRequest;
import io.simplenet.testing.TestServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A batch is held to the same limits as its frames sent alone: each frame counts against the rate
 * limit, the whole message against maxMessageSize, and the server announces that size in Accepted.
 */
class BatchLimitsTest {
  private static final ClientId ID = ClientId.of(5);
  private static final Duration LONG_WINDOW = Duration.ofMinutes(1);
  private static final int MAX_COUNT = 10;

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void aBatchWithinTheRateLimitIsDeliveredInOrder(Encoding encoding) {
    ServerConfig config =
        ServerConfig.builder().rateLimit(new RateLimitConfig(LONG_WINDOW, MAX_COUNT)).build();
    try (var server = TestServers.start(config, new Authenticator.None());
        RawClient client = RawClient.connectAs(server.url(), encoding, ID, "")) {
      assertEquals(
          new ServerFrame.Accepted<>(ID, ServerConfig.DEFAULT_MAX_MESSAGE_SIZE), client.nextFrame());
      next(server, ServerEvent.Connected.class, ID);
      client.send(batchOf(MAX_COUNT - 1)); // the hello was the first of MAX_COUNT
      for (int i = 0; i < MAX_COUNT - 1; i++) {
        assertEquals(new TestClientMsg(i), next(server, ServerEvent.Msg.class, ID).message());
      }
      TestServers.assertNoEvent(server);
      assertEquals(1, server.connectionCount());
    }
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void aBatchCountsEachOfItsFramesAgainstTheRateLimit(Encoding encoding) {
    ServerConfig config =
        ServerConfig.builder().rateLimit(new RateLimitConfig(LONG_WINDOW, MAX_COUNT)).build();
    try (var server = TestServers.start(config, new Authenticator.None());
        RawClient client = RawClient.connectAs(server.url(), encoding, ID, "")) {
      client.awaitAccepted(ID);
      next(server, ServerEvent.Connected.class, ID);
      client.send(batchOf(MAX_COUNT + 2)); // one message, but MAX_COUNT + 2 frames
      for (int i = 0; i < MAX_COUNT - 1; i++) {
        assertEquals(new TestClientMsg(i), next(server, ServerEvent.Msg.class, ID).message());
      }
      next(server, ServerEvent.Disconnected.class, ID);
      assertEquals(new CloseReason(1011, "rate limit violation"), client.awaitClose());
    }
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void aBatchOverMaxMessageSizeIsRefusedWhole(Encoding encoding) {
    int maxMessageSize = 100; // the hello and one message fit, a batch of thirty does not
    ServerConfig config = ServerConfig.builder().maxMessageSize(maxMessageSize).build();
    try (var server = TestServers.start(config, new Authenticator.None());
        RawClient client = RawClient.connectAs(server.url(), encoding, ID, "")) {
      assertEquals(new ServerFrame.Accepted<>(ID, maxMessageSize), client.nextFrame());
      next(server, ServerEvent.Connected.class, ID);
      client.send(batchOf(30));
      next(server, ServerEvent.Disconnected.class, ID);
      assertEquals(new CloseReason(1011, "message size violation"), client.awaitClose());
    }
  }

  private static ClientFrame<TestConnect, TestClientMsg, TestRequest> batchOf(int count) {
    List<ClientFrame<TestConnect, TestClientMsg, TestRequest>> frames = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      frames.add(new ClientFrame.Message<>(new TestClientMsg(i)));
    }
    return new ClientFrame.Batch<>(frames);
  }
}
