package io.simplenet.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.simplenet.ClientConfig;
import io.simplenet.ClientId;
import io.simplenet.ClientReport;
import io.simplenet.CloseReason;
import io.simplenet.ServerEvent;
import io.simplenet.testing.FaultProxy.Cut;
import io.simplenet.testing.TestServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server goes away and comes back on the same port: clients whose policy says so come back to
 * it, whether it shut down gracefully or died without a close frame.
 */
class ServerRestartTest {
  private static final int CLIENTS = 3;

  private static final ClientConfig BACKING_OFF =
      ChaosRig.CLIENT_CONFIG.toBuilder()
          .backoff(new ClientConfig.Backoff(Duration.ofMillis(20), Duration.ofMillis(200), 2.0))
          .build();

  private final ChaosRig rig = new ChaosRig();

  @AfterEach
  void tearDown() {
    rig.close();
  }

  @Test
  void clientsComeBackAfterAGracefulShutdownAndRestart() throws Exception {
    List<RecordedClient> clients = connectClients();

    rig.stopServer();
    for (RecordedClient client : clients) {
      assertEquals(
          new ClientReport.ClosedByServer(CloseReason.SERVER_SHUTTING_DOWN),
          client.nextReport(ClientReport.ClosedByServer.class));
    }
    rig.startServerAgain();

    awaitBack(clients);
  }

  /**
   * The closest to a killed process the API allows: every connection is reset first (as the kernel
   * of a dead process does), then the server is stopped and started again.
   */
  @Test
  void clientsComeBackAfterTheServerDiesWithoutClosing() throws Exception {
    List<RecordedClient> clients = connectClients();

    rig.proxy().cutAll(Cut.RESET);
    rig.stopServer();
    for (RecordedClient client : clients) {
      client.nextReport(ClientReport.Disconnected.class);
    }
    rig.startServerAgain();

    awaitBack(clients);
  }

  private List<RecordedClient> connectClients() throws InterruptedException {
    List<RecordedClient> clients = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      RecordedClient client = rig.client(i, BACKING_OFF);
      rig.awaitConnected(client);
      clients.add(client);
    }
    return clients;
  }

  private void awaitBack(List<RecordedClient> clients) throws InterruptedException {
    Set<ClientId> back = new HashSet<>();
    for (RecordedClient client : clients) {
      client.awaitReport(ClientReport.Connected.class);
      back.add(client.id());
    }
    // The restarted server's events: each client's Connected, in whatever order they came.
    Set<ClientId> connected = new HashSet<>();
    while (!connected.equals(back)) {
      var event = TestServers.next(rig.server());
      connected.add(assertInstanceOf(ServerEvent.Connected.class, event).clientId());
    }
    assertEquals(CLIENTS, rig.server().connectionCount());
    for (RecordedClient client : clients) {
      rig.roundTrip(client, client.id().hashCode());
    }
  }
}
