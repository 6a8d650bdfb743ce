package io.simplenet.client;

import static io.simplenet.client.Harness.next;
import static io.simplenet.testing.WebSocketFrames.OP_BINARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.Client;
import io.simplenet.ClientConfig;
import io.simplenet.ClientEvent;
import io.simplenet.ClientId;
import io.simplenet.ClientReport;
import io.simplenet.Encoding;
import io.simplenet.MessageSignal;
import io.simplenet.MessageStatus;
import io.simplenet.RateLimitConfig;
import io.simplenet.RequestSignal;
import io.simplenet.ServerConfig;
import io.simplenet.ServerEvent;
import io.simplenet.auth.AuthRequest;
import io.simplenet.auth.Authenticator;
import io.simplenet.internal.wire.ClientFrame;
import io.simplenet.internal.wire.FrameCodec;
import io.simplenet.internal.wire.ServerFrame;
import io.simplenet.internal.wire.WireMessage;
import io.simplenet.testing.RawClient;
import io.simplenet.testing.TestChannel;
import io.simplenet.testing.TestMessages.TestClientMsg;
import io.simplenet.testing.TestMessages.TestConnect;
import io.simplenet.testing.TestMessages.TestRequest;
import io.simplenet.testing.TestMessages.TestResponse;
import io.simplenet.testing.TestMessages.TestServerMsg;
import io.simplenet.testing.WebSocketFrames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The coalescing writer end to end, on real sockets: a burst of messages either way arrives
 * complete and in order in far fewer WebSocket messages than frames, counted on the wire by a bare
 * peer; and a lone request, written at once, still gets its response.
 */
class CoalescingTest {
  private static final ClientId ID = ClientId.of(5);
  private static final AuthRequest AUTH = new AuthRequest.None(ID);
  private static final int BURST = 5_000;
  /**
   * The most WebSocket messages a burst may take. Without coalescing every frame went alone (5,000
   * messages); with it a burst took 2 to ~2,000 here, depending on how fast the sender runs against
   * the writer thread on a loaded machine, so the bound leaves room for a slow sender.
   */
  private static final int MAX_MESSAGES = BURST * 3 / 4;

  private final FrameCodec<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse>
      codec = new FrameCodec<>(TestChannel.SPEC);

  @Test
  void aClientBurstArrivesInOrderInFewWebSocketMessages() throws Exception {
    try (RawWebSocketPeer peer = new RawWebSocketPeer();
        var client = connectedClient(peer)) {
      List<MessageSignal> signals = new ArrayList<>(BURST);
      for (int i = 0; i < BURST; i++) {
        signals.add(client.send(new TestClientMsg(i)));
      }
      // Bounded: each read times out.
      CoalescingTest.<ClientFrame<TestConnect, TestClientMsg, TestRequest>>assertBurstInFewMessages(
          "client",
          () -> decode(peer.readFrameSkippingPings()),
          frame ->
              frame instanceof ClientFrame.Batch<TestConnect, TestClientMsg, TestRequest> batch
                  ? batch.frames()
                  : List.of(frame),
          i -> new ClientFrame.Message<>(new TestClientMsg(i)));
      Harness.awaitCondition(
          () -> signals.stream().allMatch(signal -> signal.status() == MessageStatus.SENT),
          "every message Sent");
    }
  }

  @Test
  void aBatchMixingMessagesAndAResponseIsDeliveredInOrder() throws Exception {
    try (RawWebSocketPeer peer = new RawWebSocketPeer();
        var client = connectedClient(peer)) {
      long id = client.request(new TestRequest(1)).id();
      assertEquals(
          new ClientFrame.Request<>(id, new TestRequest(1)), decode(peer.readFrameSkippingPings()));
      write(
          peer,
          new ServerFrame.Batch<>(
              List.of(
                  new ServerFrame.Message<>(new TestServerMsg(1)),
                  new ServerFrame.Message<>(new TestServerMsg(2)),
                  new ServerFrame.Response<>(id, new TestResponse(3)),
                  new ServerFrame.Message<>(new TestServerMsg(4)))));
      assertEquals(new ClientEvent.Msg<>(new TestServerMsg(1)), next(client));
      assertEquals(new ClientEvent.Msg<>(new TestServerMsg(2)), next(client));
      assertEquals(new ClientEvent.Response<>(new TestResponse(3), id), next(client));
      assertEquals(new ClientEvent.Msg<>(new TestServerMsg(4)), next(client));
    }
  }

  @Test
  void aServerBurstArrivesInOrderInFewWebSocketMessages() throws Exception {
    try (Harness harness = new Harness()) {
      var server = harness.server(ServerConfig.DEFAULT, new Authenticator.None());
      try (RawClient raw = RawClient.connectAs(server.url(), Encoding.BINARY, ID, "")) {
        raw.awaitAccepted(ID);
        assertInstanceOf(ServerEvent.Connected.class, next(server)); // opens the send gate
        for (int i = 0; i < BURST; i++) {
          assertTrue(server.send(ID, new TestServerMsg(i)), "send " + i);
        }
        CoalescingTest.<ServerFrame<TestServerMsg, TestResponse>>assertBurstInFewMessages(
            "server",
            () -> { // bounded: each poll has a deadline
              WireMessage message = raw.poll(RawClient.WAIT);
              assertNotNull(message, "no message within " + RawClient.WAIT);
              return codec.decodeServerFrame(message);
            },
            frame ->
                frame instanceof ServerFrame.Batch<TestServerMsg, TestResponse> batch
                    ? batch.frames()
                    : List.of(frame),
            i -> new ServerFrame.Message<>(new TestServerMsg(i)));
      }
    }
  }

