package io.simplenet.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.simplenet.ClientId;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The seed crate's Ed25519 vector (reference §4), byte for byte. */
class AuthTokenVectorTest {
  static final byte[] SEED = seedOneToThirtyTwo();
  static final String PUBLIC_KEY =
      "79b5562e8fe654f94078b112e8a98ba7901f853ae695bed7e0e3910bad049664";
  static final long EXPIRY = 1_700_000_000L;
  static final ClientId CLIENT_ID = ClientId.of(123);
  static final String PAYLOAD =
      "4265767953696d706c656e657441757468546f6b656e"
          + "0000"
          + "00f1536500000000"
          + "7b000000000000000000000000000000";
  static final String SIGNATURE =
      "ff241b23c171c402604a354cdac634ead1d3fd18bd93844fd8d0f5dcc1de1b15"
          + "02207949f38b5037e4825b7d06a7182d8bc965443558d72748c4053efabfdb04";

  @Test
  void publicKeyIsDerivedFromTheSeed() {
    assertEquals(PUBLIC_KEY, hex(AuthKeys.fromPrivateSeed(SEED).publicKey()));
  }

  @Test
  void payloadIsTheCratesFortyEightBytes() {
    byte[] payload = AuthToken.signedPayload(0, EXPIRY, CLIENT_ID);
    assertEquals(48, payload.length);
    assertEquals(PAYLOAD, hex(payload));
  }

  @Test
  void signatureIsTheCrates() {
    AuthToken token = AuthTokens.fromExpiry(SEED, EXPIRY, CLIENT_ID);
    assertEquals(SIGNATURE, hex(token.signature()));
    assertEquals(PAYLOAD, hex(token.signedPayload()));
    assertEquals(AuthToken.AUTH_TOKEN_PROTOCOL_VERSION, token.protocolVersion());
    assertEquals(EXPIRY, token.expiryUnixSeconds());
    assertEquals(CLIENT_ID, token.clientId());
  }

  @Test
  void lifetimeTokenExpiresAtTheFlooredSecond() {
    Instant now = Instant.ofEpochSecond(EXPIRY - 60, 999_999_999);
    AuthToken token = AuthTokens.fromLifetime(SEED, Duration.ofSeconds(60), CLIENT_ID, now);
    assertEquals(EXPIRY, token.expiryUnixSeconds());
    assertEquals(SIGNATURE, hex(token.signature()));
  }

  @Test
  void theCratesTokenIsAcceptedByItsPublicKey() {
    AuthToken token = AuthToken.of(0, EXPIRY, CLIENT_ID, HexFormat.of().parseHex(SIGNATURE));
    Authenticator authenticator = new Authenticator.Token(HexFormat.of().parseHex(PUBLIC_KEY));
    assertEquals(
        AuthResult.ACCEPTED,
        authenticator.authenticate(
            new AuthRequest.Token(token), Instant.ofEpochSecond(EXPIRY - 1)));
  }

  static byte[] seedOneToThirtyTwo() {
    byte[] seed = new byte[AuthKeys.PRIVATE_SEED_BYTES];
    for (int i = 0; i < seed.length; i++) {
      seed[i] = (byte) (i + 1);
    }
    return seed;
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
