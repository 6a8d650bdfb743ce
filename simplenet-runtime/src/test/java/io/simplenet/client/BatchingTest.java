package io.simplenet.client;

import static io.simplenet.client.Harness.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.Client;
import io.simplenet.ClientEvent;
import io.simplenet.ClientId;
import io.simplenet.ClientReport;
import io.simplenet.Encoding;
import io.simplenet.MessageSignal;
import io.simplenet.MessageStatus;
import io.simplenet.RateLimitConfig;
import io.simplenet.ServerConfig;
import io.simplenet.ServerEvent;
import io.simplenet.auth.AuthRequest;
import io.simplenet.auth.Authenticator;
import io.simplenet.testing.TestChannel;
import io.simplenet.testing.TestMessages.TestClientMsg;
import io.simplenet.testing.TestMessages.TestConnect;
import io.simplenet.testing.TestMessages.TestRequest;
import io.simplenet.testing.TestMessages.TestResponse;
import io.simplenet.testing.TestMessages.TestServerMsg;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bursts both ways between a real client and server, which batch what queues up behind a write:
 * every message arrives once and in order, every signal learns Sent, and the client's batches
 * respect the server's small message size limit (a batch over it would close the connection).
 */
class BatchingTest {
  private static final ClientId ID = ClientId.of(77);
  private static final int BURST = 5_000;
  /** Small enough that only a few messages fit in one batch. */
  private static final int MAX_MESSAGE_SIZE = 200;

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void burstsBothWaysArriveInOrderAndEverySignalIsSent(Encoding encoding) throws Exception {
    try (Harness harness = new Harness()) {
      var server =
          harness.server(
              ServerConfig.builder()
                  .maxMessageSize(MAX_MESSAGE_SIZE)
                  .rateLimit(new RateLimitConfig(Duration.ofMinutes(1), 2 * BURST))
                  .build(),
              new Authenticator.None());
      Client<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse> client =
          harness.track(
              Client.builder(TestChannel.SPEC)
                  .url(server.url())
                  .auth(new AuthRequest.None(ID))
                  .connectMessage(new TestConnect(""))
                  .encoding(encoding)
                  .build());
      assertInstanceOf(ServerEvent.Connected.class, next(server));
      assertEquals(new ClientEvent.Report<>(new ClientReport.Connected()), next(client));

      List<MessageSignal> signals = new ArrayList<>(BURST);
      for (int i = 0; i < BURST; i++) {
        signals.add(client.send(new TestClientMsg(i)));
      }
      for (int i = 0; i < BURST; i++) {
        assertEquals(new ServerEvent.Msg<>(ID, new TestClientMsg(i)), next(server));
      }
      Harness.awaitCondition(
          () -> signals.stream().allMatch(signal -> signal.status() == MessageStatus.SENT),
          "every message Sent");

      for (int i = 0; i < BURST; i++) {
        assertTrue(server.send(ID, new TestServerMsg(i)), "send " + i);
      }
      for (int i = 0; i < BURST; i++) {
        assertEquals(new ClientEvent.Msg<>(new TestServerMsg(i)), next(client));
      }
      assertNull(server.next(), "the connection stayed up");
      assertTrue(client.isConnected());
    }
  }
}
