package io.simplenet.auth;

import io.simplenet.ClientId;
import io.simplenet.auth.internal.Ed25519;
import io.simplenet.codec.CodecException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A client's proof of identity until an expiry time, signed with the server operator's Ed25519 key;
 * the seed crate's {@code AuthToken}. Made by {@link AuthTokens}, checked by {@link
 * Authenticator.Token}. A token is a bearer credential: its signature never appears in {@link
 * #toString}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AuthToken {
  /** The token format version this library signs and accepts. */
  public static final int AUTH_TOKEN_PROTOCOL_VERSION = 0;

  /** The size of the signature. */
  public static final int SIGNATURE_BYTES = Ed25519.SIGNATURE_BYTES;

  /** Version u16 ‖ expiry u64 ‖ client id u128, little-endian: in both payload and encoding. */
  private static final int FIELDS_BYTES = 2 + 8 + ClientId.BYTES;

  /** The size of {@link #toBytes}: the fields (version, expiry, client id) ‖ the signature. */
  public static final int ENCODED_BYTES = FIELDS_BYTES + SIGNATURE_BYTES;

  /** Prefixes the signed payload so a signature over it means nothing in any other protocol. */
  private static final byte[] PAYLOAD_DOMAIN =
      "BevySimplenetAuthToken".getBytes(StandardCharsets.US_ASCII);

  private static final Base64.Encoder BASE64_ENCODER = Base64.getUrlEncoder().withoutPadding();

  private final int protocolVersion;
  private final long expiryUnixSeconds;
  private final ClientId clientId;
  private final byte[] signature;

  private AuthToken(
      int protocolVersion, long expiryUnixSeconds, ClientId clientId, byte[] signature) {
    this.protocolVersion = protocolVersion;
    this.expiryUnixSeconds = expiryUnixSeconds;
    this.clientId = clientId;
    this.signature = signature;
  }

  /**
   * A token from its fields, as read off the wire; nothing is verified.
   *
   * @param protocolVersion an unsigned 16-bit number
   * @param expiryUnixSeconds an unsigned 64-bit number of seconds since 1970
   * @param signature {@link #SIGNATURE_BYTES} bytes
   */
  public static AuthToken of(
      int protocolVersion, long expiryUnixSeconds, ClientId clientId, byte[] signature) {
    if (protocolVersion < 0 || protocolVersion > 0xffff) {
      throw new IllegalArgumentException("protocolVersion not in [0, 65535]: " + protocolVersion);
    }
    Objects.requireNonNull(clientId, "clientId == null");
    Objects.requireNonNull(signature, "signature == null");
    if (signature.length != SIGNATURE_BYTES) {
      throw new IllegalArgumentException(
          "signature.length != " + SIGNATURE_BYTES + ": " + signature.length);
    }
    return new AuthToken(protocolVersion, expiryUnixSeconds, clientId, signature.clone());
  }

  /**
   * Decodes the {@link #ENCODED_BYTES}-byte form {@link #toBytes} writes.
   *
   * @throws CodecException if {@code bytes} has the wrong length
   */
  public static AuthToken fromBytes(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes == null");
    if (bytes.length != ENCODED_BYTES) {
      throw new CodecException("token length != " + ENCODED_BYTES + ": " + bytes.length);
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int protocolVersion = Short.toUnsignedInt(buffer.getShort());
    long expiryUnixSeconds = buffer.getLong();
    byte[] clientId = new byte[ClientId.BYTES];
    buffer.get(clientId);
    byte[] signature = new byte[SIGNATURE_BYTES];
    buffer.get(signature);
    return new AuthToken(
        protocolVersion, expiryUnixSeconds, ClientId.fromLittleEndian(clientId), signature);
  }

  /**
   * Decodes the form {@link #toBase64Url} writes; padding is optional.
   *
   * @throws CodecException if {@code text} is not URL-safe base64 of a token
   */
  public static AuthToken fromBase64Url(String text) {
    Objects.requireNonNull(text, "text == null");
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      // The text is a credential, so the message gives its length, not its content.
      throw new CodecException("token is not URL-safe base64 (" + text.length() + " chars)", e);
    }
    return fromBytes(bytes);
  }

  /** The token format version, an unsigned 16-bit number. */
  public int protocolVersion() {
    return protocolVersion;
  }

  /** When the token expires, in seconds since 1970; an unsigned 64-bit number. */
  public long expiryUnixSeconds() {
    return expiryUnixSeconds;
  }

  /** The client the token vouches for. */
  public ClientId clientId() {
    return clientId;
  }

  /** A copy of the Ed25519 signature of {@link #signedPayload}. */
  public byte[] signature() {
    return signature.clone();
  }

  /** When the token expires; {@link Instant#MAX} if that is beyond what an Instant holds. */
  public Instant expirationTime() {
    long maxSeconds = Instant.MAX.getEpochSecond();
    return Long.compareUnsigned(expiryUnixSeconds, maxSeconds) > 0
        ? Instant.MAX
        : Instant.ofEpochSecond(expiryUnixSeconds);
  }

  /** How long until the token expires at {@code now}; zero once it has. */
  public Duration timeUntilExpiry(Instant now) {
    Duration remaining = Duration.between(now, expirationTime());
    return remaining.isNegative() ? Duration.ZERO : remaining;
  }

  /** Whether the token has expired at {@code now}: now ≥ expiry. */
  public boolean isExpired(Instant now) {
    long nowSeconds = now.getEpochSecond(); // floor, so "now ≥ expiry" holds to the nanosecond
    return nowSeconds >= 0 && Long.compareUnsigned(nowSeconds, expiryUnixSeconds) >= 0;
  }

  /** The {@link #ENCODED_BYTES}-byte binary form. */
  public byte[] toBytes() {
    ByteBuffer buffer = ByteBuffer.allocate(ENCODED_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    putFields(buffer, protocolVersion, expiryUnixSeconds, clientId);
    return buffer.put(signature).array();
  }

  /** The binary form in URL-safe base64 without padding, for handing the token to a client. */
  public String toBase64Url() {
    return BASE64_ENCODER.encodeToString(toBytes());
  }

  /** The 48 bytes the signature covers, exactly as the seed crate signs them. */
  byte[] signedPayload() {
    return signedPayload(protocolVersion, expiryUnixSeconds, clientId);
  }

  /**
   * {@code "BevySimplenetAuthToken"} ‖ version u16 ‖ expiry u64 ‖ client id u128, little-endian.
   */
  static byte[] signedPayload(int protocolVersion, long expiryUnixSeconds, ClientId clientId) {
    ByteBuffer buffer =
        ByteBuffer.allocate(PAYLOAD_DOMAIN.length + FIELDS_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    putFields(buffer.put(PAYLOAD_DOMAIN), protocolVersion, expiryUnixSeconds, clientId);
    return buffer.array();
  }

  private static void putFields(
      ByteBuffer littleEndian, int protocolVersion, long expiryUnixSeconds, ClientId clientId) {
    littleEndian
        .putShort((short) protocolVersion)
        .putLong(expiryUnixSeconds)
        .put(clientId.toLittleEndian());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AuthToken token
        && token.protocolVersion == protocolVersion
        && token.expiryUnixSeconds == expiryUnixSeconds
        && token.clientId.equals(clientId)
        && Arrays.equals(token.signature, signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(protocolVersion, expiryUnixSeconds, clientId, Arrays.hashCode(signature));
  }

  /** Names the fields but redacts the signature: whoever holds a token can use it. */
  @Override
  public String toString() {
    return "AuthToken{protocolVersion="
        + protocolVersion
        + ", expiryUnixSeconds="
        + Long.toUnsignedString(expiryUnixSeconds)
        + ", clientId="
        + clientId
        + ", signature=<redacted>}";
  }
}
