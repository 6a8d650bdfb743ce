package io.simplenet;

/**
 * Where a client's request is, the seed crate's {@code RequestStatus}. It starts {@link #SENDING};
 * then {@link #SEND_FAILED}, or {@link #WAITING} once written to the socket; a waiting request ends
 * {@link #RESPONDED}, {@link #ACKNOWLEDGED}, {@link #REJECTED} or {@link #RESPONSE_LOST}. Every
 * status but {@link #SENDING} and {@link #WAITING} is final.
 */
public enum RequestStatus {
  /** The request frame is queued or being written. */
  SENDING,
  /** Written to the socket; no reply yet. */
  WAITING,
  /** The server responded ({@link ClientEvent.Response}). */
  RESPONDED,
  /** The server acknowledged it and sends no response ({@link ClientEvent.Ack}). */
  ACKNOWLEDGED,
  /** The server rejected it ({@link ClientEvent.Reject}). */
  REJECTED,
  /** The frame was never written ({@link ClientEvent.SendFailed}). */
  SEND_FAILED,
  /**
   * Written, but the connection ended before a reply ({@link ClientEvent.ResponseLost}); the server
   * may or may not have processed it.
   */
  RESPONSE_LOST;

  /** Whether the status is final: neither {@link #SENDING} nor {@link #WAITING}. */
  public boolean isDone() {
    return this != SENDING && this != WAITING;
  }
}
