package io.simplenet.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.ClientId;
import io.simplenet.codec.CodecException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthTokenTest {
  private static final byte[] SIGNATURE = HexFormat.of().parseHex(AuthTokenVectorTest.SIGNATURE);
  private static final AuthToken VECTOR =
      AuthToken.of(0, AuthTokenVectorTest.EXPIRY, AuthTokenVectorTest.CLIENT_ID, SIGNATURE);

  @Test
  void binaryFormIsVersionExpiryIdSignatureLittleEndian() {
    byte[] bytes = VECTOR.toBytes();
    assertEquals(90, bytes.length);
    assertEquals(
        "0000"
            + "00f1536500000000"
            + "7b000000000000000000000000000000"
            + AuthTokenVectorTest.SIGNATURE,
        HexFormat.of().formatHex(bytes));
  }

  @Test
  void binaryAndBase64FormsRoundTrip() {
    List<ClientId> ids =
        List.of(
            ClientId.of(0),
            ClientId.of(BigInteger.ONE.shiftLeft(64)),
            ClientId.of(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE)),
            ClientId.random());
    for (ClientId id : ids) {
      for (long expiry : new long[] {0, 1_700_000_000L, Long.MAX_VALUE, -1L}) {
        AuthToken token = AuthToken.of(0xffff, expiry, id, SIGNATURE);
        assertEquals(token, AuthToken.fromBytes(token.toBytes()));
        String text = token.toBase64Url();
        assertEquals(120, text.length());
        assertTrue(
            text.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_'), text);
        AuthToken decoded = AuthToken.fromBase64Url(text);
        assertEquals(token, decoded);
        assertEquals(token.hashCode(), decoded.hashCode());
        assertEquals(0xffff, decoded.protocolVersion());
        assertEquals(expiry, decoded.expiryUnixSeconds());
        assertEquals(id, decoded.clientId());
        assertArrayEquals(SIGNATURE, decoded.signature());
      }
    }
  }

  @Test
  void malformedEncodingsAreCodecErrorsThatDoNotEchoTheToken() {
    CodecException shortBytes =
        assertThrows(CodecException.class, () -> AuthToken.fromBytes(new byte[89]));
    assertEquals("token length != 90: 89", shortBytes.getMessage());
    assertThrows(CodecException.class, () -> AuthToken.fromBytes(new byte[91]));

    String text = VECTOR.toBase64Url();
    String standardAlphabet = text.replace('-', '+').replace('_', '/') + "+/";
    CodecException notBase64 =
        assertThrows(CodecException.class, () -> AuthToken.fromBase64Url(standardAlphabet));
    assertFalse(notBase64.getMessage().contains(text.substring(0, 20)), notBase64.getMessage());
    assertThrows(CodecException.class, () -> AuthToken.fromBase64Url(text.substring(4)));
  }

  @Test
  void fieldsAreValidated() {
    IllegalArgumentException version =
        assertThrows(
            IllegalArgumentException.class,
            () -> AuthToken.of(65536, 0, ClientId.of(1), SIGNATURE));
    assertEquals("protocolVersion not in [0, 65535]: 65536", version.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> AuthToken.of(-1, 0, ClientId.of(1), SIGNATURE));
    IllegalArgumentException signature =
        assertThrows(
            IllegalArgumentException.class, () -> AuthToken.of(0, 0, ClientId.of(1), new byte[63]));
    assertEquals("signature.length != 64: 63", signature.getMessage());
  }

  @Test
  void issuingRefusesNegativeTimes() {
    byte[] seed = AuthTokenVectorTest.SEED;
    IllegalArgumentException expiry =
        assertThrows(
            IllegalArgumentException.class, () -> AuthTokens.fromExpiry(seed, -1, ClientId.of(1)));
    assertEquals("expiryUnixSeconds < 0: -1", expiry.getMessage());
    IllegalArgumentException lifetime =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                AuthTokens.fromLifetime(
                    seed, Duration.ofSeconds(-1), ClientId.of(1), Instant.EPOCH));
    assertEquals("lifetime < 0: PT-1S", lifetime.getMessage());
    IllegalArgumentException badSeed =
        assertThrows(
            IllegalArgumentException.class,
            () -> AuthTokens.fromExpiry(new byte[31], 1, ClientId.of(1)));
    assertEquals("privateSeed.length != 32: 31", badSeed.getMessage());
  }

  @Test
  void expiryArithmetic() {
    Instant expiry = Instant.ofEpochSecond(AuthTokenVectorTest.EXPIRY);
    assertEquals(expiry, VECTOR.expirationTime());
    assertEquals(Duration.ofSeconds(10), VECTOR.timeUntilExpiry(expiry.minusSeconds(10)));
    assertEquals(Duration.ofNanos(1), VECTOR.timeUntilExpiry(expiry.minusNanos(1)));
    assertEquals(Duration.ZERO, VECTOR.timeUntilExpiry(expiry));
    assertEquals(Duration.ZERO, VECTOR.timeUntilExpiry(expiry.plusSeconds(3600)));
    assertFalse(VECTOR.isExpired(expiry.minusNanos(1)));
    assertTrue(VECTOR.isExpired(expiry));
    assertTrue(VECTOR.isExpired(expiry.plusNanos(1)));
    assertFalse(VECTOR.isExpired(Instant.ofEpochSecond(-5)), "before 1970 is before any expiry");

    AuthToken epoch = AuthToken.of(0, 0, ClientId.of(1), SIGNATURE);
    assertTrue(epoch.isExpired(Instant.EPOCH));
    assertFalse(epoch.isExpired(Instant.EPOCH.minusNanos(1)));

    AuthToken never = AuthToken.of(0, -1L, ClientId.of(1), SIGNATURE); // u64 max
    assertEquals(Instant.MAX, never.expirationTime());
    assertFalse(never.isExpired(Instant.MAX));
    assertTrue(
        never.timeUntilExpiry(Instant.MIN).compareTo(Duration.ofDays(365L * 1_000_000_000)) > 0);

    long lastInstantSecond = Instant.MAX.getEpochSecond();
    assertEquals(
        Instant.ofEpochSecond(lastInstantSecond),
        AuthToken.of(0, lastInstantSecond, ClientId.of(1), SIGNATURE).expirationTime());
  }

  @Test
  void signatureIsCopiedNotShared() {
    byte[] signature = SIGNATURE.clone();
    AuthToken token = AuthToken.of(0, 1, ClientId.of(1), signature);
    signature[0] ^= 1;
    token.signature()[1] ^= 1;
    assertArrayEquals(SIGNATURE, token.signature());
    assertNotEquals(token, AuthToken.of(0, 1, ClientId.of(1), signature));
  }

  @Test
  void printingRedactsSignaturesSecretsAndSeeds() {
    String signatureHex = AuthTokenVectorTest.SIGNATURE;
    for (Object printed : List.of(VECTOR, new AuthRequest.Token(VECTOR))) {
      String text = printed.toString();
      assertFalse(text.contains(signatureHex.substring(0, 8)), text);
      assertFalse(text.contains(VECTOR.toBase64Url().substring(16, 40)), text);
      assertTrue(text.contains("clientId=123"), text);
    }

    byte[] secretBytes = HexFormat.of().parseHex("a1a2a3a4a5a6a7a8a9aaabacadaeafb0");
    AuthSecret secret = AuthSecret.of(secretBytes);
    for (Object printed :
        List.of(
            secret,
            new AuthRequest.Secret(ClientId.of(5), secret),
            new Authenticator.Secret(secret))) {
      String text = printed.toString();
      assertFalse(text.contains("a1a2a3"), text);
      assertFalse(text.contains(java.util.Arrays.toString(secretBytes).substring(1, 15)), text);
    }

    AuthKeys keys = AuthKeys.fromPrivateSeed(AuthTokenVectorTest.SEED);
    assertFalse(keys.toString().contains("0102030405"), keys.toString());
    assertTrue(keys.toString().contains(AuthTokenVectorTest.PUBLIC_KEY), keys.toString());
  }
}
