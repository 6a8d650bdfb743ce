package io.simplenet.internal.server;

import io.simplenet.ServerTls;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.nio.transport.TCPNIOTransportBuilder;
import org.glassfish.grizzly.ssl.SSLBaseFilter;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.glassfish.grizzly.strategies.LeaderFollowerNIOStrategy;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.grizzly.utils.DelayedExecutor;
import org.glassfish.grizzly.utils.IdleTimeoutFilter;
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

  private final DelayedExecutor idleTimer;
  private final ScheduledExecutorService handshakeTimer;

  private GrizzlyTransport(
      HttpServer http,
      NetworkListener listener,
      TyrusContainer container,
      DelayedExecutor idleTimer,
      ScheduledExecutorService handshakeTimer) {
    this.http = http;
    this.listener = listener;
    this.container = container;
    this.idleTimer = idleTimer;
    this.handshakeTimer = handshakeTimer;
  }

  /**
   * Binds {@code host:port} (port 0: a free port) and serves {@code endpoint}.
   *
   * @param sslContext null for plain {@code ws://}
   * @param incomingBufferSize the largest frame Tyrus reads before failing the connection itself
   * @param idleTimeout a connection with no traffic either way for this long is dropped
   * @param handshakeDeadline a connection not answered (upgraded or refused) this long after its
   *     accept is dropped
   * @throws UncheckedIOException if the address cannot be bound
   */
  static GrizzlyTransport start(
      String host,
      int port,
      SSLContext sslContext,
      int incomingBufferSize,
      Duration idleTimeout,
      Duration handshakeDeadline,
      ServerEndpointConfig endpoint) {
    TyrusContainer container = new TyrusContainer(incomingBufferSize);
    NetworkListener listener = new NetworkListener(LISTENER_NAME, host, port);
    TCPNIOTransport transport =
        TCPNIOTransportBuilder.newInstance()
            .setSelectorThreadPoolConfig(
                ThreadPoolConfig.defaultConfig().setPoolName("simplenet-server-selector"))
            .setWorkerThreadPoolConfig(ServerWorkerPool.config("simplenet-server-worker"))
            // The thread that selected a read handles it while a worker takes over selecting: no
            // hand-off before a frame is handled, and a slow handler holds only its own thread,
            // never the selector (Tyrus's own container hands every read to a worker).
            .setIOStrategy(LeaderFollowerNIOStrategy.getInstance())
            .build();
    listener.setTransport(transport);
    // Grizzly's HTTP keep-alive timeout would also close upgraded connections: turn it off, and
    // close any connection, upgraded or not, with no traffic either way for idleTimeout instead.
    listener.getKeepAlive().setIdleTimeoutInSeconds(-1);
    ExecutorService idlePool = Executors.newSingleThreadExecutor(daemon("simplenet-server-idle"));
    ScheduledExecutorService handshakeTimer =
        Executors.newSingleThreadScheduledExecutor(daemon("simplenet-server-handshake"));
    DelayedExecutor idleTimer = new DelayedExecutor(idlePool, 1, TimeUnit.SECONDS);
    IdleTimeoutFilter idleFilter =
        new IdleTimeoutFilter(idleTimer, idleTimeout.toMillis(), TimeUnit.MILLISECONDS);
    listener.registerAddOn((ignored, chain) -> chain.add(1, idleFilter)); // right after the socket
    HandshakeDeadlineFilter handshakeFilter =
        new HandshakeDeadlineFilter(handshakeTimer, handshakeDeadline);
    // After TLS when there is TLS, so that only an HTTP answer counts, not the TLS handshake's.
    listener.registerAddOn(
        (ignored, chain) -> {
          int tls = chain.indexOfType(SSLBaseFilter.class);
          chain.add(tls >= 0 ? tls + 1 : 1, handshakeFilter);
        });
    if (sslContext != null) {
      listener.setSecure(true);
      listener.setSSLEngineConfig(
          new SSLEngineConfigurator(sslContext, false, false, false)
              .setEnabledProtocols(ServerTls.PROTOCOLS.toArray(new String[0])));
    }
    listener.registerAddOn(new WebSocketAddOn(container, TyrusContainer.CONTEXT_PATH));
    HttpServer http = new HttpServer();
    http.addListener(listener);
    GrizzlyTransport started =
        new GrizzlyTransport(http, listener, container, idleTimer, handshakeTimer);
    try {
      container.register(endpoint);
      idleTimer.start();
      http.start();
    } catch (IOException e) {
      started.stopNow();
      throw new UncheckedIOException("cannot bind " + host + ":" + port + ": " + e.getMessage(), e);
    } catch (DeploymentException e) {
      started.stopNow();
      throw new IllegalArgumentException("cannot serve path " + endpoint.getPath(), e);
    }
    return started;
  }

  private void stopNow() {
    http.shutdownNow();
    container.stop();
    idleTimer.destroy();
    idleTimer.getThreadPool().shutdownNow();
    handshakeTimer.shutdownNow();
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
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
    stopNow();
    long deadline = System.nanoTime() + timeout.toNanos();
    for (ExecutorService pool :
        new ExecutorService[] {workers, selectors, idleTimer.getThreadPool(), handshakeTimer}) {
      if (pool != null) {
        pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    }
  }
}
