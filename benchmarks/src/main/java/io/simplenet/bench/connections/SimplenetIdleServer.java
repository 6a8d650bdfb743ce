package io.simplenet.bench.connections;

import io.simplenet.Server;
import io.simplenet.ServerConfig;
import io.simplenet.auth.Authenticator;
import io.simplenet.bench.schema.BenchServer;
import io.simplenet.bench.schema.BenchServerEvent;
import java.net.URI;
import java.time.Duration;

/**
 * The generated {@code BenchServer} with Ed25519 token authentication, its events polled on the
 * calling thread as an application would, with the {@link IdleHeartbeat}. Its limits allow 10,000
 * connections as they are
 * ({@code maxPending} 10,000 counts only unauthenticated connections, of which the load generator
 * has at most a few dozen in flight; {@code maxConnections} 100,000; {@code maxQueuedEvents}
 * 100,000, and the events are consumed as they come), so none is raised.
 *
 * <p>Driven by the benchmark's main thread.
 */
final class SimplenetIdleServer implements IdleServer {
  /**
   * The auth timeout (and so the upgrade deadline), longer than the 3 s default: on 2 cores shared
   * with other work, a client of a 10,000-client storm sometimes got its 101 and sent its hello more
   * than 3 s after the server's upgrade, was closed with 1008 "no auth received" and, as a client
   * closed by its server does not reconnect, failed the run.
   */
  static final Duration AUTH_TIMEOUT = Duration.ofSeconds(10);

  private final BenchServer server;
  /** Connected minus Disconnected events polled so far. */
  private int open;

  SimplenetIdleServer(byte[] publicKey) {
    server =
        BenchServer.builder()
            .host("127.0.0.1")
            .config(
                ServerConfig.builder()
                    .heartbeatInterval(IdleHeartbeat.INTERVAL)
                    .keepaliveTimeout(IdleHeartbeat.KEEPALIVE_TIMEOUT)
                    .authTimeout(AUTH_TIMEOUT)
                    .build())
            .authenticator(new Authenticator.Token(publicKey))
            .start();
  }

  @Override
  public URI url() {
    return server.url();
  }

  @Override
  public boolean awaitConnected(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (open < count) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return false;
      }
      BenchServerEvent event = server.poll(Duration.ofNanos(remaining));
      count(event);
    }
    return true;
  }

  @Override
  public boolean awaitNoConnections(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (open > 0) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return false;
      }
      BenchServerEvent event = server.poll(Duration.ofNanos(remaining));
      count(event);
    }
    return server.connectionCount() == 0;
  }

  /**
   * Counts a connection in or out. A client may drop and reconnect while the others connect (its
   * retries are the load generator's to report), so both kinds can come at any time.
   */
  private void count(BenchServerEvent event) {
    if (event instanceof BenchServerEvent.Connected) {
      open++;
    } else if (event instanceof BenchServerEvent.Disconnected) {
      open--;
    } else if (event != null) {
      throw new IllegalStateException("idle clients sent something: " + event);
    }
  }

  @Override
  public int openConnections() {
    return server.connectionCount();
  }

  @Override
  public void close() throws InterruptedException {
    if (!server.shutdown(Server.DEFAULT_SHUTDOWN_DEADLINE)) {
      throw new IllegalStateException("server not dead after " + Server.DEFAULT_SHUTDOWN_DEADLINE);
    }
  }
}
