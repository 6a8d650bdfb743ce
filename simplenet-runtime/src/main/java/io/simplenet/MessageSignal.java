package io.simplenet;

/**
 * Tracks one message a {@link Client} sent: its {@link MessageStatus}, which the client updates
 * from its own threads.
 *
 * <p>Implementations are thread-safe.
 */
public interface MessageSignal {

  /** The current status; once {@linkplain MessageStatus#isDone done} it never changes. */
  MessageStatus status();
}
