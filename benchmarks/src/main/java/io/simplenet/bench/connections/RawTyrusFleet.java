package io.simplenet.bench.connections;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.ThreadPoolConfig;
import org.glassfish.tyrus.container.grizzly.client.GrizzlyClientContainer;

/**
 * Raw Tyrus clients without authentication: one client manager on the Grizzly container with a
 * shared transport and a capped worker pool (simplenet's client settings, and Tyrus's idiomatic
 * way to open many clients), dialling on as many threads as simplenet's client connects on, so
 * both have the same number of handshakes in flight.
 *
 * <p>Driven by the load generator's main thread.
 */
final class RawTyrusFleet implements ClientFleet {
  /** simplenet's client connect threads (internal.client.TyrusClient.BLOCKING_THREADS). */
  static final int CONNECT_THREADS = 16;

  /** simplenet's client worker threads (internal.client.TyrusClient.WORKER_THREADS). */
  private static final int WORKER_THREADS =
      Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

  private final URI url;
  private final int count;
  private final ClientManager manager;
  private final List<Session> sessions = new ArrayList<>();

  RawTyrusFleet(URI url, int count) {
    this.url = url;
    this.count = count;
    manager = ClientManager.createClient(GrizzlyClientContainer.class.getName());
    manager.getProperties().put(ClientProperties.SHARED_CONTAINER, true);
    manager
        .getProperties()
        .put(
            ClientProperties.WORKER_THREAD_POOL_CONFIG,
            ThreadPoolConfig.defaultConfig()
                .setPoolName("raw-tyrus-client-worker")
                .setCorePoolSize(WORKER_THREADS)
                .setMaxPoolSize(WORKER_THREADS)
                .setDaemon(true));
  }

  @Override
  public int connectAll(Duration timeout) throws Exception {
    ClientEndpointConfig config = ClientEndpointConfig.Builder.create().build();
    Endpoint idle =
        new Endpoint() {
          @Override
          public void onOpen(Session session, EndpointConfig endpointConfig) {}
        };
    List<Future<Session>> connects = new ArrayList<>(count);
    ExecutorService pool = Executors.newFixedThreadPool(CONNECT_THREADS);
    try {
      for (int i = 0; i < count; i++) {
        connects.add(pool.submit(() -> manager.connectToServer(idle, config, url)));
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      for (Future<Session> connect : connects) {
        sessions.add(connect.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
      }
      return 0; // a failed connect fails the measurement: raw Tyrus has no retry of its own
    } finally {
      pool.shutdownNow();
    }
  }

  @Override
  public void closeAll(Duration timeout) throws Exception {
    List<Future<?>> closes = new ArrayList<>(sessions.size());
    ExecutorService pool = Executors.newFixedThreadPool(CONNECT_THREADS);
    try {
      for (Session session : sessions) {
        closes.add(pool.submit(() -> { session.close(); return null; }));
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      for (Future<?> close : closes) {
        close.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
