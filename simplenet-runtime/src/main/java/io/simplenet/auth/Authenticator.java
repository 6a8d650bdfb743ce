package io.simplenet.auth;

import io.simplenet.auth.internal.Ed25519;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * How a server decides whether a connecting client's {@link AuthRequest} is accepted, the seed
 * crate's {@code Authenticator}: {@link None}, {@link Secret} or {@link Token}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public sealed interface Authenticator {

  /**
   * Whether {@code request} is accepted at time {@code now} (tokens expire), and if not, why. Never
   * throws on bad input: every defect is a rejection.
   */
  AuthResult authenticate(AuthRequest request, Instant now);

  /** Accepts every request; the client's claimed id is taken on trust. */
  record None() implements Authenticator {
    @Override
    public AuthResult authenticate(AuthRequest request, Instant now) {
      Objects.requireNonNull(request, "request == null");
      return AuthResult.ACCEPTED;
    }
  }

  /**
   * Accepts an {@link AuthRequest.Secret} with this secret, compared in constant time; the id is
   * taken on trust.
   */
  record Secret(AuthSecret secret) implements Authenticator {
    public Secret {
      Objects.requireNonNull(secret, "secret == null");
    }

    @Override
    public AuthResult authenticate(AuthRequest request, Instant now) {
      Objects.requireNonNull(request, "request == null");
      if (!(request instanceof AuthRequest.Secret secretRequest)) {
        return AuthResult.WRONG_VARIANT;
      }
      return secret.equals(secretRequest.secret())
          ? AuthResult.ACCEPTED
          : AuthResult.INVALID_SECRET;
    }
  }

  /**
   * Accepts an {@link AuthRequest.Token} signed with the private seed of this public key, of the
   * current version and not expired. Unlike the seed crate, expiry is enforced.
   */
  final class Token implements Authenticator {
    private final byte[] publicKey;
    private final Optional<PublicKey> verifyingKey;

    /**
     * Takes the {@link AuthKeys#PUBLIC_KEY_BYTES}-byte public key. Bytes that are not a valid key
     * are not refused here, so the server still starts, but every token is then rejected with
     * {@link AuthResult#INVALID_PUBLIC_KEY}; see {@link #hasValidPublicKey}.
     */
    public Token(byte[] publicKey) {
      Objects.requireNonNull(publicKey, "publicKey == null");
      this.publicKey = publicKey.clone();
      this.verifyingKey = Ed25519.decodePublicKey(this.publicKey);
    }

    /** A copy of the public key. */
    public byte[] publicKey() {
      return publicKey.clone();
    }

    /** Whether the public key is a valid Ed25519 key, so that any token can pass. */
    public boolean hasValidPublicKey() {
      return verifyingKey.isPresent();
    }

    @Override
    public AuthResult authenticate(AuthRequest request, Instant now) {
      Objects.requireNonNull(request, "request == null");
      Objects.requireNonNull(now, "now == null");
      if (!(request instanceof AuthRequest.Token tokenRequest)) {
        return AuthResult.WRONG_VARIANT;
      }
      if (verifyingKey.isEmpty()) {
        return AuthResult.INVALID_PUBLIC_KEY;
      }
      AuthToken token = tokenRequest.token();
      // The version comes first: another version's fields need not mean what this one's do.
      if (token.protocolVersion() != AuthToken.AUTH_TOKEN_PROTOCOL_VERSION) {
        return AuthResult.BAD_TOKEN_VERSION;
      }
      if (token.isExpired(now)) {
        return AuthResult.EXPIRED_TOKEN;
      }
      return Ed25519.verify(verifyingKey.get(), token.signedPayload(), token.signature())
          ? AuthResult.ACCEPTED
          : AuthResult.BAD_SIGNATURE;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Token token && Arrays.equals(token.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
      return "Token[publicKey=" + HexFormat.of().formatHex(publicKey) + "]";
    }
  }
}
