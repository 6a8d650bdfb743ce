package io.simplenet.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.ClientId;
import io.simplenet.auth.internal.Ed25519;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The seed crate's {@code authentication} test, plus expiry, tampering and bad-key cases. */
class AuthenticatorTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_650_000_000L, 250_000_000);
  private static final ClientId ID = ClientId.of(42);
  private static final AuthKeys KEYS = AuthKeys.fromPrivateSeed(AuthTokenVectorTest.SEED);
  private static final AuthKeys OTHER_KEYS = AuthKeys.generate();
  private static final AuthSecret SECRET = AuthSecret.random();
  private static final AuthSecret OTHER_SECRET = AuthSecret.random();
  private static final AuthToken TOKEN =
      AuthTokens.fromLifetime(KEYS.privateSeed(), Duration.ofHours(1), ID, NOW);

  private static final AuthRequest NONE = new AuthRequest.None(ID);
  private static final AuthRequest RIGHT_SECRET = new AuthRequest.Secret(ID, SECRET);
  private static final AuthRequest WRONG_SECRET = new AuthRequest.Secret(ID, OTHER_SECRET);
  private static final AuthRequest RIGHT_TOKEN = new AuthRequest.Token(TOKEN);
  private static final AuthRequest OTHER_KEYS_TOKEN =
      new AuthRequest.Token(
          AuthTokens.fromLifetime(OTHER_KEYS.privateSeed(), Duration.ofHours(1), ID, NOW));

  @Test
  void noneAcceptsEveryVariant() {
    Authenticator none = new Authenticator.None();
    for (AuthRequest request :
        List.of(NONE, RIGHT_SECRET, WRONG_SECRET, RIGHT_TOKEN, OTHER_KEYS_TOKEN)) {
      assertEquals(AuthResult.ACCEPTED, none.authenticate(request, NOW), request.toString());
    }
  }

  @Test
  void secretAcceptsOnlyTheMatchingSecret() {
    Authenticator secret = new Authenticator.Secret(AuthSecret.of(SECRET.toBytes()));
    assertEquals(AuthResult.ACCEPTED, secret.authenticate(RIGHT_SECRET, NOW));
    assertEquals(AuthResult.INVALID_SECRET, secret.authenticate(WRONG_SECRET, NOW));
    assertEquals(AuthResult.WRONG_VARIANT, secret.authenticate(NONE, NOW));
    assertEquals(AuthResult.WRONG_VARIANT, secret.authenticate(RIGHT_TOKEN, NOW));
    byte[] bytes = SECRET.toBytes();
    for (int i = 0; i < AuthSecret.BYTES; i++) {
      byte[] flipped = bytes.clone();
      flipped[i] ^= 0x01;
      AuthRequest near = new AuthRequest.Secret(ID, AuthSecret.of(flipped));
      assertEquals(AuthResult.INVALID_SECRET, secret.authenticate(near, NOW), "byte " + i);
    }
  }

  @Test
  void tokenAcceptsOnlyATokenSignedByItsKey() {
    Authenticator token = new Authenticator.Token(KEYS.publicKey());
    assertEquals(AuthResult.ACCEPTED, token.authenticate(RIGHT_TOKEN, NOW));
    assertEquals(AuthResult.BAD_SIGNATURE, token.authenticate(OTHER_KEYS_TOKEN, NOW));
    assertEquals(AuthResult.WRONG_VARIANT, token.authenticate(NONE, NOW));
    assertEquals(AuthResult.WRONG_VARIANT, token.authenticate(RIGHT_SECRET, NOW));
    Authenticator other = new Authenticator.Token(OTHER_KEYS.publicKey());
    assertEquals(AuthResult.ACCEPTED, other.authenticate(OTHER_KEYS_TOKEN, NOW));
    assertEquals(AuthResult.BAD_SIGNATURE, other.authenticate(RIGHT_TOKEN, NOW));
  }

  @Test
  void expiryIsEnforcedFromTheExpirySecondOn() {
    Authenticator token = new Authenticator.Token(KEYS.publicKey());
    Instant expiry = TOKEN.expirationTime();
    assertEquals(AuthResult.ACCEPTED, token.authenticate(RIGHT_TOKEN, expiry.minusNanos(1)));
    assertEquals(AuthResult.EXPIRED_TOKEN, token.authenticate(RIGHT_TOKEN, expiry));
    assertEquals(AuthResult.EXPIRED_TOKEN, token.authenticate(RIGHT_TOKEN, expiry.plusSeconds(1)));
    assertEquals("invalid auth: expired token", AuthResult.EXPIRED_TOKEN.reason());
  }

  @Test
  void farFutureTokensAreAccepted() {
    Authenticator token = new Authenticator.Token(KEYS.publicKey());
    AuthToken longLived = AuthTokens.fromExpiry(KEYS.privateSeed(), Long.MAX_VALUE, ID);
    assertEquals(AuthResult.ACCEPTED, token.authenticate(new AuthRequest.Token(longLived), NOW));
    // Beyond 2^63 seconds: only a foreign issuer can sign this, and it must read as unsigned.
    long unsignedHuge = -2L; // 2^64 - 2
    AuthToken huge = signed(AuthToken.AUTH_TOKEN_PROTOCOL_VERSION, unsignedHuge, ID);
    assertEquals(AuthResult.ACCEPTED, token.authenticate(new AuthRequest.Token(huge), Instant.MAX));
  }

  @Test
  void everySingleByteFlipOfTheTokenIsRejected() {
    Authenticator authenticator = new Authenticator.Token(KEYS.publicKey());
    byte[] encoded = TOKEN.toBytes();
    int checked = 0;
    for (int i = 0; i < encoded.length; i++) {
      for (int mask : new int[] {0x01, 0x80, 0xff}) {
        byte[] flipped = encoded.clone();
        flipped[i] ^= (byte) mask;
        AuthToken tampered = AuthToken.fromBytes(flipped);
        AuthResult result = authenticator.authenticate(new AuthRequest.Token(tampered), NOW);
        String where = "byte " + i + " ^ " + mask + ": " + tampered;
        if (i < 2) {
          assertEquals(AuthResult.BAD_TOKEN_VERSION, result, where);
        } else if (i < 10 && tampered.isExpired(NOW)) {
          assertEquals(AuthResult.EXPIRED_TOKEN, result, where);
        } else {
          assertEquals(AuthResult.BAD_SIGNATURE, result, where);
        }
        checked++;
      }
    }
    assertEquals(AuthToken.ENCODED_BYTES * 3, checked);
  }

  @Test
  void properlySignedTokenOfAnotherVersionIsRejected() {
    Authenticator authenticator = new Authenticator.Token(KEYS.publicKey());
    AuthToken nextVersion = signed(1, TOKEN.expiryUnixSeconds(), ID);
    assertEquals(
        AuthResult.BAD_TOKEN_VERSION,
        authenticator.authenticate(new AuthRequest.Token(nextVersion), NOW));
  }

  @Test
  void invalidPublicKeyRejectsEveryTokenWithoutThrowing() {
    List<String> invalidKeys =
        List.of(
            "0200000000000000000000000000000000000000000000000000000000000000", // not on the curve
            "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // y = p
            "0100000000000000000000000000000000000000000000000000000000000080"); // x = 0 but "odd"
    for (String hex : invalidKeys) {
      Authenticator.Token authenticator = new Authenticator.Token(HexFormat.of().parseHex(hex));
      assertFalse(authenticator.hasValidPublicKey(), hex);
      assertEquals(
          AuthResult.INVALID_PUBLIC_KEY, authenticator.authenticate(RIGHT_TOKEN, NOW), hex);
      assertEquals(AuthResult.WRONG_VARIANT, authenticator.authenticate(NONE, NOW), hex);
    }
    assertTrue(new Authenticator.Token(KEYS.publicKey()).hasValidPublicKey());
  }

  @Test
  void wrongSizedKeysAndSecretsAreConfigurationErrors() {
    IllegalArgumentException key =
        assertThrows(IllegalArgumentException.class, () -> new Authenticator.Token(new byte[31]));
    assertEquals("publicKey.length != 32: 31", key.getMessage());
    IllegalArgumentException secret =
        assertThrows(IllegalArgumentException.class, () -> AuthSecret.of(new byte[17]));
    assertEquals("secret.length != 16: 17", secret.getMessage());
  }

  @Test
  void generatedKeysIssueTokensTheirPublicKeyAccepts() {
    AuthKeys keys = AuthKeys.generate();
    AuthToken token = AuthTokens.fromLifetime(keys.privateSeed(), Duration.ofMinutes(5), ID, NOW);
    assertEquals(
        AuthResult.ACCEPTED,
        new Authenticator.Token(keys.publicKey()).authenticate(new AuthRequest.Token(token), NOW));
    assertEquals(
        HexFormat.of().formatHex(keys.publicKey()),
        HexFormat.of().formatHex(AuthKeys.fromPrivateSeed(keys.privateSeed()).publicKey()));
  }

  @Test
  void onlyAcceptedIsAcceptedAndReasonsFitACloseFrame() {
    Set<String> reasons = new HashSet<>();
    for (AuthResult result : AuthResult.values()) {
      assertEquals(result == AuthResult.ACCEPTED, result.isAccepted(), result.name());
      assertTrue(result.reason().getBytes(StandardCharsets.UTF_8).length <= 123, result.name());
      assertTrue(reasons.add(result.reason()), "duplicate reason " + result.reason());
    }
  }

  @Test
  void requestsCarryTheirClientId() {
    assertEquals(ID, NONE.clientId());
    assertEquals(ID, RIGHT_SECRET.clientId());
    assertEquals(TOKEN.clientId(), RIGHT_TOKEN.clientId());
    assertNotEquals(RIGHT_SECRET, WRONG_SECRET);
    assertEquals(RIGHT_SECRET, new AuthRequest.Secret(ID, AuthSecret.of(SECRET.toBytes())));
  }

  /** A token signed with {@link #KEYS} over any fields, bypassing {@link AuthTokens}' checks. */
  private static AuthToken signed(int version, long expiry, ClientId id) {
    byte[] payload = AuthToken.signedPayload(version, expiry, id);
    return AuthToken.of(version, expiry, id, Ed25519.sign(KEYS.privateSeed(), payload));
  }
}
