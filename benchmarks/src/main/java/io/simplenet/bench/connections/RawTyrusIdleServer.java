package io.simplenet.bench.connections;

import io.simplenet.bench.tyrus.RawTyrusServer;
import jakarta.websocket.DeploymentException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * The {@code tyrus} group's hand-written endpoint, idle: nothing of simplenet (no authentication,
 * heartbeat, idle or handshake timers, queues or per-connection state). The baseline for
 * simplenet's heap per connection.
 *
 * <p>Driven by the benchmark's main thread.
 */
final class RawTyrusIdleServer implements IdleServer {
  private final RawTyrusServer server;

  RawTyrusIdleServer() throws IOException, DeploymentException {
    server = RawTyrusServer.start((session, frame) -> {});
  }

  @Override
  public URI url() {
    return server.uri();
  }

  @Override
  public boolean awaitConnected(int count, Duration timeout) throws InterruptedException {
    return server.awaitOpened(count, timeout);
  }

  @Override
  public boolean awaitNoConnections(Duration timeout) throws InterruptedException {
    return server.awaitAllClosed(timeout);
  }

  @Override
  public int openConnections() {
    return server.openSessions();
  }

  @Override
  public void close() throws InterruptedException {
    server.close();
  }
}
