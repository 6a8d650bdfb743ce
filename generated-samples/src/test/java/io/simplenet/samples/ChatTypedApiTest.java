package io.simplenet.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.ClientEnv;
import io.simplenet.ClientId;
import io.simplenet.ClientReport;
import io.simplenet.Encoding;
import io.simplenet.MessageSignal;
import io.simplenet.MessageStatus;
import io.simplenet.RequestStatus;
import io.simplenet.auth.AuthRequest;
import io.simplenet.auth.Authenticator;
import io.simplenet.examples.chat.ChatClient;
import io.simplenet.examples.chat.ChatClientEvent;
import io.simplenet.examples.chat.ChatRequestSignal;
import io.simplenet.examples.chat.ChatRequestToken;
import io.simplenet.examples.chat.ChatServer;
import io.simplenet.examples.chat.ChatServerEvent;
import io.simplenet.examples.chat.ChatServerHandler;
import io.simplenet.examples.chat.GetHistory;
import io.simplenet.examples.chat.HistoryPage;
import io.simplenet.examples.chat.Join;
import io.simplenet.examples.chat.Joined;
import io.simplenet.examples.chat.Post;
import io.simplenet.examples.chat.Rename;
import io.simplenet.examples.chat.Renamed;
import io.simplenet.examples.chat.Say;
import io.simplenet.examples.chat.Typing;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The chat example through its generated typed API only ({@code ChatServer}, {@code ChatClient}
 * and their events, handler, tokens and signals), on 127.0.0.1: no type parameter, no cast.
 */
