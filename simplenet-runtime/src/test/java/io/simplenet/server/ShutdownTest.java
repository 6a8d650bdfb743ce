package io.simplenet.server;

import static io.simplenet.testing.TestServers.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.ClientId;
import io.simplenet.CloseReason;
import io.simplenet.Encoding;
import io.simplenet.ServerEvent;
import io.simplenet.internal.wire.ServerFrame;
import io.simplenet.testing.RawClient;
import io.simplenet.testing.TestMessages.TestServerMsg;
import io.simplenet.testing.TestServers;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Graceful shutdown: queued frames flushed, 1001 to everyone, then the port and threads freed. */
class ShutdownTest {
  private static final int QUEUED = 300;

  @Test
  void shutdownFlushesClosesWith1001AndReleasesPortAndThreads() throws Exception {
    Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
    var server = TestServers.start();
    int port = server.port();
    List<RawClient> clients = new ArrayList<>();
    List<ClientId> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ClientId id = ClientId.of(100 + i);
      Encoding encoding = i % 2 == 0 ? Encoding.BINARY : Encoding.JSON;
      RawClient client = RawClient.connectAs(server.url(), encoding, id, "");
      client.awaitAccepted(id);
      next(server, ServerEvent.Connected.class, id);
      clients.add(client);
      ids.add(id);
    }
    RawClient pending = RawClient.connect(server.url(), Encoding.BINARY); // never says hello
    for (int n = 0; n < QUEUED; n++) {
      for (ClientId id : ids) {
        assertTrue(server.send(id, new TestServerMsg(n)));
      }
    }

    assertTrue(server.shutdown(Duration.ofSeconds(10)));
    assertTrue(server.isDead());
    assertFalse(server.send(ids.get(0), new TestServerMsg(-1)));

    for (RawClient client : clients) {
      for (int n = 0; n < QUEUED; n++) {
        assertEquals(new ServerFrame.Message<>(new TestServerMsg(n)), client.nextFrame());
      }
      assertEquals(CloseReason.SERVER_SHUTTING_DOWN, client.awaitClose());
      client.close();
    }
    assertEquals(CloseReason.SERVER_SHUTTING_DOWN, pending.awaitClose());
    pending.close();

    Set<ClientId> disconnected = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      disconnected.add(assertInstanceOf(ServerEvent.Disconnected.class, next(server)).clientId());
    }
    assertEquals(new HashSet<>(ids), disconnected);
    assertEquals(0, server.connectionCount());

    try (ServerSocket rebind = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
      assertEquals(port, rebind.getLocalPort());
    }
    TestServers.awaitTrue(
        () -> newThreads(before).isEmpty(), RawClient.WAIT, "threads still alive: " + newThreads(before));
    server.close(); // idempotent
  }

  @Test
  void aSecondShutdownWaitsForTheFirst() throws Exception {
    var server = TestServers.start();
    assertTrue(server.shutdown(Duration.ofSeconds(5)));
    assertTrue(server.shutdown(Duration.ofSeconds(5)));
  }

  /** Live threads started since {@code before}, except the process-wide request cleaner. */
  private static Set<String> newThreads(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> !before.contains(thread) && thread.isAlive())
        .map(Thread::getName)
        .filter(name -> !name.equals("simplenet-request-cleaner"))
        .collect(Collectors.toSet());
  }
}
