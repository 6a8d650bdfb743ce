package io.simplenet;

import io.simplenet.auth.AuthResult;
import io.simplenet.internal.wire.CloseCodes;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A WebSocket close code and reason text, as sent in a close frame. The constants are the closes
 * simplenet itself sends; {@code docs/protocol.md} lists when each is used.
 *
 * <p>Instances are immutable and thread-safe.
 */
public record CloseReason(int code, String reason) {
  /** The client closed deliberately. */
  public static final CloseReason CLIENT_DONE = new CloseReason(CloseCodes.NORMAL, "client done");

  /** The server is shutting down gracefully. */
  public static final CloseReason SERVER_SHUTTING_DOWN =
      new CloseReason(CloseCodes.GOING_AWAY, "server shutting down");

  /** More sessions than max connections plus max pending, found after the upgrade. */
  public static final CloseReason MAX_CONNECTIONS =
      new CloseReason(CloseCodes.PROTOCOL_ERROR, "max connections");

  /** No valid hello within the auth timeout. */
  public static final CloseReason NO_AUTH_RECEIVED =
      new CloseReason(CloseCodes.POLICY_VIOLATION, "no auth received");

  /** The client id is already connected; the earlier connection keeps going. */
  public static final CloseReason CLIENT_ALREADY_CONNECTED =
      new CloseReason(CloseCodes.POLICY_VIOLATION, "client already connected");

  /** The connection's outbound queue outgrew its bound. */
  public static final CloseReason SLOW_CONSUMER =
      new CloseReason(CloseCodes.POLICY_VIOLATION, "slow consumer");

  /** Too many frames within the rate limit's window. */
  public static final CloseReason RATE_LIMIT_VIOLATION =
      new CloseReason(CloseCodes.INTERNAL_ERROR, "rate limit violation");

  /** A frame larger than the maximum message size. */
  public static final CloseReason MESSAGE_SIZE_VIOLATION =
      new CloseReason(CloseCodes.INTERNAL_ERROR, "message size violation");

  /** A frame that does not decode. */
  public static final CloseReason DESERIALIZATION_FAILURE =
      new CloseReason(CloseCodes.INTERNAL_ERROR, "deserialization failure");

  /** A message frame before the hello. */
  public static final CloseReason MESSAGE_BEFORE_AUTH =
      new CloseReason(CloseCodes.INTERNAL_ERROR, "message before auth");

  /** A request frame before the hello. */
  public static final CloseReason REQUEST_BEFORE_AUTH =
      new CloseReason(CloseCodes.INTERNAL_ERROR, "request before auth");

  /** A second hello. */
  public static final CloseReason EXTRA_AUTH_MESSAGE =
      new CloseReason(CloseCodes.INTERNAL_ERROR, "extra auth message");

  /** A text message on a binary-encoded connection. */
  public static final CloseReason TEXT_NOT_ALLOWED =
      new CloseReason(CloseCodes.INTERNAL_ERROR, "text not allowed");

  /** A binary message on a JSON-encoded connection. */
  public static final CloseReason BINARY_NOT_ALLOWED =
      new CloseReason(CloseCodes.INTERNAL_ERROR, "binary not allowed");

  /** Nothing received for the keepalive timeout. */
  public static final CloseReason REMOTE_PARTNER_INACTIVE =
      new CloseReason(CloseCodes.INTERNAL_ERROR, "remote partner is inactive");

  /** The server's event queue is full, so this connection's event could not be queued. */
  public static final CloseReason SERVER_OVERLOADED =
      new CloseReason(CloseCodes.TRY_AGAIN_LATER, "server overloaded");

  /**
   * Validates both values.
   *
   * @param code 1000-4999
   * @param reason at most {@link CloseCodes#MAX_REASON_BYTES} UTF-8 bytes; see {@link #fit}
   */
  public CloseReason {
    if (code < 1000 || code > 4999) {
      throw new IllegalArgumentException("code not in [1000, 4999]: " + code);
    }
    Objects.requireNonNull(reason, "reason == null");
    int bytes = reason.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > CloseCodes.MAX_REASON_BYTES) {
      throw new IllegalArgumentException(
          "reason longer than " + CloseCodes.MAX_REASON_BYTES + " UTF-8 bytes: " + bytes);
    }
  }

  /** A normal close (1000) with the application's reason, shortened to fit if needed. */
  public static CloseReason normal(String reason) {
    return new CloseReason(CloseCodes.NORMAL, fit(reason));
  }

  /** The authenticator refused the client: 1011 {@code "invalid auth: <why>"}. */
  public static CloseReason invalidAuth(AuthResult result) {
    if (result.isAccepted()) {
      throw new IllegalArgumentException("result is accepted: " + result);
    }
    return new CloseReason(CloseCodes.INTERNAL_ERROR, result.reason());
  }

  /** {@code text} cut at a character boundary to at most {@link CloseCodes#MAX_REASON_BYTES}. */
  public static String fit(String text) {
    Objects.requireNonNull(text, "text == null");
    if (text.length() * 3 <= CloseCodes.MAX_REASON_BYTES) {
      return text; // short enough whatever the characters
    }
    int bytes = 0;
    int end = 0;
    while (end < text.length()) {
      int codePoint = text.codePointAt(end);
      int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
      if (bytes + size > CloseCodes.MAX_REASON_BYTES) {
        break;
      }
      bytes += size;
      end += Character.charCount(codePoint);
    }
    return text.substring(0, end);
  }
}
