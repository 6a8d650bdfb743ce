package io.simplenet;

/**
 * Receives a server's events when the server is built with a handler instead of being polled. The
 * server calls one method at a time, in event order, on the executor it was given. Every method
 * does nothing by default.
 *
 * <p>A request left unanswered is rejected when its token is garbage-collected; a request whose
 * {@link #onRequest} throws is rejected at once.
 *
 * @param <C> the connect message
 * @param <CM> client messages
 * @param <REQ> requests
 */
public interface ServerHandler<C, CM, REQ> {

  /** A client authenticated; sends to it are delivered from now on. */
  default void onConnected(ClientId clientId, ClientEnv env, C connect) {}

  /** An accepted client's connection ended. */
  default void onDisconnected(ClientId clientId) {}

  /** A one-shot message from a client. */
  default void onMessage(ClientId clientId, CM message) {}

  /** A request from a client; answer it through the server with {@code token}. */
  default void onRequest(ClientId clientId, RequestToken token, REQ request) {}
}
