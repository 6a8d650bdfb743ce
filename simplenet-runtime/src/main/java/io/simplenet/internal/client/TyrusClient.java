package io.simplenet.internal.client;

import io.simplenet.ClientTls;
import io.simplenet.internal.TransportLogging;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.SslEngineConfigurator;
import org.glassfish.tyrus.client.ThreadPoolConfig;
import org.glassfish.tyrus.container.grizzly.client.GrizzlyClientContainer;

/**
 * What all clients of the process share: Tyrus client managers pinned to the Grizzly container with
 * one shared transport and a capped worker pool (Tyrus's JDK client can hang in sends, and an
 * unshared Grizzly client starts threads per connection), a timer thread for reconnect pauses and
 * heartbeats, and a few threads for the calls that block (connecting, closing).
 */
final class TyrusClient {
  private TyrusClient() {}

  static {
    TransportLogging.install();
  }

  /**
   * The shared transport's Grizzly worker threads. Frames are read on its selector threads once a
   * session has opened ({@link io.simplenet.internal.SharedClientTransport}); until then, handshakes
   * run here.
   */
  private static final int WORKER_THREADS =
      Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

  /** Threads that connect and close; a connect blocks one until the handshake ends or times out. */
  private static final int BLOCKING_THREADS = 16;

  /** Reconnect pauses and heartbeats: short tasks only. */
  static final ScheduledExecutorService TIMER = newTimer();

  /** Connects and closes, which block in Tyrus. */
  static final ExecutorService BLOCKING = newBlockingPool();

  /** The container of every client session: see {@link SessionContainer}. */
  private static final SessionContainer SESSION_CONTAINER = new SessionContainer();

  /**
   * A client manager for one client: TLS is per manager, so managers are not shared, but their
   * Grizzly transport is.
   *
   * @param tls null for {@code ws://}
   */
  static ClientManager newManager(ClientTls tls, Duration handshakeTimeout) {
    ClientManager manager =
        ClientManager.createClient(GrizzlyClientContainer.class.getName(), SESSION_CONTAINER);
    manager.getProperties().put(ClientProperties.SHARED_CONTAINER, true);
    manager
        .getProperties()
        .put(
            ClientProperties.WORKER_THREAD_POOL_CONFIG,
            ThreadPoolConfig.defaultConfig()
                .setPoolName("simplenet-client-worker")
                .setCorePoolSize(WORKER_THREADS)
                .setMaxPoolSize(WORKER_THREADS)
                .setDaemon(true));
    manager
        .getProperties()
        .put(
            ClientProperties.HANDSHAKE_TIMEOUT,
            (int) Math.min(Integer.MAX_VALUE, handshakeTimeout.toMillis()));
    if (tls != null) {
      SslEngineConfigurator ssl =
          new SslEngineConfigurator(
              new ProtocolLimitedSslContext(tls.sslContext(), ClientTls.PROTOCOLS),
              true,
              false,
              false);
      ssl.setHostVerificationEnabled(tls.hostnameVerification());
      manager.getProperties().put(ClientProperties.SSL_ENGINE_CONFIGURATOR, ssl);
    }
    return manager;
  }

  private static ScheduledExecutorService newTimer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(1, daemonThreads("simplenet-client-timer"));
    timer.setRemoveOnCancelPolicy(true); // cancelled heartbeats must not pile up
    return timer;
  }

  private static ExecutorService newBlockingPool() {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            BLOCKING_THREADS,
            BLOCKING_THREADS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            daemonThreads("simplenet-client-connect"));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
