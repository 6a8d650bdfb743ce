package io.simplenet.internal.wire;

/** The WebSocket close codes simplenet uses (RFC 6455 §7.4 and the private range 4000-4999). */
public final class CloseCodes {
  private CloseCodes() {}

  /** A deliberate close: {@code Client.close()} or {@code Server.disconnect}. */
  public static final int NORMAL = 1000;

  /** The server is shutting down. */
  public static final int GOING_AWAY = 1001;

  /** Too many live sessions after the upgrade (the seed crate's choice of code). */
  public static final int PROTOCOL_ERROR = 1002;

  /** Never sent: the peer vanished without a close frame. */
  public static final int ABNORMAL = 1006;

  /** Auth timeout, duplicate client id, slow consumer. */
  public static final int POLICY_VIOLATION = 1008;

  /** A misbehaving peer: limits, undecodable or out-of-order frames, failed auth, inactivity. */
  public static final int INTERNAL_ERROR = 1011;

  /** The server's event queue is full. */
  public static final int TRY_AGAIN_LATER = 1013;

  /** The connect request was refused: bad query, version or encoding (HTTP 400's counterpart). */
  public static final int REFUSED_BAD_REQUEST = 4400;

  /** The connect request was refused: too many connections (HTTP 503's counterpart). */
  public static final int REFUSED_UNAVAILABLE = 4503;

  /** The longest close reason, in UTF-8 bytes: a control frame's 125 bytes less the code. */
  public static final int MAX_REASON_BYTES = 123;
}
