package io.simplenet.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.ClientConfig;
import io.simplenet.ClientReport;
import io.simplenet.ServerEvent;
import io.simplenet.testing.TestServers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A stalled, half-open link (bytes stop, nothing closes): the heartbeats of both ends find it
 * within their keepalive timeout plus {@link #SLACK}, and the client then reconnects or dies by its
 * policy.
 */
class StallTest {
  /**
   * What detection may take beyond the keepalive timeout: one heartbeat period (the check runs once
   * per period) and scheduling on a busy 2-core machine.
   */
  static final Duration SLACK = ChaosRig.HEARTBEAT.plus(Duration.ofMillis(900));

  /** A client keepalive that keeps the client from noticing while the test looks. */
  private static final Duration LONG_KEEPALIVE = Duration.ofSeconds(5);

  private ChaosRig rig;
  private long stalledAt;

  @AfterEach
  void tearDown() {
    rig.close();
  }

  @Test
  void theServerNoticesAStalledLinkWithinItsKeepalive() throws Exception {
    RecordedClient client =
        stalledClient(ChaosRig.CLIENT_CONFIG.toBuilder().keepaliveTimeout(LONG_KEEPALIVE).build());
    assertServerNoticesInTime(client);
    assertEquals(0, rig.server().connectionCount());
    assertTrue(client.client.isConnected(), "the client cannot know yet");
  }

  @Test
  void theClientNoticesAStalledLinkWithinItsKeepaliveAndReconnects() throws Exception {
    RecordedClient client = stalledClient(ChaosRig.QUICK_CLIENT_CONFIG);
    assertClientNoticesInTime(client);

    // If the server has not dropped the stalled connection yet it refuses the id (1008): the
    // client, told to reconnect after a server's close too, tries again.
    TestServers.next(rig.server(), ServerEvent.Disconnected.class, client.id());
    client.awaitReport(ClientReport.Connected.class);
    TestServers.next(rig.server(), ServerEvent.Connected.class, client.id());
    rig.roundTrip(client, 7);
  }

  @Test
  void bothEndsNoticeAStalledLinkAndAClientThatMustNotReconnectDies() throws Exception {
    RecordedClient client =
        stalledClient(ChaosRig.QUICK_CLIENT_CONFIG.toBuilder().reconnectOnDisconnect(false).build());
    assertServerNoticesInTime(client);
    assertClientNoticesInTime(client);
    assertEquals(List.of(), client.nextReport(ClientReport.IsDead.class).pendingRequestIds());
    // Both ends closed their sockets without either seeing the other's close: the link is gone.
    TestServers.awaitTrue(
        () -> rig.proxy().connectionCount() == 0, RecordedClient.WAIT, "the stalled link to end");
  }

  /** A client with {@code config}, connected through the proxy, whose link is then stalled. */
  private RecordedClient stalledClient(ClientConfig config) throws InterruptedException {
    rig = new ChaosRig(ChaosRig.QUICK_SERVER_CONFIG);
    RecordedClient client = rig.client(1, config);
    rig.awaitConnected(client);
    rig.roundTrip(client, 1);
    stalledAt = System.nanoTime();
    rig.proxy().stallAll();
    return client;
  }

  private void assertServerNoticesInTime(RecordedClient client) {
    TestServers.next(rig.server(), ServerEvent.Disconnected.class, client.id());
    assertDetectedInTime("server");
  }

  private void assertClientNoticesInTime(RecordedClient client) throws InterruptedException {
    client.nextReport(ClientReport.Disconnected.class);
    assertDetectedInTime("client");
  }

  private void assertDetectedInTime(String side) {
    Duration took = Duration.ofNanos(System.nanoTime() - stalledAt);
    Duration bound = ChaosRig.KEEPALIVE.plus(SLACK);
    System.out.println("StallTest: the " + side + " noticed the stall after " + took.toMillis() + " ms");
    assertTrue(took.compareTo(bound) <= 0, side + " noticed after " + took + " > " + bound);
  }
}
