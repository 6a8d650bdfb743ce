package io.simplenet;

/**
 * Where a client's one-shot message or request frame is on its way to the server, the seed crate's
 * {@code MessageStatus}: {@link #SENDING}, then {@link #SENT} or {@link #FAILED}, never changing
 * again.
 */
public enum MessageStatus {
  /** Queued or being written to the socket. */
  SENDING,
  /**
   * Written to the socket. Not an acknowledgement: the server may still drop it, for example on a
   * limit violation, or lose it with the connection.
   */
  SENT,
  /**
   * Not written: the client was not connected, the connection ended first, the queue was full, or
   * the socket reported an error.
   */
  FAILED;

  /** Whether the status is final: {@link #SENT} or {@link #FAILED}. */
  public boolean isDone() {
    return this != SENDING;
  }
}
