package io.simplenet.auth;

/** The outcome of {@link Authenticator#authenticate}: accepted, or the reason it was not. */
public enum AuthResult {
  ACCEPTED("accepted"),
  /** The request's kind (none, secret, token) is not the one the authenticator takes. */
  WRONG_VARIANT("invalid auth: wrong auth variant"),
  INVALID_SECRET("invalid auth: invalid secret"),
  /** The server's configured public key is not a valid Ed25519 point: no token can pass. */
  INVALID_PUBLIC_KEY("invalid auth: invalid server public key"),
  BAD_TOKEN_VERSION("invalid auth: bad token version"),
  EXPIRED_TOKEN("invalid auth: expired token"),
  BAD_SIGNATURE("invalid auth: bad token signature");

  private final String reason;

  AuthResult(String reason) {
    this.reason = reason;
  }

  /** Whether the request was accepted. */
  public boolean isAccepted() {
    return this == ACCEPTED;
  }

  /** A short text for the server's close frame (well under its 123-byte limit); names no secret. */
  public String reason() {
    return reason;
  }
}
