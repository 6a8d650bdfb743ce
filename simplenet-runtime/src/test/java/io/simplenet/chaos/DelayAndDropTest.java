package io.simplenet.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.ClientConfig;
import io.simplenet.ClientEvent;
import io.simplenet.ClientReport;
import io.simplenet.RequestSignal;
import io.simplenet.ServerConfig;
import io.simplenet.ServerEvent;
import io.simplenet.testing.TestMessages.TestRequest;
import io.simplenet.testing.TestServers;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A slow link still carries everything; a frame cut in half ends only its own connection. */
class DelayAndDropTest {
  /** Well inside the keepalive timeout of the stall tests, in each direction. */
  private static final Duration DELAY = Duration.ofMillis(40);

  /** Enough round trips that the delayed traffic spans more than one keepalive timeout. */
  private static final int ROUND_TRIPS = 12;

  private ChaosRig rig;

  @AfterEach
  void tearDown() {
    rig.close();
  }

  @Test
  void aDelayedLinkStillAnswersEveryRequestWithoutKeepaliveTrips() throws Exception {
    rig = new ChaosRig(ChaosRig.QUICK_SERVER_CONFIG);
    RecordedClient client = rig.client(1, ChaosRig.QUICK_CLIENT_CONFIG);
    rig.awaitConnected(client);

    rig.proxy().delay(DELAY);
    long start = System.nanoTime();
    for (int i = 0; i < ROUND_TRIPS; i++) {
      rig.roundTrip(client, i);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(
        took.compareTo(ChaosRig.KEEPALIVE) > 0, "the delayed traffic lasted only " + took);
    TestServers.assertNoEvent(rig.server()); // no Disconnected
    assertEquals(1, rig.server().connectionCount());
    assertTrue(client.client.isConnected());
    assertEquals(1, rig.proxy().acceptedCount(), "the client reconnected");
  }

  @Test
  void aFrameCutInHalfEndsOnlyItsConnectionAndTheClientReconnects() throws Exception {
    // No heartbeats while the test runs: the next frame towards the server is the test's request.
    ServerConfig quietServer =
        ChaosRig.SERVER_CONFIG.toBuilder()
            .heartbeatInterval(Duration.ofSeconds(30))
            .keepaliveTimeout(Duration.ofSeconds(60))
            .build();
    ClientConfig quietClient =
        ChaosRig.CLIENT_CONFIG.toBuilder()
            .heartbeatInterval(Duration.ofSeconds(30))
            .keepaliveTimeout(Duration.ofSeconds(60))
            .build();
    rig = new ChaosRig(quietServer);
    RecordedClient victim = rig.client(1, quietClient);
    rig.awaitConnected(victim);
    RecordedClient bystander = rig.client(2, quietClient);
    rig.awaitConnected(bystander);

    rig.proxy().dropMidFrame();
    RequestSignal lost = victim.client.request(new TestRequest(1));

    victim.nextReport(ClientReport.Disconnected.class);
    // Half a frame never makes a request on the server: it is written, so its response is lost.
    assertEquals(new ClientEvent.ResponseLost<>(lost.id()), victim.next());
    TestServers.next(rig.server(), ServerEvent.Disconnected.class, victim.id());
    rig.awaitConnected(victim);
    rig.roundTrip(victim, 2);

    rig.roundTrip(bystander, 3);
    assertTrue(bystander.client.isConnected());
    assertEquals(1, bystander.reports().size(), "bystander events: " + bystander.events);
    assertInstanceOf(ClientReport.Connected.class, bystander.reports().get(0));
    assertEquals(2, rig.server().connectionCount());
  }
}
