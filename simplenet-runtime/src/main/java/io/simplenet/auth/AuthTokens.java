package io.simplenet.auth;

import io.simplenet.ClientId;
import io.simplenet.auth.internal.Ed25519;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Issues {@link AuthToken}s signed with an {@link AuthKeys} private seed. Thread-safe. */
public final class AuthTokens {
  private AuthTokens() {}

  /**
   * A token for {@code clientId} that expires {@code lifetime} after {@code now}, rounded down to
   * whole seconds.
   */
  public static AuthToken fromLifetime(
      byte[] privateSeed, Duration lifetime, ClientId clientId, Instant now) {
    Objects.requireNonNull(lifetime, "lifetime == null");
    Objects.requireNonNull(now, "now == null");
    if (lifetime.isNegative()) {
      throw new IllegalArgumentException("lifetime < 0: " + lifetime);
    }
    return fromExpiry(privateSeed, now.plus(lifetime).getEpochSecond(), clientId);
  }

  /** A token for {@code clientId} that expires {@code lifetime} from now, by the system clock. */
  public static AuthToken fromLifetime(byte[] privateSeed, Duration lifetime, ClientId clientId) {
    return fromLifetime(privateSeed, lifetime, clientId, Instant.now());
  }

  /**
   * A token for {@code clientId} that expires at {@code expiryUnixSeconds}. Negative values are
   * refused rather than read as huge unsigned ones, which would make a token that never expires.
   */
  public static AuthToken fromExpiry(
      byte[] privateSeed, long expiryUnixSeconds, ClientId clientId) {
    Objects.requireNonNull(clientId, "clientId == null");
    if (expiryUnixSeconds < 0) {
      throw new IllegalArgumentException("expiryUnixSeconds < 0: " + expiryUnixSeconds);
    }
    int version = AuthToken.AUTH_TOKEN_PROTOCOL_VERSION;
    byte[] payload = AuthToken.signedPayload(version, expiryUnixSeconds, clientId);
    return AuthToken.of(version, expiryUnixSeconds, clientId, Ed25519.sign(privateSeed, payload));
  }
}
