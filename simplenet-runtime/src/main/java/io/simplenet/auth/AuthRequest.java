package io.simplenet.auth;

import io.simplenet.ClientId;
import java.util.Objects;

/**
 * What a client presents to authenticate, the seed crate's {@code AuthRequest}: the server's {@link
 * Authenticator} decides whether it is accepted.
 *
 * <p>Instances are immutable and thread-safe.
 */
public sealed interface AuthRequest {

  /** The id the client claims; only a {@link Token} proves it. */
  ClientId clientId();

  /** No credentials: only {@link Authenticator.None} accepts it. */
  record None(ClientId clientId) implements AuthRequest {
    public None {
      Objects.requireNonNull(clientId, "clientId == null");
    }
  }

  /** A shared secret, for {@link Authenticator.Secret}; printing redacts it. */
  record Secret(ClientId clientId, AuthSecret secret) implements AuthRequest {
    public Secret {
      Objects.requireNonNull(clientId, "clientId == null");
      Objects.requireNonNull(secret, "secret == null");
    }
  }

  /** A signed token, for {@link Authenticator.Token}; the id is the token's. */
  record Token(AuthToken token) implements AuthRequest {
    public Token {
      Objects.requireNonNull(token, "token == null");
    }

    @Override
    public ClientId clientId() {
      return token.clientId();
    }
  }
}
