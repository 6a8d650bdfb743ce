package io.simplenet.auth;

import io.simplenet.auth.internal.Ed25519;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * An Ed25519 key pair for {@link AuthToken}s: the private seed signs tokens ({@link AuthTokens}),
 * the public key checks them ({@link Authenticator.Token}). The seed never appears in {@link
 * #toString}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AuthKeys {
  /** The size of the private seed, the seed crate's {@code AUTH_PRIVKEY_BYTES}. */
  public static final int PRIVATE_SEED_BYTES = Ed25519.SEED_BYTES;

  /** The size of the public key, the seed crate's {@code AUTH_PUBKEY_BYTES}. */
  public static final int PUBLIC_KEY_BYTES = Ed25519.PUBLIC_KEY_BYTES;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] privateSeed;
  private final byte[] publicKey;

  private AuthKeys(byte[] privateSeed, byte[] publicKey) {
    this.privateSeed = privateSeed;
    this.publicKey = publicKey;
  }

  /** A fresh key pair whose seed is drawn from a {@link SecureRandom}. */
  public static AuthKeys generate() {
    byte[] seed = new byte[PRIVATE_SEED_BYTES];
    RANDOM.nextBytes(seed);
    return fromPrivateSeed(seed);
  }

  /** The key pair of a stored {@link #PRIVATE_SEED_BYTES}-byte private seed. */
  public static AuthKeys fromPrivateSeed(byte[] privateSeed) {
    byte[] seed = privateSeed.clone();
    return new AuthKeys(seed, Ed25519.publicKeyFromSeed(seed));
  }

  /** A copy of the private seed, which signs tokens: keep it on the token issuer only. */
  public byte[] privateSeed() {
    return privateSeed.clone();
  }

  /** A copy of the public key, which the server's {@link Authenticator.Token} needs. */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** Shows the public key and redacts the private seed. */
  @Override
  public String toString() {
    return "AuthKeys{publicKey="
        + HexFormat.of().formatHex(publicKey)
        + ", privateSeed=<redacted>}";
  }
}
