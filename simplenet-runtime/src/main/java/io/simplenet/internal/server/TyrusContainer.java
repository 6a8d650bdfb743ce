package io.simplenet.internal.server;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Map;
import java.util.Set;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

/**
 * The Tyrus container behind one server: just an engine with our incoming buffer size. Grizzly's
 * own Tyrus container is not used because it binds 0.0.0.0 whatever host it is given.
 */
final class TyrusContainer extends TyrusServerContainer {
  /** Endpoint paths are absolute: there is no servlet-style context path. */
  static final String CONTEXT_PATH = "";

  private final TyrusWebSocketEngine engine;

  TyrusContainer(int incomingBufferSize) {
    super((Set<Class<?>>) null);
    this.engine = TyrusWebSocketEngine.builder(this).incomingBufferSize(incomingBufferSize).build();
  }

  @Override
  public void register(Class<?> endpointClass) {
    throw new UnsupportedOperationException("only programmatic endpoints are registered");
  }

  @Override
  public void register(ServerEndpointConfig config) throws DeploymentException {
    engine.register(config, CONTEXT_PATH);
  }

  @Override
  public Map<String, Object> getProperties() {
    return Map.of();
  }

  @Override
  public WebSocketEngine getWebSocketEngine() {
    return engine;
  }
}
