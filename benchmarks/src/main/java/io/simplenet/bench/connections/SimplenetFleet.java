package io.simplenet.bench.connections;

import io.simplenet.ClientConfig;
import io.simplenet.ClientReport;
import io.simplenet.auth.AuthRequest;
import io.simplenet.bench.schema.BenchClient;
import io.simplenet.bench.schema.BenchClientEvent;
import io.simplenet.bench.schema.Hello;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Generated {@code BenchClient}s, each with its own Ed25519 token. They are all built at once:
 * the runtime dials on its shared pool of connect threads (16), which bounds the handshakes in
 * flight, as it would for any application opening many clients. A client that fails is not
 * retried ({@code maxInitialConnectAttempts} 1, no reconnect), so a failure shows instead of
 * being hidden in the connect time.
 *
 * <p>Driven by the load generator's main thread.
 */
final class SimplenetFleet implements ClientFleet {
  private static final ClientConfig CONFIG =
      ClientConfig.builder()
          .heartbeatInterval(IdleHeartbeat.INTERVAL)
          .keepaliveTimeout(IdleHeartbeat.KEEPALIVE_TIMEOUT)
          .build();

  private final URI url;
  private final List<AuthRequest> tokens;
  private final List<BenchClient> clients;

  /** One client per token, each to authenticate with its token. */
  SimplenetFleet(URI url, List<AuthRequest> tokens) {
    this.url = url;
    this.tokens = List.copyOf(tokens);
    this.clients = new ArrayList<>(tokens.size());
  }

  @Override
  public int connectAll(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (AuthRequest token : tokens) {
      clients.add(
          BenchClient.builder()
              .url(url)
              .auth(token)
              .connect(new Hello("client-" + token.clientId()))
              .config(CONFIG)
              .build());
    }
    int retries = 0;
    for (BenchClient client : clients) {
      for (ClientReport report = nextReport(client, deadline);
          !(report instanceof ClientReport.Connected);
          report = nextReport(client, deadline)) {
        if (report instanceof ClientReport.IsDead) {
          throw new IllegalStateException(client.id() + " gave up connecting");
        }
        retries++; // Disconnected: a failed attempt, retried by the client
      }
    }
    return retries;
  }

  @Override
  public void closeAll(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    clients.forEach(BenchClient::close);
    for (BenchClient client : clients) {
      ClientReport report;
      do {
        report = nextReport(client, deadline);
      } while (!(report instanceof ClientReport.IsDead));
    }
  }

  /** The client's next report; idle clients get no messages, so anything else is a bug. */
  private static ClientReport nextReport(BenchClient client, long deadline)
      throws InterruptedException {
    long remaining = deadline - System.nanoTime();
    BenchClientEvent event = remaining > 0 ? client.poll(Duration.ofNanos(remaining)) : null;
    if (event == null) {
      throw new IllegalStateException(client.id() + ": no event before the deadline");
    }
    if (!(event instanceof BenchClientEvent.Report report)) {
      throw new IllegalStateException(client.id() + ": unexpected event: " + event);
    }
    return report.report();
  }
}
