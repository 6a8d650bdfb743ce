package io.simplenet.internal.client;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Extension;
import jakarta.websocket.Session;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.glassfish.tyrus.core.BaseContainer;

/**
 * The container all client sessions belong to, whichever client manager connected them. Tyrus takes
 * a session's timer from its container and schedules an idle check on it for every send; a
 * container of its own per client would start a pool of up to 10 threads per client. This one lends
 * the shared {@link TyrusClient} threads instead. It only hosts sessions: connecting goes through a
 * client manager.
 *
 * <p>Thread-safe; its settings are Tyrus's client defaults and fixed.
 */
final class SessionContainer extends BaseContainer {

  @Override
  public ScheduledExecutorService getScheduledExecutorService() {
    return TyrusClient.TIMER;
  }

  @Override
  public ExecutorService getExecutorService() {
    return TyrusClient.BLOCKING;
  }

  /** No send timeout, as Tyrus's client default. */
  @Override
  public long getDefaultAsyncSendTimeout() {
    return 0;
  }

  /** No idle timeout: the client's heartbeat watches the connection. */
  @Override
  public long getDefaultMaxSessionIdleTimeout() {
    return 0;
  }

  /** As Tyrus's client default; Tyrus's incoming buffer bounds the message size. */
  @Override
  public int getDefaultMaxBinaryMessageBufferSize() {
    return Integer.MAX_VALUE;
  }

  /** As Tyrus's client default; Tyrus's incoming buffer bounds the message size. */
  @Override
  public int getDefaultMaxTextMessageBufferSize() {
    return Integer.MAX_VALUE;
  }

  /** No container properties: every client's settings are on its own manager. */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of();
  }

  @Override
  public Set<Extension> getInstalledExtensions() {
    return Set.of();
  }

  @Override
  public void setAsyncSendTimeout(long timeoutMillis) {
    throw fixed();
  }

  @Override
  public void setDefaultMaxSessionIdleTimeout(long timeoutMillis) {
    throw fixed();
  }

  @Override
  public void setDefaultMaxBinaryMessageBufferSize(int size) {
    throw fixed();
  }

  @Override
  public void setDefaultMaxTextMessageBufferSize(int size) {
    throw fixed();
  }

  @Override
  public Session connectToServer(Object endpoint, URI path) {
    throw sessionsOnly();
  }

  @Override
  public Session connectToServer(Class<?> endpointClass, URI path) {
    throw sessionsOnly();
  }

  @Override
  public Session connectToServer(Endpoint endpoint, ClientEndpointConfig config, URI path) {
    throw sessionsOnly();
  }

  @Override
  public Session connectToServer(
      Class<? extends Endpoint> endpointClass, ClientEndpointConfig config, URI path) {
    throw sessionsOnly();
  }

  private static UnsupportedOperationException fixed() {
    return new UnsupportedOperationException("the shared session container's settings are fixed");
  }

  private static UnsupportedOperationException sessionsOnly() {
    return new UnsupportedOperationException("hosts sessions only: connect with a ClientManager");
  }
}
