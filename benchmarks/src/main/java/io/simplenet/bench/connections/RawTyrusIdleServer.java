package io.simplenet.bench.connections;

import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.nio.transport.TCPNIOTransportBuilder;
import org.glassfish.grizzly.strategies.WorkerThreadIOStrategy;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

/**
 * A hand-written Tyrus endpoint that only counts its sessions, on the Grizzly settings simplenet's
 * server uses (a listener bound to 127.0.0.1 alone, default selector and worker pools, {@link
 * WorkerThreadIOStrategy}, no HTTP keep-alive timeout on upgraded connections) but nothing of
 * simplenet: no authentication, heartbeat, idle or handshake timers, queues or per-connection
 * state. The baseline for simplenet's heap per connection.
 *
 * <p>Driven by the benchmark's main thread; the endpoint's callbacks run on Grizzly's threads.
 */
final class RawTyrusIdleServer implements IdleServer {
  private static final String PATH = "/raw";
  private static final Duration SHUTDOWN = Duration.ofSeconds(5);

  private final HttpServer http;
  private final NetworkListener listener;
  private final CountingEndpoint endpoint = new CountingEndpoint();

  RawTyrusIdleServer() {
    TyrusServerContainer container = new Container();
    listener = new NetworkListener("raw-tyrus", "127.0.0.1", 0);
    listener.setTransport(
        TCPNIOTransportBuilder.newInstance()
            .setSelectorThreadPoolConfig(
                ThreadPoolConfig.defaultConfig().setPoolName("raw-tyrus-selector"))
            .setWorkerThreadPoolConfig(
                ThreadPoolConfig.defaultConfig().setPoolName("raw-tyrus-worker"))
            .setIOStrategy(WorkerThreadIOStrategy.getInstance())
            .build());
    listener.getKeepAlive().setIdleTimeoutInSeconds(-1);
    listener.registerAddOn(new WebSocketAddOn(container, ""));
    http = new HttpServer();
    http.addListener(listener);
    try {
      container.register(
          ServerEndpointConfig.Builder.create(CountingEndpoint.class, PATH)
              .configurator(
                  new ServerEndpointConfig.Configurator() {
                    @Override
                    public <T> T getEndpointInstance(Class<T> type) {
                      return type.cast(endpoint);
                    }
                  })
              .build());
      http.start();
    } catch (DeploymentException e) {
      http.shutdownNow();
      throw new IllegalStateException("cannot serve " + PATH, e);
    } catch (IOException e) {
      http.shutdownNow();
      throw new UncheckedIOException("cannot bind 127.0.0.1: " + e.getMessage(), e);
    }
  }

  @Override
  public URI url() {
    return URI.create("ws://127.0.0.1:" + listener.getPort() + PATH);
  }

  @Override
  public boolean awaitConnected(int count, Duration timeout) throws InterruptedException {
    return endpoint.await(count, true, timeout);
  }

  @Override
  public boolean awaitNoConnections(Duration timeout) throws InterruptedException {
    return endpoint.await(0, false, timeout);
  }

  @Override
  public int openConnections() {
    return endpoint.open();
  }

  @Override
  public void close() throws InterruptedException {
    TCPNIOTransport transport = listener.getTransport();
    ExecutorService workers = transport.getWorkerThreadPool();
    ExecutorService selectors = transport.getKernelThreadPool();
    http.shutdownNow();
    long deadline = System.nanoTime() + SHUTDOWN.toNanos();
    for (ExecutorService pool : new ExecutorService[] {workers, selectors}) {
      if (pool != null
          && !pool.awaitTermination(
              Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        throw new IllegalStateException("raw Tyrus threads alive after " + SHUTDOWN);
      }
    }
  }

  /** The one endpoint instance of every session: counts opens and closes. */
  public static final class CountingEndpoint extends Endpoint {
    private int opened;
    private int closed;

    @Override
    public synchronized void onOpen(Session session, EndpointConfig config) {
      opened++;
      notifyAll();
    }

    @Override
    public synchronized void onClose(Session session, CloseReason reason) {
      closed++;
      notifyAll();
    }

    synchronized int open() {
      return opened - closed;
    }

    /** Waits until {@code count} sessions were opened (or, with !opening, are open at most). */
    synchronized boolean await(int count, boolean opening, Duration timeout)
        throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (opening ? opened < count : opened - closed > count) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(this, remaining);
      }
      return true;
    }
  }

  /** Just an engine with Tyrus's defaults, as the runtime's container is. */
  private static final class Container extends TyrusServerContainer {
    private final TyrusWebSocketEngine engine = TyrusWebSocketEngine.builder(this).build();

    Container() {
      super((Set<Class<?>>) null);
    }

    @Override
    public void register(Class<?> endpointClass) {
      throw new UnsupportedOperationException("only programmatic endpoints are registered");
    }

    @Override
    public void register(ServerEndpointConfig config) throws DeploymentException {
      engine.register(config, "");
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
}
