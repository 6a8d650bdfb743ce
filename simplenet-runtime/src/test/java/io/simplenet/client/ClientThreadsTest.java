package io.simplenet.client;

import static io.simplenet.client.Harness.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.ClientConfig;
import io.simplenet.ClientEvent;
import io.simplenet.ClientId;
import io.simplenet.ClientReport;
import io.simplenet.ServerConfig;
import io.simplenet.ServerEvent;
import io.simplenet.auth.AuthRequest;
import io.simplenet.auth.Authenticator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many clients share the Grizzly transport and a capped pool instead of threads per connection. */
class ClientThreadsTest {
  private static final int CLIENTS = 100;

  private final Harness harness = new Harness();

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  @Test
  void aHundredClientsUseAFewSharedThreads() throws Exception {
    var server = harness.server(ServerConfig.DEFAULT, new Authenticator.None());
    long tyrusThreadsBefore = countThreads("tyrus-");
    List<io.simplenet.Client<?, ?, ?, ?, ?>> clients = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      clients.add(
          harness.client(
              server.url(), new AuthRequest.None(ClientId.of(i)), ClientConfig.DEFAULT, ""));
    }
    for (int i = 0; i < CLIENTS; i++) {
      assertInstanceOf(ServerEvent.Connected.class, next(server));
    }
    for (var client : clients) {
      assertEquals(new ClientEvent.Report<>(new ClientReport.Connected()), next(client));
    }
    // Tyrus's own timer pools are 10 threads per container: the server's may fill up, and
    // the clients must add none (one pool per client would add hundreds).
    long tyrusThreadsAdded = countThreads("tyrus-") - tyrusThreadsBefore;
    assertTrue(tyrusThreadsAdded <= 10, tyrusThreadsAdded + " Tyrus timer threads added");
    // The connect pool, the worker pool, the timer, and the shared transport's selectors.
    long clientThreads = countThreads("simplenet-client") + countThreads("Grizzly(");
    assertTrue(clientThreads <= 40, clientThreads + " client threads for " + CLIENTS + " clients");
  }

  private static long countThreads(String namePrefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith(namePrefix))
        .count();
  }
}
