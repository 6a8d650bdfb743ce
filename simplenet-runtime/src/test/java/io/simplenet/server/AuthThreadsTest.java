package io.simplenet.server;

import static io.simplenet.testing.WebSocketFrames.OP_BINARY;
import static io.simplenet.testing.WebSocketFrames.OP_CLOSE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.ClientId;
import io.simplenet.Encoding;
import io.simplenet.RateLimitConfig;
import io.simplenet.Server;
import io.simplenet.ServerConfig;
import io.simplenet.ServerEvent;
import io.simplenet.auth.AuthKeys;
import io.simplenet.auth.AuthRequest;
import io.simplenet.auth.AuthTokens;
import io.simplenet.auth.Authenticator;
import io.simplenet.internal.wire.ClientFrame;
import io.simplenet.internal.wire.ConnectQuery;
import io.simplenet.internal.wire.FrameCodec;
import io.simplenet.internal.wire.WireMessage;
import io.simplenet.testing.RawClient;
import io.simplenet.testing.RawSocket;
import io.simplenet.testing.TestChannel;
import io.simplenet.testing.TestMessages.TestClientMsg;
import io.simplenet.testing.TestMessages.TestConnect;
import io.simplenet.testing.TestMessages.TestRequest;
import io.simplenet.testing.TestMessages.TestServerMsg;
import io.simplenet.testing.TestMessages.TestResponse;
import io.simplenet.testing.TestServers;
import io.simplenet.testing.WebSocketFrames;
import io.simplenet.testing.WebSocketFrames.Frame;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hellos' token checks run on the server's auth threads, not on the transport's workers: many
 * hellos checked at once are each accepted or refused as they should be, the frames a client sends
 * right behind its hello are processed after it and in order, and the server's pools stay within
 * their fixed sizes and end with the server.
 */
class AuthThreadsTest {
  /** Clients at once: many more than worker and auth threads together. */
  private static final int CLIENTS = 48;

  /** Messages each client sends in the same TCP write as its hello. */
  private static final int MESSAGES_AFTER_HELLO = 20;

  private static final AuthKeys KEYS = AuthKeys.generate();
  private static final AuthKeys OTHER_KEYS = AuthKeys.generate();
  private static final int CORES = Runtime.getRuntime().availableProcessors();

  /** Room for every client's hello and messages within one rate-limit period. */
  private static final ServerConfig CONFIG =
      ServerConfig.builder()
          .rateLimit(new RateLimitConfig(Duration.ofSeconds(10), 10 * MESSAGES_AFTER_HELLO))
          .build();

  private static final FrameCodec<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse>
      CODEC = new FrameCodec<>(TestChannel.SPEC);

