package io.simplenet.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.simplenet.ClientConfig;
import io.simplenet.ClientId;
import io.simplenet.ClientReport;
import io.simplenet.CloseReason;
import io.simplenet.auth.AuthKeys;
import io.simplenet.auth.AuthRequest;
import io.simplenet.auth.AuthResult;
import io.simplenet.auth.AuthSecret;
import io.simplenet.auth.AuthToken;
import io.simplenet.auth.AuthTokens;
import io.simplenet.auth.Authenticator;
import io.simplenet.examples.chat.ChatChannel;
import io.simplenet.examples.chat.ChatClient;
import io.simplenet.examples.chat.ChatClientEvent;
import io.simplenet.examples.chat.ChatRequestSignal;
import io.simplenet.examples.chat.ChatServer;
import io.simplenet.examples.chat.ChatServerEvent;
import io.simplenet.examples.chat.GetHistory;
import io.simplenet.examples.chat.HistoryPage;
import io.simplenet.examples.chat.Join;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * End-to-end runs of the generated chat API on 127.0.0.1: a client of an older build of the
 * schema, each kind of credentials right and wrong, and a server restarted under its clients.
 */
@Timeout(60)
class TypedEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** How long to watch for an event that must not come, once everything it could follow is over. */
  private static final Duration QUIET = Duration.ofMillis(200);

  private static final Join ANN = new Join("ann", null);

  /** The lifetime of tokens that must stay valid for the whole test. */
  private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(1);

  /** Source of events, polled with a timeout: a typed client's or server's {@code poll}. */
  @FunctionalInterface
  private interface Events<E> {
    E poll(Duration timeout) throws InterruptedException;
  }

  @Test
  void olderSchemaBuildIsRefusedAsAVersionMismatchAndDiesWithoutRetrying() throws Exception {
    assertNotEquals(ChatChannel.VERSION, io.simplenet.examples.chatv0.ChatChannel.VERSION);
    try (ChatServer server = ChatServer.builder().authenticator(new Authenticator.None()).start();
        io.simplenet.examples.chatv0.ChatClient old =
            io.simplenet.examples.chatv0.ChatClient.builder()
                .url(server.url())
                .auth(new AuthRequest.None(ClientId.of(1)))
                .connect(new io.simplenet.examples.chatv0.Join("old-timer", null))
                // Even a client told to retry after a server close must not: a retry cannot help.
                .config(ClientConfig.builder().reconnectOnServerClose(true).build())
                .build()) {
      List<io.simplenet.examples.chatv0.ChatClientEvent> seen = awaitAll(old::poll,
          e -> e instanceof io.simplenet.examples.chatv0.ChatClientEvent.Report r
              && r.report() instanceof ClientReport.IsDead);
      assertEquals(2, seen.size(), () -> "expected ClosedByServer then IsDead, got " + seen);
      io.simplenet.examples.chatv0.ChatClientEvent.Report closed =
          (io.simplenet.examples.chatv0.ChatClientEvent.Report) seen.get(0);
      CloseReason reason = ((ClientReport.ClosedByServer) closed.report()).reason();
      assertEquals(4400, reason.code());
      assertTrue(reason.reason().contains("version mismatch"), reason::toString);
      assertTrue(reason.reason().contains(ChatChannel.VERSION), reason::toString);
      assertNull(server.poll(QUIET), "the server saw an event of a refused client");
      assertEquals(0, server.connectionCount());
    }
  }

  @Test
  void secretAuthAcceptsTheRightSecretAndRefusesAWrongOneWithTheReason() throws Exception {
    AuthSecret secret = AuthSecret.random();
    try (ChatServer server =
        ChatServer.builder().authenticator(new Authenticator.Secret(secret)).start()) {
      try (ChatClient right = client(server, new AuthRequest.Secret(ClientId.of(1), secret))) {
        awaitReport(right, ClientReport.Connected.class);
        assertEquals(ClientId.of(1), awaitClientId(server, ChatServerEvent.Connected.class));
      }
      try (ChatClient wrong =
          client(server, new AuthRequest.Secret(ClientId.of(2), AuthSecret.random()))) {
        assertRefused(wrong, AuthResult.INVALID_SECRET);
      }
      assertEquals(ClientId.of(1), awaitClientId(server, ChatServerEvent.Disconnected.class));
      assertNull(server.poll(QUIET), "the server saw an event of a refused client");
    }
  }

  @Test
  void tokenAuthAcceptsAValidTokenAndRefusesExpiredAndForeignOnes() throws Exception {
    AuthKeys issuer = AuthKeys.generate();
    try (ChatServer server =
        ChatServer.builder().authenticator(new Authenticator.Token(issuer.publicKey())).start()) {
      AuthToken valid =
          AuthTokens.fromLifetime(issuer.privateSeed(), TOKEN_LIFETIME, ClientId.of(1));
      try (ChatClient client = client(server, new AuthRequest.Token(valid))) {
        awaitReport(client, ClientReport.Connected.class);
        assertEquals(ClientId.of(1), awaitClientId(server, ChatServerEvent.Connected.class));
      }
      assertEquals(ClientId.of(1), awaitClientId(server, ChatServerEvent.Disconnected.class));

      long aMinuteAgo = Instant.now().minusSeconds(60).getEpochSecond();
      AuthToken expired = AuthTokens.fromExpiry(issuer.privateSeed(), aMinuteAgo, ClientId.of(2));
      try (ChatClient client = client(server, new AuthRequest.Token(expired))) {
        CloseReason reason = assertRefused(client, AuthResult.EXPIRED_TOKEN);
        assertTrue(reason.reason().contains("expired"), reason::toString);
      }

      AuthToken foreign = AuthTokens.fromLifetime(
          AuthKeys.generate().privateSeed(), TOKEN_LIFETIME, ClientId.of(3));
      try (ChatClient client = client(server, new AuthRequest.Token(foreign))) {
        assertRefused(client, AuthResult.BAD_SIGNATURE);
      }
      assertNull(server.poll(QUIET), "the server saw an event of a refused client");
    }
  }

  @Test
  void defaultClientDoesNotReconnectAfterTheServerClosedIt() throws Exception {
    ChatServer server = ChatServer.builder().authenticator(new Authenticator.None()).start();
    try (ChatClient client = client(server, new AuthRequest.None(ClientId.of(1)))) {
      awaitReport(client, ClientReport.Connected.class);
      server.close();
      try (ChatServer restarted = restart(server)) {
        // The seed crate's default: a server that closed its clients is not stormed by reconnects.
        ClientReport closed = awaitReport(client, ClientReport.ClosedByServer.class);
        assertEquals(
            CloseReason.SERVER_SHUTTING_DOWN, ((ClientReport.ClosedByServer) closed).reason());
        awaitReport(client, ClientReport.IsDead.class);
        assertNull(restarted.poll(QUIET), "the client reconnected");
      }
    }
  }

  @Test
  void clientReconnectsToAServerRestartedOnTheSamePortAndIsAnswered() throws Exception {
    ChatServer server = ChatServer.builder().authenticator(new Authenticator.None()).start();
    ClientConfig config = ClientConfig.builder()
        .reconnectOnServerClose(true)
        .reconnectInterval(Duration.ofMillis(100))
        .build();
    try (ChatClient client =
        ChatClient.builder()
            .url(server.url())
            .auth(new AuthRequest.None(ClientId.of(1)))
            .connect(ANN)
            .config(config)
            .build()) {
      awaitReport(client, ClientReport.Connected.class);
      server.close();
      try (ChatServer restarted = restart(server)) {
        List<ChatClientEvent> seen = awaitAll(client::poll,
            e -> e instanceof ChatClientEvent.Report r
                && r.report() instanceof ClientReport.Connected);
        assertTrue(seen.stream().anyMatch(e -> e instanceof ChatClientEvent.Report r
                && (r.report() instanceof ClientReport.ClosedByServer
                    || r.report() instanceof ClientReport.Disconnected)),
            () -> "no report of the lost connection before the reconnect: " + seen);
        assertEquals(ClientId.of(1), awaitClientId(restarted, ChatServerEvent.Connected.class));

        ChatRequestSignal<HistoryPage> history = client.request(new GetHistory(0, 10));
        ChatServerEvent.GetHistoryRequest request =
            awaitServerEvent(restarted, ChatServerEvent.GetHistoryRequest.class);
        HistoryPage page = new HistoryPage(List.of(), false);
        assertTrue(request.token().respond(page));
        ChatClientEvent.Response response =
            awaitClientEvent(client, ChatClientEvent.Response.class);
        assertEquals(history.id(), response.requestId());
        assertEquals(page, response.response());
      }
    }
  }

  /** A new server on the port {@code closed} had. */
  private static ChatServer restart(ChatServer closed) {
    assertTrue(closed.isDead(), "the old server is still running");
    return ChatServer.builder()
        .port(closed.port())
        .authenticator(new Authenticator.None())
        .start();
  }

  private static ChatClient client(ChatServer server, AuthRequest auth) {
    return ChatClient.builder().url(server.url()).auth(auth).connect(ANN).build();
  }

  /** Expects the client's refusal with {@code result}'s reason, then its death; returns it. */
  private static CloseReason assertRefused(ChatClient client, AuthResult result)
      throws InterruptedException {
    ClientReport closed = awaitReport(client, ClientReport.ClosedByServer.class);
    CloseReason reason = ((ClientReport.ClosedByServer) closed).reason();
    assertEquals(CloseReason.invalidAuth(result), reason);
    awaitReport(client, ClientReport.IsDead.class);
    return reason;
  }

  /** Every event up to and including the first matching {@code last}, within {@link #WAIT}. */
  private static <E> List<E> awaitAll(Events<E> events, Predicate<E> last)
      throws InterruptedException {
    List<E> seen = new ArrayList<>();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      E event = events.poll(Duration.ofNanos(deadline - System.nanoTime()));
      if (event != null) {
        seen.add(event);
        if (last.test(event)) {
          return seen;
        }
      }
    }
    return fail("the awaited event did not come within " + WAIT + "; saw " + seen);
  }

  private static <E> E awaitNext(Events<E> events, Class<? extends E> type)
      throws InterruptedException {
    E event = events.poll(WAIT);
    assertNotNull(event, () -> "no event within " + WAIT + ", expected " + type.getSimpleName());
    assertTrue(type.isInstance(event), () -> "expected " + type.getSimpleName() + ", got " + event);
    return event;
  }

  private static <E extends ChatServerEvent> E awaitServerEvent(ChatServer server, Class<E> type)
      throws InterruptedException {
    return type.cast(awaitNext(server::poll, type));
  }

  /** The id of the server's next event, which must be a {@code type}. */
  private static ClientId awaitClientId(ChatServer server, Class<? extends ChatServerEvent> type)
      throws InterruptedException {
    return awaitServerEvent(server, type).clientId();
  }

  private static <E extends ChatClientEvent> E awaitClientEvent(ChatClient client, Class<E> type)
      throws InterruptedException {
    return type.cast(awaitNext(client::poll, type));
  }

  private static ClientReport awaitReport(ChatClient client, Class<? extends ClientReport> type)
      throws InterruptedException {
    ClientReport report = awaitClientEvent(client, ChatClientEvent.Report.class).report();
    assertTrue(
        type.isInstance(report), () -> "expected " + type.getSimpleName() + ", got " + report);
    return report;
  }
}
