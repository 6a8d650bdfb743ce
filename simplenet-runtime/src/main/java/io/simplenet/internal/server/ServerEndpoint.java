package io.simplenet.internal.server;

import io.simplenet.internal.TyrusSessions;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Tyrus endpoint instance of a server, called for every session. Public only because
 * Tyrus invokes its methods reflectively.
 */
public final class ServerEndpoint extends Endpoint {
  private static final Logger log = LoggerFactory.getLogger(ServerEndpoint.class);

  private final ServerCore<?, ?, ?, ?, ?> server;

  ServerEndpoint(ServerCore<?, ?, ?, ?, ?> server) {
    this.server = server;
  }

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    TyrusSessions.disableIdleTimeout(session);
    server.onOpen(session);
  }

  @Override
  public void onClose(Session session, CloseReason closeReason) {
    server.onClose(session);
  }

  @Override
  public void onError(Session session, Throwable error) {
    log.debug("transport error on session {}", session.getId(), error);
  }
}
