package io.simplenet;

/**
 * Tracks one request a {@link Client} sent: its id, which the reply events carry, and its {@link
 * RequestStatus}, which the client updates from its own threads.
 *
 * <p>Implementations are thread-safe.
 */
public interface RequestSignal {

  /** The request's id: unique within its client, counting up from 0; an unsigned 64-bit number. */
  long id();

  /** The current status; once {@linkplain RequestStatus#isDone done} it never changes. */
  RequestStatus status();
}