  @Test
  void concurrentTokenHellosAreJudgedRightAndTheFramesBehindThemKeepTheirOrder() throws Exception {
    int authBefore = threadsNamed("simplenet-server-auth");
    int workersBefore = threadsNamed("simplenet-server-worker");
    Server<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse> server =
        TestServers.start(CONFIG, new Authenticator.Token(KEYS.publicKey()));
    List<RawSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < CLIENTS; i++) {
        RawSocket socket = RawSocket.connect(server.url());
        sockets.add(socket);
        String status = socket.upgrade(server.url(), server.url().getPath() + "?"
            + ConnectQuery.format(TestChannel.VERSION, Encoding.BINARY));
        assertTrue(status.contains(" 101 "), status);
      }
      // Every hello with its messages in one write, all before the first check can finish: the
      // messages are read while their hello waits for an auth thread.
      for (int i = 0; i < CLIENTS; i++) {
        sockets.get(i).sendBytes(helloAndMessages(i));
      }
      Map<ClientId, List<Long>> received = new HashMap<>();
      int expected = (CLIENTS / 2) * (1 + MESSAGES_AFTER_HELLO);
      for (int n = 0; n < expected; n++) {
        ServerEvent<TestConnect, TestClientMsg, TestRequest> event = TestServers.next(server);
        if (event instanceof ServerEvent.Connected<TestConnect, TestClientMsg, TestRequest> c) {
          assertEquals(null, received.put(c.clientId(), new ArrayList<>()), "twice: " + event);
        } else {
          var msg = assertInstanceOf(ServerEvent.Msg.class, event);
          List<Long> values = received.get(msg.clientId());
          assertNotNull(values, "a message before its Connected: " + event);
          values.add(((TestClientMsg) msg.message()).value());
        }
      }
      for (int i = 0; i < CLIENTS; i++) {
        if (signedRight(i)) {
          assertEquals(expectedValues(i), received.get(ClientId.of(i)), "client " + i);
        } else {
          Frame close = sockets.get(i).readUntilClose(RawClient.WAIT);
          assertNotNull(close, "client " + i + ": no close frame");
          assertEquals(OP_CLOSE, close.opcode());
          assertEquals(1011, close.closeCode(), "client " + i);
          assertEquals("invalid auth: bad token signature", close.closeReason(), "client " + i);
        }
      }
      TestServers.assertNoEvent(server); // nothing from the refused clients' messages
      assertTrue(
          threadsNamed("simplenet-server-auth") <= authBefore + CORES,
          "auth threads: " + threadsNamed("simplenet-server-auth"));
      assertTrue(
          threadsNamed("simplenet-server-worker") <= workersBefore + 2 * CORES,
          "worker threads: " + threadsNamed("simplenet-server-worker"));
    } finally {
      for (RawSocket socket : sockets) {
        socket.close();
      }
      assertTrue(server.shutdown(Server.DEFAULT_SHUTDOWN_DEADLINE), "server not dead");
    }
    TestServers.awaitTrue(
        () -> threadsNamed("simplenet-server-auth") <= authBefore
            && threadsNamed("simplenet-server-worker") <= workersBefore,
        RawClient.WAIT,
        "the server's auth and worker threads ended");
  }

  @Test
  void aSecondHelloBehindTheFirstIsAnExtraAuthMessage() throws Exception {
    try (var server = TestServers.start(CONFIG, new Authenticator.Token(KEYS.publicKey()));
        RawSocket socket = RawSocket.connect(server.url())) {
      socket.upgrade(server.url(), server.url().getPath() + "?"
          + ConnectQuery.format(TestChannel.VERSION, Encoding.BINARY));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      Random masks = new Random(7);
      WebSocketFrames.write(bytes, OP_BINARY, encode(hello(2, KEYS)), masks);
      WebSocketFrames.write(bytes, OP_BINARY, encode(hello(2, KEYS)), masks);
      socket.sendBytes(bytes.toByteArray());
      TestServers.next(server, ServerEvent.Connected.class, ClientId.of(2));
      Frame close = socket.readUntilClose(RawClient.WAIT);
      assertNotNull(close, "no close frame");
      assertEquals(1011, close.closeCode());
      assertEquals("extra auth message", close.closeReason());
      TestServers.next(server, ServerEvent.Disconnected.class, ClientId.of(2));
    }
  }

  /** Even clients sign with the server's key, odd ones with another. */
  private static boolean signedRight(int client) {
    return client % 2 == 0;
  }

  private static List<Long> expectedValues(int client) {
    List<Long> values = new ArrayList<>();
    for (int k = 0; k < MESSAGES_AFTER_HELLO; k++) {
      values.add(client * 1_000L + k);
    }
    return values;
  }

  private static byte[] helloAndMessages(int client) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Random masks = new Random(client);
    WebSocketFrames.write(
        bytes, OP_BINARY, encode(hello(client, signedRight(client) ? KEYS : OTHER_KEYS)), masks);
    for (long value : expectedValues(client)) {
      WebSocketFrames.write(
          bytes, OP_BINARY, encode(new ClientFrame.Message<>(new TestClientMsg(value))), masks);
    }
    return bytes.toByteArray();
  }

  private static ClientFrame<TestConnect, TestClientMsg, TestRequest> hello(int client, AuthKeys keys) {
    AuthRequest token =
        new AuthRequest.Token(
            AuthTokens.fromLifetime(keys.privateSeed(), Duration.ofHours(1), ClientId.of(client)));
    return new ClientFrame.Hello<>(token, new TestConnect("c" + client));
  }

  private static byte[] encode(ClientFrame<TestConnect, TestClientMsg, TestRequest> frame) {
    return ((WireMessage.Binary) CODEC.encodeClientFrame(frame, Encoding.BINARY)).bytes();
  }

  private static int threadsNamed(String prefix) {
    return (int)
        Thread.getAllStackTraces().keySet().stream()
            .filter(thread -> thread.getName().startsWith(prefix))
            .count();
  }
}
