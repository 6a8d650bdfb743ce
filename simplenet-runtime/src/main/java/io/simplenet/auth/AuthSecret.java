package io.simplenet.auth;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * The 16-byte shared secret of {@link Authenticator.Secret} and {@link AuthRequest.Secret}.
 * Compared in constant time and never printed.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AuthSecret {
  /** The size of a secret, the seed crate's {@code SECRET_AUTH_BYTES}. */
  public static final int BYTES = 16;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] bytes;

  private AuthSecret(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The secret {@code bytes}, which must be exactly {@link #BYTES} long. */
  public static AuthSecret of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes == null");
    if (bytes.length != BYTES) {
      throw new IllegalArgumentException("secret.length != " + BYTES + ": " + bytes.length);
    }
    return new AuthSecret(bytes.clone());
  }

  /** A fresh secret drawn from a {@link SecureRandom}. */
  public static AuthSecret random() {
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    return new AuthSecret(bytes);
  }

  /** A copy of the secret's bytes. */
  public byte[] toBytes() {
    return bytes.clone();
  }

  /** Compares in constant time, so response timing cannot reveal how much of a guess was right. */
  @Override
  public boolean equals(Object other) {
    return other instanceof AuthSecret secret && MessageDigest.isEqual(secret.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Redacted: secrets must not reach logs. */
  @Override
  public String toString() {
    return "AuthSecret[redacted]";
  }
}