@Timeout(60)
class ChatTypedApiTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Join ANN = new Join("ann", null);
  private static final Post FIRST_POST = new Post(1, "ann", "hello", 1_700_000_000_000L);

  @Test
  @SuppressWarnings("try") // the client is closed before the end of its try block, on purpose
  void polledServerAnswersEachRequestKindWithResponseAckAndReject() throws Exception {
    try (ChatServer server =
            ChatServer.builder().port(0).authenticator(new Authenticator.None()).start();
        ChatClient client = client(server, 1, Encoding.BINARY)) {
      ChatServerEvent.Connected connected = awaitServerEvent(server, ChatServerEvent.Connected.class);
      assertEquals(ClientId.of(1), connected.clientId());
      assertEquals(ANN, connected.connect());
      assertEquals(Encoding.BINARY, connected.env().encoding());
      awaitReport(client, ClientReport.Connected.class);
      assertTrue(client.isConnected());
      assertEquals(1, server.connectionCount());

      MessageSignal said = client.send(new Say("hi"));
      ChatServerEvent.Msg msg = awaitServerEvent(server, ChatServerEvent.Msg.class);
      assertEquals(new Say("hi"), msg.message());
      await(() -> said.status() == MessageStatus.SENT, "message status SENT");

      assertTrue(server.send(client.id(), new Joined("bob", 2)));
      assertEquals(new Joined("bob", 2), awaitClientEvent(client, ChatClientEvent.Msg.class).message());

      // GetHistory answered through the event's own token, typed to take only a HistoryPage.
      ChatRequestSignal<HistoryPage> history = client.request(new GetHistory(0, 10));
      assertEquals(HistoryPage.class, history.responseType());
      ChatServerEvent event = server.poll(WAIT);
      assertTrue(event instanceof ChatServerEvent.GetHistoryRequest, () -> "got " + event);
      if (event instanceof ChatServerEvent.GetHistoryRequest request) {
        assertEquals(new GetHistory(0, 10), request.request());
        assertEquals(history.id(), request.token().requestId());
        assertEquals(client.id(), request.token().clientId());
        assertFalse(request.token().isAnswered());
        assertTrue(request.token().respond(new HistoryPage(List.of(FIRST_POST), false)));
        assertTrue(request.token().isAnswered());
        assertThrows(IllegalStateException.class, () -> request.token().reject());
      }
      ChatClientEvent.Response page = awaitClientEvent(client, ChatClientEvent.Response.class);
      assertEquals(new HistoryPage(List.of(FIRST_POST), false), page.response());
      assertEquals(history.id(), page.requestId());
      assertEquals(RequestStatus.RESPONDED, history.status());

      // Rename answered through the server's methods: a response, then an ack, then a reject.
      ChatRequestSignal<Renamed> renamed = client.request(new Rename("anna"));
      ChatServerEvent.RenameRequest rename =
          awaitServerEvent(server, ChatServerEvent.RenameRequest.class);
      assertEquals(new Rename("anna"), rename.request());
      assertTrue(server.respond(rename.token(), new Renamed("ann", "anna")));
      assertEquals(
          new Renamed("ann", "anna"),
          awaitClientEvent(client, ChatClientEvent.Response.class).response());
      assertEquals(RequestStatus.RESPONDED, renamed.status());

      ChatRequestSignal<Renamed> acked = client.request(new Rename("annie"));
      assertTrue(server.ack(awaitServerEvent(server, ChatServerEvent.RenameRequest.class).token()));
      assertEquals(acked.id(), awaitClientEvent(client, ChatClientEvent.Ack.class).requestId());
      assertEquals(RequestStatus.ACKNOWLEDGED, acked.status());

      ChatRequestSignal<HistoryPage> rejected = client.request(new GetHistory(1, 1));
      assertTrue(
          server.reject(awaitServerEvent(server, ChatServerEvent.GetHistoryRequest.class).token()));
      assertEquals(rejected.id(), awaitClientEvent(client, ChatClientEvent.Reject.class).requestId());
      assertEquals(RequestStatus.REJECTED, rejected.status());

      client.close();
      awaitReport(client, ClientReport.ClosedBySelf.class);
      assertEquals(client.id(), awaitServerEvent(server, ChatServerEvent.Disconnected.class).clientId());
    }
  }

  @Test
  void handlerGetsTypedCallbacksAndAnUnimplementedRequestKindIsRejected() throws Exception {
    BlockingQueue<Object> seen = new LinkedBlockingQueue<>();
    ChatServerHandler handler =
        new ChatServerHandler() {
          @Override
          public void onConnected(ClientId clientId, ClientEnv env, Join connect) {
            seen.add(connect);
          }

          @Override
          public void onSay(ClientId clientId, Say message) {
            seen.add(message);
          }

          @Override
          public void onTyping(ClientId clientId, Typing message) {
            seen.add(message);
          }

          @Override
          public void onGetHistory(
              ClientId clientId, GetHistory request, ChatRequestToken<HistoryPage> token) {
            seen.add(request);
            token.respond(new HistoryPage(List.of(FIRST_POST), request.limit() < 1));
          }

          // onRename is not implemented: its default rejects.
        };
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try (ChatServer server =
            ChatServer.builder()
                .port(0)
                .authenticator(new Authenticator.None())
                .handler(handler, executor)
                .start();
        ChatClient client = client(server, 2, Encoding.JSON)) {
      assertEquals(ANN, seen.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS));
      awaitReport(client, ClientReport.Connected.class);
      assertThrows(IllegalStateException.class, server::next);

      client.send(new Say("hi"));
      client.send(new Typing(true));
      assertEquals(new Say("hi"), seen.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS));
      assertEquals(new Typing(true), seen.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS));

      ChatRequestSignal<HistoryPage> history = client.request(new GetHistory(0, 0));
      ChatClientEvent.Response page = awaitClientEvent(client, ChatClientEvent.Response.class);
      assertEquals(new HistoryPage(List.of(FIRST_POST), true), page.response());
      assertEquals(history.id(), page.requestId());
      assertEquals(new GetHistory(0, 0), seen.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS));

      ChatRequestSignal<Renamed> rename = client.request(new Rename("anna"));
      assertEquals(rename.id(), awaitClientEvent(client, ChatClientEvent.Reject.class).requestId());
      assertEquals(RequestStatus.REJECTED, rename.status());
    } finally {
      executor.shutdown();
      assertTrue(executor.awaitTermination(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    }
  }

  private static ChatClient client(ChatServer server, long id, Encoding encoding) {
    return ChatClient.builder()
        .url(server.url())
        .auth(new AuthRequest.None(ClientId.of(id)))
        .connect(ANN)
        .encoding(encoding)
        .build();
  }

  /** The next server event, which must be a {@code type}; waits up to {@link #WAIT}. */
  private static <E extends ChatServerEvent> E awaitServerEvent(ChatServer server, Class<E> type)
      throws InterruptedException {
    ChatServerEvent event = server.poll(WAIT);
    assertNotNull(event, () -> "no server event within " + WAIT + ", expected " + type.getSimpleName());
    assertTrue(type.isInstance(event), () -> "expected " + type.getSimpleName() + ", got " + event);
    return type.cast(event);
  }

  /** The next client event, which must be a {@code type}; waits up to {@link #WAIT}. */
  private static <E extends ChatClientEvent> E awaitClientEvent(ChatClient client, Class<E> type)
      throws InterruptedException {
    ChatClientEvent event = client.poll(WAIT);
    assertNotNull(event, () -> "no client event within " + WAIT + ", expected " + type.getSimpleName());
    assertTrue(type.isInstance(event), () -> "expected " + type.getSimpleName() + ", got " + event);
    return type.cast(event);
  }

  private static void awaitReport(ChatClient client, Class<? extends ClientReport> type)
      throws InterruptedException {
    ChatClientEvent.Report report = awaitClientEvent(client, ChatClientEvent.Report.class);
    assertTrue(type.isInstance(report.report()), () -> "expected " + type.getSimpleName() + ", got " + report);
  }

  /** Waits, up to {@link #WAIT}, for {@code condition}; fails naming {@code what}. */
  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, () -> "timed out waiting for " + what);
      LockSupport.parkNanos(1_000_000); // re-check the condition every millisecond
    }
  }
}
