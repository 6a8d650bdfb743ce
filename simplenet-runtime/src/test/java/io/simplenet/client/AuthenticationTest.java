package io.simplenet.client;

import static io.simplenet.client.Harness.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.ClientConfig;
import io.simplenet.ClientEvent;
import io.simplenet.ClientId;
import io.simplenet.ClientReport;
import io.simplenet.CloseReason;
import io.simplenet.ServerConfig;
import io.simplenet.ServerEvent;
import io.simplenet.auth.AuthKeys;
import io.simplenet.auth.AuthRequest;
import io.simplenet.auth.AuthResult;
import io.simplenet.auth.AuthSecret;
import io.simplenet.auth.AuthToken;
import io.simplenet.auth.AuthTokens;
import io.simplenet.auth.Authenticator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed crate's authentication matrix against the real server, asserted through events rather
 * than "still alive after 50 ms": an accepted client reports Connected; a refused one reports
 * ClosedByServer with the authenticator's reason and then IsDead, and never Connected. Also: an
 * expired token ends reconnecting.
 */
class AuthenticationTest {
  private static final ClientId ID = ClientId.of(1);
  private static final AuthSecret SECRET_A = AuthSecret.of(new byte[16]);
  private static final AuthSecret SECRET_B = AuthSecret.of(filled(16, (byte) 1));
  private static final AuthKeys KEYS = AuthKeys.generate();
  private static final AuthKeys OTHER_KEYS = AuthKeys.generate();

  private static final AuthRequest NONE = new AuthRequest.None(ID);
  private static final AuthRequest SECRET = new AuthRequest.Secret(ID, SECRET_A);
  private static final AuthRequest TOKEN = token(KEYS, Duration.ofHours(1));

  private final Harness harness = new Harness();

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  static Stream<Arguments> matrix() {
    Authenticator none = new Authenticator.None();
    Authenticator secret = new Authenticator.Secret(SECRET_A);
    Authenticator token = new Authenticator.Token(KEYS.publicKey());
    return Stream.of(
        Arguments.of("none accepts none", none, NONE, AuthResult.ACCEPTED),
        Arguments.of("none accepts a secret", none, SECRET, AuthResult.ACCEPTED),
        Arguments.of("none accepts a token", none, TOKEN, AuthResult.ACCEPTED),
        Arguments.of("secret refuses none", secret, NONE, AuthResult.WRONG_VARIANT),
        Arguments.of("secret accepts its secret", secret, SECRET, AuthResult.ACCEPTED),
        Arguments.of(
            "secret refuses another secret",
            secret,
            new AuthRequest.Secret(ID, SECRET_B),
            AuthResult.INVALID_SECRET),
        Arguments.of("secret refuses a token", secret, TOKEN, AuthResult.WRONG_VARIANT),
        Arguments.of("token refuses none", token, NONE, AuthResult.WRONG_VARIANT),
        Arguments.of("token refuses a secret", token, SECRET, AuthResult.WRONG_VARIANT),
        Arguments.of("token accepts its key's token", token, TOKEN, AuthResult.ACCEPTED),
        Arguments.of(
            "token refuses another key's token",
            token,
            token(OTHER_KEYS, Duration.ofHours(1)),
            AuthResult.BAD_SIGNATURE),
        Arguments.of(
            "token refuses an expired token", token, expiredToken(), AuthResult.EXPIRED_TOKEN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("matrix")
  void authentication(
      String name, Authenticator authenticator, AuthRequest auth, AuthResult expected)
      throws Exception {
    var server = harness.server(ServerConfig.DEFAULT, authenticator);
    // Reconnecting after a refusal is off by default: one attempt decides.
    var client = harness.client(server.url(), auth, ClientConfig.DEFAULT, "hello");
    if (expected.isAccepted()) {
      assertEquals(report(new ClientReport.Connected()), next(client));
      var connected = assertInstanceOf(ServerEvent.Connected.class, next(server));
      assertEquals(auth.clientId(), connected.clientId());
      assertTrue(client.isConnected());
    } else {
      assertEquals(
          report(new ClientReport.ClosedByServer(CloseReason.invalidAuth(expected))),
          next(client),
          "refused, and no Connected before");
      assertEquals(report(new ClientReport.IsDead(List.of())), next(client));
      assertNull(server.next(), "the server reports nothing for a refused client");
    }
    assertNull(client.next());
  }

  @Test
  void anExpiredTokenIsRefusedAndEndsReconnectingEvenWhenServerClosesAreRetried() throws Exception {
    var server = harness.server(ServerConfig.DEFAULT, new Authenticator.Token(KEYS.publicKey()));
    ClientConfig retryEverything =
        ClientConfig.builder()
            .reconnectOnServerClose(true)
            .reconnectInterval(Duration.ofMillis(5))
            .build();
    var client = harness.client(server.url(), expiredToken(), retryEverything, "hello");
    assertEquals(
        report(new ClientReport.ClosedByServer(CloseReason.invalidAuth(AuthResult.EXPIRED_TOKEN))),
        next(client));
    assertEquals(report(new ClientReport.IsDead(List.of())), next(client));
    assertNull(server.next());
  }

  @Test
  void aTokenThatExpiresWhileConnectedEndsReconnectingAtTheNextClose() throws Exception {
    var server = harness.server(ServerConfig.DEFAULT, new Authenticator.Token(KEYS.publicKey()));
    AuthRequest.Token shortLived =
        new AuthRequest.Token(
            AuthTokens.fromExpiry(
                KEYS.privateSeed(), Instant.now().getEpochSecond() + 2, ID)); // 1-2 s left
    ClientConfig retryEverything =
        ClientConfig.builder()
            .reconnectOnServerClose(true)
            .reconnectInterval(Duration.ofMillis(5))
            .build();
    var client = harness.client(server.url(), shortLived, retryEverything, "hello");
    assertEquals(report(new ClientReport.Connected()), next(client));
    assertInstanceOf(ServerEvent.Connected.class, next(server));

    Harness.letTimePass(shortLived.token().timeUntilExpiry(Instant.now()).plusMillis(10));
    assertTrue(shortLived.token().isExpired(Instant.now()));
    assertTrue(server.disconnect(ID, "bye"));
    assertEquals(
        report(new ClientReport.ClosedByServer(new CloseReason(1000, "bye"))), next(client));
    assertEquals(report(new ClientReport.IsDead(List.of())), next(client), "no reconnect");
    assertInstanceOf(ServerEvent.Disconnected.class, next(server));
    assertNull(server.poll(Duration.ofMillis(100)), "no new connection");
  }

  private static AuthRequest token(AuthKeys keys, Duration lifetime) {
    return new AuthRequest.Token(AuthTokens.fromLifetime(keys.privateSeed(), lifetime, ID));
  }

  private static AuthRequest expiredToken() {
    AuthToken token =
        AuthTokens.fromExpiry(KEYS.privateSeed(), Instant.now().getEpochSecond() - 60, ID);
    return new AuthRequest.Token(token);
  }

  private static ClientEvent<?, ?> report(ClientReport report) {
    return new ClientEvent.Report<>(report);
  }

  private static byte[] filled(int length, byte value) {
    byte[] bytes = new byte[length];
    java.util.Arrays.fill(bytes, value);
    return bytes;
  }
}
