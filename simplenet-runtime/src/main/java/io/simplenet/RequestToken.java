package io.simplenet;

/**
 * The right to answer one client request: pass it to {@code Server.respond}, {@code ack} or {@code
 * reject}, exactly once. A token that is garbage-collected unanswered rejects its request, in order
 * with the server's other frames to that client. Implemented by the runtime only.
 *
 * <p>Thread-safe.
 */
public interface RequestToken {

  /** The client that made the request. */
  ClientId clientId();

  /** The client's id for the request, an unsigned 64-bit number. */
  long requestId();

  /**
   * Whether the connection the request came on has ended; an answer would then be dropped. A client
   * that reconnects has a new connection, so its old tokens stay dead: use {@code send} instead.
   */
  boolean isDestinationDead();

  /** Whether the request has been answered (responded, acknowledged or rejected). */
  boolean isAnswered();
}
