package io.simplenet.internal.server;

import io.simplenet.ServerTls;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.nio.transport.TCPNIOTransportBuilder;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.glassfish.grizzly.strategies.WorkerThreadIOStrategy;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;

/**
 * A Grizzly HTTP listener bound to exactly the requested host and port, with Tyrus's WebSocket
 * add-on serving one endpoint. Not thread-safe: the owning server starts and stops it once.
 */
final class GrizzlyTransport {
  private static final String LISTENER_NAME = "simplenet";

  private final HttpServer http;
  private final NetworkListener listener;
  private final TyrusContainer container;

  private GrizzlyTransport(HttpServer http, NetworkListener listener, TyrusContainer container) {
    this.http = http;
    this.listener = listener;
    this.container = container;
  }

  /**
   * Binds {@code host:port} (port 0: a free port) and serves {@code endpoint}.
   *
   * @param sslContext null for plain {@code ws://}
   * @param incomingBufferSize the largest frame Tyrus reads before failing the connection itself
   * @throws UncheckedIOException if the address cannot be bound
   */
  static GrizzlyTransport start(
      String host,
      int port,
      SSLContext sslContext,
      int incomingBufferSize,
      ServerEndpointConfig endpoint) {
    TyrusContainer container = new TyrusContainer(incomingBufferSize);
    NetworkListener listener = new NetworkListener(LISTENER_NAME, host, port);
    TCPNIOTransport transport =
        TCPNIOTransportBuilder.newInstance()
            .setSelectorThreadPoolConfig(
                ThreadPoolConfig.defaultConfig().setPoolName("simplenet-server-selector"))
            .setWorkerThreadPoolConfig(
                ThreadPoolConfig.defaultConfig().setPoolName("simplenet-server-worker"))
            // What Tyrus's own Grizzly container uses: a slow handler never stalls a selector.
            .setIOStrategy(WorkerThreadIOStrategy.getInstance())
            .build();
    listener.setTransport(transport);
    listener.getKeepAlive().setIdleTimeoutInSeconds(-1); // WebSockets have their own heartbeat
    if (sslContext != null) {
      listener.setSecure(true);
      listener.setSSLEngineConfig(
          new SSLEngineConfigurator(sslContext, false, false, false)
              .setEnabledProtocols(ServerTls.PROTOCOLS.toArray(new String[0])));
    }
    listener.registerAddOn(new WebSocketAddOn(container, TyrusContainer.CONTEXT_PATH));
    HttpServer http = new HttpServer();
    http.addListener(listener);
    try {
      container.register(endpoint);
      http.start();
    } catch (IOException e) {
      http.shutdownNow();
      container.stop();
      throw new UncheckedIOException("cannot bind " + host + ":" + port + ": " + e.getMessage(), e);
    } catch (DeploymentException e) {
      http.shutdownNow();
      container.stop();
      throw new IllegalArgumentException("cannot serve path " + endpoint.getPath(), e);
    }
    return new GrizzlyTransport(http, listener, container);
  }

  /** The bound port. */
  int port() {
    return listener.getPort();
  }

  /** Stops accepting connections and releases the port; open connections carry on. */
  void unbind() {
    listener.getTransport().unbindAll();
  }

  /**
   * Closes every connection and stops every thread, waiting at most {@code timeout} for the
   * thread pools to finish.
   */
  void stop(Duration timeout) throws InterruptedException {
    TCPNIOTransport transport = listener.getTransport();
    ExecutorService workers = transport.getWorkerThreadPool();
    ExecutorService selectors = transport.getKernelThreadPool();
    http.shutdownNow();
    container.stop();
    long deadline = System.nanoTime() + timeout.toNanos();
    for (ExecutorService pool : new ExecutorService[] {workers, selectors}) {
      if (pool != null) {
        pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    }
  }
}
