package io.simplenet.server;

import static io.simplenet.testing.TestServers.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.simplenet.ClientId;
import io.simplenet.CloseReason;
import io.simplenet.Encoding;
import io.simplenet.ServerConfig;
import io.simplenet.ServerEvent;
import io.simplenet.auth.AuthKeys;
import io.simplenet.auth.AuthRequest;
import io.simplenet.auth.AuthSecret;
import io.simplenet.auth.AuthToken;
import io.simplenet.auth.AuthTokens;
import io.simplenet.auth.Authenticator;
import io.simplenet.internal.wire.ClientFrame;
import io.simplenet.testing.RawClient;
import io.simplenet.testing.TestMessages.TestConnect;
import io.simplenet.testing.TestServers;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The seed's authentication matrix, plus expired and tampered tokens, with the close reasons. */
class AuthTest {
  private static final ClientId ID = ClientId.of(44);
  private static final AuthSecret SECRET = AuthSecret.random();
  private static final AuthKeys KEYS = AuthKeys.generate();

  private static final AuthRequest NONE = new AuthRequest.None(ID);
  private static final AuthRequest GOOD_SECRET = new AuthRequest.Secret(ID, SECRET);
  private static final AuthRequest BAD_SECRET = new AuthRequest.Secret(ID, AuthSecret.random());
  private static final AuthRequest GOOD_TOKEN =
      new AuthRequest.Token(AuthTokens.fromLifetime(KEYS.privateSeed(), Duration.ofHours(1), ID));
  private static final AuthRequest OTHER_KEY_TOKEN =
      new AuthRequest.Token(
          AuthTokens.fromLifetime(AuthKeys.generate().privateSeed(), Duration.ofHours(1), ID));
  private static final AuthRequest EXPIRED_TOKEN =
      new AuthRequest.Token(
          AuthTokens.fromExpiry(KEYS.privateSeed(), Instant.now().getEpochSecond() - 1, ID));

  @Test
  void noneAcceptsEveryVariant() {
    Authenticator none = new Authenticator.None();
    assertAccepted(none, NONE);
    assertAccepted(none, GOOD_SECRET);
    assertAccepted(none, GOOD_TOKEN);
  }

  @Test
  void secretAcceptsOnlyTheMatchingSecret() {
    Authenticator secret = new Authenticator.Secret(SECRET);
    assertAccepted(secret, GOOD_SECRET);
    assertRefused(secret, BAD_SECRET, "invalid auth: invalid secret");
    assertRefused(secret, NONE, "invalid auth: wrong auth variant");
    assertRefused(secret, GOOD_TOKEN, "invalid auth: wrong auth variant");
  }

  @Test
  void tokenAcceptsOnlyAValidTokenOfItsKey() {
    Authenticator token = new Authenticator.Token(KEYS.publicKey());
    assertAccepted(token, GOOD_TOKEN);
    assertRefused(token, OTHER_KEY_TOKEN, "invalid auth: bad token signature");
    assertRefused(token, EXPIRED_TOKEN, "invalid auth: expired token");
    assertRefused(token, NONE, "invalid auth: wrong auth variant");
    assertRefused(token, GOOD_SECRET, "invalid auth: wrong auth variant");
    AuthToken good = ((AuthRequest.Token) GOOD_TOKEN).token();
    AuthToken otherId = AuthToken.of(0, good.expiryUnixSeconds(), ClientId.of(45), good.signature());
    assertRefused(token, new AuthRequest.Token(otherId), "invalid auth: bad token signature");
    byte[] signature = good.signature();
    signature[7] ^= 1;
    AuthToken flipped = AuthToken.of(0, good.expiryUnixSeconds(), ID, signature);
    assertRefused(token, new AuthRequest.Token(flipped), "invalid auth: bad token signature");
  }

  @Test
  void noHelloWithinTheAuthTimeoutIsClosedWith1008() {
    // Long enough for the upgrade itself on a loaded machine: an upgrade still unanswered at the
    // auth timeout is dropped without a close frame.
    ServerConfig config = ServerConfig.builder().authTimeout(Duration.ofSeconds(1)).build();
    try (var server = TestServers.start(config, new Authenticator.None());
        RawClient client = RawClient.connect(server.url(), Encoding.BINARY)) {
      assertEquals(new CloseReason(1008, "no auth received"), client.awaitClose());
      TestServers.assertNoEvent(server);
    }
  }

  @Test
  void anAcceptedClientOutlivesTheAuthTimeout() {
    Duration authTimeout = Duration.ofMillis(500);
    ServerConfig config = ServerConfig.builder().authTimeout(authTimeout).build();
    try (var server = TestServers.start(config, new Authenticator.None());
        RawClient client = RawClient.connectAs(server.url(), Encoding.BINARY, ID, "")) {
      client.awaitAccepted(ID);
      next(server, ServerEvent.Connected.class, ID);
      assertNull(client.poll(authTimeout.multipliedBy(2)), "closed after it was accepted");
      client.sendMessage(5);
      next(server, ServerEvent.Msg.class, ID);
    }
  }

  private static void assertAccepted(Authenticator authenticator, AuthRequest auth) {
    for (Encoding encoding : Encoding.values()) {
      try (var server = TestServers.start(ServerConfig.DEFAULT, authenticator);
          RawClient client = RawClient.connect(server.url(), encoding)) {
        client.send(new ClientFrame.Hello<>(auth, new TestConnect("x")));
        client.awaitAccepted(ID);
        next(server, ServerEvent.Connected.class, ID);
      }
    }
  }

  private static void assertRefused(Authenticator authenticator, AuthRequest auth, String reason) {
    for (Encoding encoding : Encoding.values()) {
      try (var server = TestServers.start(ServerConfig.DEFAULT, authenticator);
          RawClient client = RawClient.connect(server.url(), encoding)) {
        client.send(new ClientFrame.Hello<>(auth, new TestConnect("x")));
        assertEquals(new CloseReason(1011, reason), client.awaitClose(), auth + " " + encoding);
        TestServers.assertNoEvent(server);
      }
    }
  }
}