  @Test
  void aBurstFollowedByCloseArrivesCompleteBeforeTheClose() throws Exception {
    try (Harness harness = new Harness()) {
      var server =
          harness.server(
              ServerConfig.builder()
                  .rateLimit(new RateLimitConfig(Duration.ofMinutes(1), 2 * BURST))
                  .build(),
              new Authenticator.None());
      var client = harness.client(server.url(), AUTH, ClientConfig.DEFAULT, "");
      assertInstanceOf(ServerEvent.Connected.class, next(server));
      assertEquals(new ClientEvent.Report<>(new ClientReport.Connected()), next(client));
      List<MessageSignal> signals = new ArrayList<>(BURST);
      for (int i = 0; i < BURST; i++) {
        signals.add(client.send(new TestClientMsg(i)));
      }
      client.close(); // the burst's tail is still queued for its drain
      for (int i = 0; i < BURST; i++) {
        assertEquals(new ServerEvent.Msg<>(ID, new TestClientMsg(i)), next(server), "message " + i);
      }
      assertEquals(new ServerEvent.Disconnected<>(ID), next(server));
      signals.forEach(signal -> assertEquals(MessageStatus.SENT, signal.status()));
    }
  }

  @Test
  void loneRequestsEachGetTheirResponse() throws Exception {
    try (Harness harness = new Harness()) {
      var server =
          harness.server(
              ServerConfig.builder()
                  .rateLimit(new RateLimitConfig(Duration.ofMinutes(1), 1_000))
                  .build(),
              new Authenticator.None());
      var client = harness.client(server.url(), AUTH, ClientConfig.DEFAULT, "");
      assertInstanceOf(ServerEvent.Connected.class, next(server));
      assertEquals(new ClientEvent.Report<>(new ClientReport.Connected()), next(client));
      for (int i = 0; i < 20; i++) {
        RequestSignal signal = client.request(new TestRequest(i));
        var request = assertInstanceOf(ServerEvent.Request.class, next(server));
        assertEquals(new TestRequest(i), request.request());
        assertTrue(server.respond(request.token(), new TestResponse(i)));
        assertEquals(new ClientEvent.Response<>(new TestResponse(i), signal.id()), next(client));
      }
    }
  }

  /** Reads one WebSocket message's frame; throws if none comes in time. */
  @FunctionalInterface
  private interface FrameSource<F> {
    F next() throws Exception;
  }

  /**
   * Reads WebSocket messages until {@link #BURST} frames arrived, unpacking batches with {@code
   * members}: they must be {@code expected(0..BURST-1)} in order, in at most {@link
   * #MAX_MESSAGES} messages.
   */
  private static <F> void assertBurstInFewMessages(
      String sender,
      FrameSource<F> source,
      Function<F, List<? extends F>> members,
      IntFunction<F> expected)
      throws Exception {
    List<F> frames = new ArrayList<>(BURST);
    int messages = 0;
    while (frames.size() < BURST) { // bounded: every message adds a frame
      frames.addAll(members.apply(source.next()));
      messages++;
    }
    for (int i = 0; i < BURST; i++) {
      assertEquals(expected.apply(i), frames.get(i), "frame " + i);
    }
    System.out.printf(
        "CoalescingTest: %s sent %d frames in %d messages%n", sender, BURST, messages);
    assertTrue(messages <= MAX_MESSAGES, messages + " messages for " + BURST + " frames");
  }

  /**
   * A client of {@code peer}, which completes the upgrade, reads the hello and accepts it with a
   * 1 MiB limit; the client's Connected is consumed.
   */
  private Client<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse>
      connectedClient(RawWebSocketPeer peer) throws Exception {
    var client =
        Client.builder(TestChannel.SPEC)
            .url(peer.url())
            .auth(AUTH)
            .connectMessage(new TestConnect(""))
            .build();
    try {
      peer.acceptUpgrade();
      assertInstanceOf(ClientFrame.Hello.class, decode(peer.readFrameSkippingPings()));
      write(peer, new ServerFrame.Accepted<>(ID, 1 << 20));
      assertEquals(new ClientEvent.Report<>(new ClientReport.Connected()), next(client));
      return client;
    } catch (Exception | AssertionError e) {
      client.close();
      throw e;
    }
  }

  private void write(RawWebSocketPeer peer, ServerFrame<TestServerMsg, TestResponse> frame)
      throws Exception {
    WireMessage message = codec.encodeServerFrame(frame, Encoding.BINARY);
    peer.writeFrame(OP_BINARY, ((WireMessage.Binary) message).bytes());
  }

  private ClientFrame<TestConnect, TestClientMsg, TestRequest> decode(WebSocketFrames.Frame frame) {
    assertEquals(OP_BINARY, frame.opcode());
    return codec.decodeClientFrame(new WireMessage.Binary(frame.payload()));
  }
}
