package io.simplenet.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.ClientConfig;
import io.simplenet.ClientReport;
import io.simplenet.CloseReason;
import io.simplenet.ServerEvent;
import io.simplenet.testing.FaultProxy.Cut;
import io.simplenet.testing.TestServers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A cut connection (reset or FIN, both ends): clients reconnect, or die, as their policy says. */
class CutTest {
  private final ChaosRig rig = new ChaosRig();

  @AfterEach
  void tearDown() {
    rig.close();
  }

  @ParameterizedTest
  @EnumSource(Cut.class)
  void aCutClientReconnectsAndTheServerSeesANewConnection(Cut how) throws Exception {
    RecordedClient client = rig.client(1, ChaosRig.CLIENT_CONFIG);
    rig.awaitConnected(client);
    rig.roundTrip(client, 1);

    rig.proxy().cutAll(how);

    client.nextReport(ClientReport.Disconnected.class);
    client.awaitReport(ClientReport.Connected.class);
    TestServers.next(rig.server(), ServerEvent.Disconnected.class, client.id());
    TestServers.next(rig.server(), ServerEvent.Connected.class, client.id());
    rig.roundTrip(client, 2);
    assertEquals(1, rig.server().connectionCount());
  }

  @ParameterizedTest
  @EnumSource(Cut.class)
  void aCutClientThatMustNotReconnectDies(Cut how) throws Exception {
    RecordedClient client =
        rig.client(1, ChaosRig.CLIENT_CONFIG.toBuilder().reconnectOnDisconnect(false).build());
    rig.awaitConnected(client);
    int acceptedBefore = rig.proxy().acceptedCount();

    rig.proxy().cutAll(how);

    client.nextReport(ClientReport.Disconnected.class);
    assertEquals(List.of(), client.nextReport(ClientReport.IsDead.class).pendingRequestIds());
    TestServers.next(rig.server(), ServerEvent.Disconnected.class, client.id());
    assertEquals(acceptedBefore, rig.proxy().acceptedCount(), "the dead client reconnected");
  }

  /**
   * With the server gone, attempts fail until the limit: as many as the policy allows, each after a
   * backoff pause of at least {@code min}.
   */
  @Test
  void reconnectAttemptsFollowTheBackoffAndItsLimit() throws Exception {
    var backoff = new ClientConfig.Backoff(Duration.ofMillis(40), Duration.ofMillis(160), 2.0);
    int attempts = 3;
    RecordedClient client =
        rig.client(
            1,
            ChaosRig.CLIENT_CONFIG.toBuilder()
                .backoff(backoff)
                .maxReconnectAttempts(attempts)
                .build());
    rig.awaitConnected(client);
    int acceptedBefore = rig.proxy().acceptedCount();

    rig.stopServer();
    assertEquals(
        new ClientReport.ClosedByServer(CloseReason.SERVER_SHUTTING_DOWN),
        client.nextReport(ClientReport.ClosedByServer.class));
    long closedAt = System.nanoTime();
    assertEquals(List.of(), client.nextReport(ClientReport.IsDead.class).pendingRequestIds());
    Duration tried = Duration.ofNanos(System.nanoTime() - closedAt);

    assertEquals(attempts, rig.proxy().acceptedCount() - acceptedBefore, "connect attempts");
    // Each attempt waited at least the backoff's floor; the ceilings only bound it from above.
    Duration floor = backoff.min().multipliedBy(attempts);
    assertTrue(tried.compareTo(floor) >= 0, "gave up after " + tried + " < " + floor);
  }
}
